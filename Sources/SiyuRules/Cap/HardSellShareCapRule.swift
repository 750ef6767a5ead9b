import Foundation
import SiyuCore

/// `cap/hard-sell-share`: a hard-sell post that lifts the share of hard-sell posts in the rolling window
/// ending at it above `caps.hard_sell_share.max`.
public struct HardSellShareCapRule: BuiltinHistoryRule {
  public static let description = RuleDescription(
    id: "cap/hard-sell-share",
    defaultLevel: .warning,
    summary: "Too large a share of hard-sell posts in the window (caps.hard_sell_share) ending at a post.",
    rationale: """
      Teams that keep followers post value content (tips, stories, answers, after-sale care) far more \
      often than offers; an account whose week is mostly ads is an ad shelf. Default: at most 30% of a \
      stream's posts in any 7 days may be hard-sell, counted in the window that ends at the draft. One \
      hard-sell post is always allowed, so a quiet week with a single offer is not flagged. Applies to \
      the channels listed under `caps`. Examples are histories in JSON Lines; the last row is the draft.
      """,
    points: 0,
    triggering: [
      """
      {"text":"限时秒杀！原价399今天99元，扫码下单，手慢无","channel":"moments","publish_at":"2026-11-20T09:00+08:00"}
      {"text":"今天分享一个护肤小技巧：洗脸水温别太高。","channel":"moments","publish_at":"2026-11-21T09:00+08:00"}
      {"text":"最后3小时！到手价59元，私聊我下单，仅剩5件","channel":"moments","publish_at":"2026-11-22T09:00+08:00"}
      """
    ],
    nonTriggering: [
      """
      {"text":"限时秒杀！原价399今天99元，扫码下单，手慢无","channel":"moments","publish_at":"2026-11-10T09:00+08:00"}
      {"text":"今天分享一个护肤小技巧：洗脸水温别太高。","channel":"moments","publish_at":"2026-11-21T09:00+08:00"}
      {"text":"最后3小时！到手价59元，私聊我下单，仅剩5件","channel":"moments","publish_at":"2026-11-22T09:00+08:00"}
      """
    ]
  )

  public init() {}

  public func check(entry: Int, in history: History, caps: CapsSettings) -> [String] {
    let facts = history.entries[entry].facts
    let share = caps.hardSellShare
    guard facts.hardSell, caps.channels[facts.channel] != nil, share.window > 0, let time = facts.publishAt
    else { return [] }
    let others = history.others(
      of: entry, from: time - TimeInterval(share.window) + 0.001, to: time)
    let hardSell = others.filter { history.entries[$0].facts.hardSell }
    let total = others.count + 1
    let count = hardSell.count + 1
    let allowed = max(1, Int((share.max * Double(total) + 1e-9).rounded(.down)))
    guard count > allowed else { return [] }
    let percent = Int((Double(count) * 100 / Double(total)).rounded())
    let limit = Int((share.max * 100).rounded())
    return [
      "\(history.streamName(of: entry)) \(History.duration(share.window))内"
        + "硬广 \(count)/\(total) 条（\(percent)%），超过上限 \(limit)%"
        + history.listing(hardSell.reversed(), withDate: true)
    ]
  }
}
