import SiyuCore
import SiyuText

/// `hard-sell/offer`: promotions, gifts and sales events, and the shop voice announcing them.
public struct OfferRule: BuiltinRule {
  public static let description = RuleDescription(
    id: "hard-sell/offer",
    defaultLevel: .info,
    summary: """
      Promotions, gifts and sales events (优惠, 钜惠, 赠送, 抽奖, 开业, 招代理) and the shop voice that \
      announces them (本店, 全场, 新老顾客, 欢迎光临).
      """,
    rationale: """
      An offer is the reason a blast exists. Mentioning one is ordinary, so the rule is informational; \
      with contact details, prices or a countdown in the same post it marks the ad. "本店" and \
      "新老顾客" are the voice of a shop counter, not of the person followers added.
      """,
    points: 2.5,
    triggering: ["三八节钜惠活动进行中", "进店就有好礼赠送", "本店新品上市", "欢迎新老顾客光临", "诚招代理"],
    nonTriggering: ["今天下班早，去公园走了走", "谢谢你送我的花", "这家店的老板人很好", "积极的心态很重要"]
  )

  static let cues = CueLexicon("cues/offer.txt")

  public init() {}

  public func check(_ document: Document) -> [RuleHit] {
    HitMerging.merged(Self.cues.matches(in: document).map(\.sourceRange), in: document).map { range in
      RuleHit(
        range: range,
        message: "促销话术「\(document.text(in: range))」；和价格、联系方式、倒计时叠在一条里就是硬广，价值内容少用")
    }
  }
}
