import Foundation
import SiyuCore

/// `cap/daily`: more posts in one calendar day than the channel's `per_day`.
public struct DailyCapRule: BuiltinHistoryRule {
  public static let description = RuleDescription(
    id: "cap/daily",
    defaultLevel: .error,
    summary: "More posts on one day (in the configured time zone) than the channel's caps.CHANNEL.per_day.",
    rationale: """
      Followers mute accounts that flood them: the field's own warning signs are 6–7 moments posts and a \
      dozen group blasts a day. CRM tools for WeCom cap a personal account's moments posts at 3 a day, and \
      WeCom delivers one mass message per customer per day by default, so the default is 3 a day for \
      `moments` and for each `group` (counted per 群 when `group` is set, per persona when `persona` is). \
      Counted over the history and the drafts; the draft that makes the day's count pass the cap gets the \
      finding, naming the posts already on that day. A date-only publish_at (2026-11-25) counts on its day \
      and comes before the day's timed posts. Examples are histories in JSON Lines; the last row is the \
      draft.
      """,
    points: 0,
    triggering: [
      """
      {"text":"早安","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      {"text":"午间分享","channel":"moments","publish_at":"2026-11-24T12:00+08:00"}
      {"text":"下午茶","channel":"moments","publish_at":"2026-11-24T16:00+08:00"}
      {"text":"晚安","channel":"moments","publish_at":"2026-11-24T20:00+08:00"}
      """,
      """
      {"text":"早安","channel":"moments","publish_at":"2026-11-24"}
      {"text":"午间分享","channel":"moments","publish_at":"2026-11-24"}
      {"text":"下午茶","channel":"moments","publish_at":"2026-11-24"}
      {"text":"晚安","channel":"moments","publish_at":"2026-11-24"}
      """,
    ],
    nonTriggering: [
      """
      {"text":"早安","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      {"text":"午间分享","channel":"moments","publish_at":"2026-11-24T12:00+08:00"}
      {"text":"下午茶","channel":"moments","publish_at":"2026-11-24T16:00+08:00"}
      {"text":"早安","channel":"moments","publish_at":"2026-11-25T09:00+08:00"}
      """,
      """
      {"text":"早安","channel":"group","group":"A群","publish_at":"2026-11-24T09:00+08:00"}
      {"text":"午间分享","channel":"group","group":"A群","publish_at":"2026-11-24T12:00+08:00"}
      {"text":"下午茶","channel":"group","group":"A群","publish_at":"2026-11-24T16:00+08:00"}
      {"text":"晚安","channel":"group","group":"B群","publish_at":"2026-11-24T20:00+08:00"}
      """,
    ]
  )

  public init() {}

  public func check(entry: Int, in history: History, caps: CapsSettings) -> [String] {
    guard let limit = caps.channels[history.entries[entry].facts.channel]?.perDay,
      let time = history.entries[entry].facts.publishAt
    else { return [] }
    let (start, end) = history.dayBounds(of: time)
    let others = history.others(of: entry, from: start, to: end)
    guard others.count + 1 > limit else { return [] }
    return [
      "\(history.streamName(of: entry)) \(history.monthDay(time))第 \(others.count + 1) 条，超过每日上限 \(limit) 条"
        + history.listing(others, withDate: false)
    ]
  }
}
