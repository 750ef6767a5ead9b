import Foundation
import SiyuCore

/// `cap/quiet-hours`: a post scheduled inside the channel's `quiet_hours`.
public struct QuietHoursCapRule: BuiltinHistoryRule {
  public static let description = RuleDescription(
    id: "cap/quiet-hours",
    defaultLevel: .warning,
    summary: "A post scheduled inside the channel's caps.CHANNEL.quiet_hours (in the configured time zone).",
    rationale: """
      A moments post at midnight reaches followers in bed and gets muted; the default keeps moments \
      quiet from 22:00 to 08:00. Group posts have no default quiet hours (live-stream groups run late); \
      set them per channel. A date-only publish_at (2026-11-25: the day is planned, the hour is not) is \
      not judged: it has no time of day yet. Examples are histories in JSON Lines; the last row is the \
      draft.
      """,
    points: 0,
    triggering: [
      """
      {"text":"晚安","channel":"moments","publish_at":"2026-11-24T23:30+08:00"}
      """
    ],
    nonTriggering: [
      """
      {"text":"晚安","channel":"moments","publish_at":"2026-11-24T21:30+08:00"}
      """,
      """
      {"text":"直播回放","channel":"group","publish_at":"2026-11-24T23:30+08:00"}
      """,
      """
      {"text":"晚安","channel":"moments","publish_at":"2026-11-25"}
      """,
    ]
  )

  public init() {}

  public func check(entry: Int, in history: History, caps: CapsSettings) -> [String] {
    let facts = history.entries[entry].facts
    // A date-only post has no time of day to judge (its midnight is only a stand-in for ordering).
    guard let quiet = caps.channels[facts.channel]?.quietHours, let time = facts.timedPublishAt,
      quiet.contains(minuteOfDay: history.minuteOfDay(time))
    else { return [] }
    return ["\(history.streamName(of: entry)) \(history.clock(time)) 在免打扰时段 \(quiet.text) 内，会打扰粉丝休息"]
  }
}
