import Foundation
import SiyuCore

/// `cap/hard-sell-daily`: more hard-sell posts in one day than the channel's `hard_sell_per_day`.
public struct HardSellDailyCapRule: BuiltinHistoryRule {
  public static let description = RuleDescription(
    id: "cap/hard-sell-daily",
    defaultLevel: .error,
    summary: "More hard-sell posts on one day than the channel's caps.CHANNEL.hard_sell_per_day.",
    rationale: """
      An account that posts nothing but prices, countdowns and 扫码下单 turns into an ad shelf; one offer a \
      day among value content is what successful teams keep to, so the default is 1 hard-sell post a day \
      for `moments` and for each `group`. A post is hard-sell when its verdict says so (the same verdict \
      `siyu check` reports). Only a hard-sell draft is flagged. Examples are histories in JSON Lines; the \
      last row is the draft.
      """,
    points: 0,
    triggering: [
      """
      {"text":"限时秒杀！原价399今天99元，扫码下单，手慢无","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      {"text":"最后3小时！到手价59元，私聊我下单，仅剩5件","channel":"moments","publish_at":"2026-11-24T19:00+08:00"}
      """
    ],
    nonTriggering: [
      """
      {"text":"限时秒杀！原价399今天99元，扫码下单，手慢无","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      {"text":"今天分享一个护肤小技巧：洗脸水温别太高。","channel":"moments","publish_at":"2026-11-24T19:00+08:00"}
      """
    ]
  )

  public init() {}

  public func check(entry: Int, in history: History, caps: CapsSettings) -> [String] {
    let facts = history.entries[entry].facts
    guard facts.hardSell, let limit = caps.channels[facts.channel]?.hardSellPerDay,
      let time = facts.publishAt
    else { return [] }
    let (start, end) = history.dayBounds(of: time)
    let others = history.others(of: entry, from: start, to: end).filter { history.entries[$0].facts.hardSell }
    guard others.count + 1 > limit else { return [] }
    return [
      "\(history.streamName(of: entry)) \(history.monthDay(time))第 \(others.count + 1) 条硬广，超过每日硬广上限 \(limit) 条"
        + history.listing(others, withDate: false)
    ]
  }
}
