import SiyuCore
import SiyuText

/// `hard-sell/offer`: promotions, gifts and sales events, and the business settings they come from.
public struct OfferRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/offer",
    defaultLevel: .info,
    summary: """
      Promotions, gifts and sales events (优惠, 钜惠, 赠送, 抽奖, 开业, 招代理, 凡在本店消费满…), bulk-message \
      offers (凭此短信, 预存) and the trades that advertise that way (认筹, 首付, 开课, 免抵押, 特码).
      """,
    rationale: """
      An offer is the reason a blast exists. Mentioning one is ordinary, so the rule is informational; \
      with contact details, prices or a countdown in the same post it marks the ad. The shop's own \
      voice (本店, 新老顾客) is hard-sell/shop-voice, a separate kind of cue.
      """,
    points: 2.5,
    triggering: ["三八节钜惠活动进行中", "进店就有好礼赠送", "本店新品上市", "诚招代理", "凡在店内消费满两百元即可享受会员价"],
    nonTriggering: ["今天下班早，去公园走了走", "谢谢你送我的花", "这家店的老板人很好", "积极的心态很重要"],
    marksCueWords: true
  )

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    // The test alone first, in a closure small enough to be inlined: most posts have nothing for the
    // rule, which then makes no call.
    guard document.withAnalysis(CueScan.self, { $0.contains(.offer) }) else { return }
    document.withAnalysis(CueScan.self) { scan in
      for range in HitMerging.merged(scan.matches(.offer).map { $0.sourceRange }, in: document) {
        hits.append(
          RuleHit(
            range: range,
            ruleMessage: RuleMessage(
              quoting: range, of: document, between: "促销话术「", and: "」；和价格、联系方式、倒计时叠在一条里就是硬广，价值内容少用")))
      }
    }
  }
}
