import Foundation
import SiyuCore

/// `cap/gap`: a post closer to another post of the same stream than the channel's `min_gap`.
public struct GapCapRule: BuiltinHistoryRule {
  public static let description = RuleDescription(
    id: "cap/gap",
    defaultLevel: .warning,
    summary: "A post published less than caps.CHANNEL.min_gap after or before another post of its stream.",
    rationale: """
      Posts bunched together read as a blast and bury each other in the feed; spacing them keeps each one \
      seen. Defaults: 2 hours between moments posts, 1 hour between posts to the same 群. The draft is \
      flagged (of two drafts, the later one), naming the posts too close to it. Only posts with a time \
      of day are compared: a date-only publish_at (2026-11-25: the day is planned, the hour is not) is \
      neither judged nor measured against, so a timed post is compared with the nearest timed posts of \
      its stream. Examples are histories in JSON Lines; the last row is the draft.
      """,
    points: 0,
    triggering: [
      """
      {"text":"早安","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      {"text":"再补一句","channel":"moments","publish_at":"2026-11-24T09:40+08:00"}
      """
    ],
    nonTriggering: [
      """
      {"text":"早安","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      {"text":"午间分享","channel":"moments","publish_at":"2026-11-24T11:00+08:00"}
      """,
      """
      {"text":"早安","channel":"moments","publish_at":"2026-11-24"}
      {"text":"午间分享","channel":"moments","publish_at":"2026-11-24"}
      {"text":"零点抽奖","channel":"moments","publish_at":"2026-11-24T00:30+08:00"}
      """,
    ]
  )

  public init() {}

  public func check(entry: Int, in history: History, caps: CapsSettings) -> [String] {
    let facts = history.entries[entry].facts
    // Only times of day are compared: a date-only post (its midnight a stand-in for ordering) is neither
    // judged nor a neighbour.
    guard let gap = caps.channels[facts.channel]?.minGap, gap > 0, let time = facts.timedPublishAt else {
      return []
    }
    let span = TimeInterval(gap) - 0.001
    let others = history.others(of: entry, from: time - span, to: time + span).filter {
      !history.entries[$0].facts.publishDateOnly
    }
    guard !others.isEmpty else { return [] }
    let nearest =
      others.map { abs(history.entries[$0].facts.publishAt?.timeIntervalSince(time) ?? 0) }.min() ?? 0
    let closest = others.sorted {
      abs(history.entries[$0].facts.publishAt?.timeIntervalSince(time) ?? 0)
        < abs(history.entries[$1].facts.publishAt?.timeIntervalSince(time) ?? 0)
    }
    return [
      "\(history.streamName(of: entry)) \(history.clock(time)) 与相邻帖子只隔 \(History.duration(Int(nearest)))，"
        + "至少间隔 \(History.duration(gap))" + history.listing(closest, withDate: true)
    ]
  }
}
