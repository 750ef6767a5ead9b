import SiyuCore
import SiyuText

/// `hard-sell/shop-voice`: a business speaking as itself (本店, 本公司) and to its customers (新老顾客,
/// 尊敬的会员, 您好, 竭诚为您服务).
public struct ShopVoiceRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/shop-voice",
    defaultLevel: .info,
    summary: """
      A business speaking as itself and to its customers: 本店, 本公司, 我司, a company name (…有限公司), \
      新老顾客, 尊敬的会员, and the service-desk formulas of bulk notices (您好, 竭诚为您服务, 为您提供).
      """,
    rationale: """
      Followers added a person, not a shop counter: a post in which the shop speaks of itself and \
      greets its customers is the voice of notices and bulk messages. On its own that is only \
      informational (a service account's care tips may open with 您好); with an offer, a price, a \
      countdown or a contact in the same post it marks the ad, as 本店 + 全场优惠 does.
      """,
    points: 2.5,
    triggering: ["本店新品到货", "欢迎新老顾客", "尊敬的会员您好", "竭诚为您服务", "某某贸易有限公司"],
    nonTriggering: ["今天下班早，去公园走了走", "这家店的老板人很好", "你好呀", "谢谢你送我的花", "我们公司楼下新开了家面馆"],
    marksCueWords: true
  )

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    // The test alone first, in a closure small enough to be inlined: most posts have nothing for the
    // rule, which then makes no call.
    guard document.withAnalysis(CueScan.self, { $0.contains(.shopVoice) }) else { return }
    document.withAnalysis(CueScan.self) { scan in
      for range in HitMerging.merged(scan.matches(.shopVoice).map { $0.sourceRange }, in: document) {
        hits.append(
          RuleHit(
            range: range,
            ruleMessage: RuleMessage(
              quoting: range, of: document, between: "商家口吻「",
              and: "」，像柜台对顾客、群发通知；私域帖子用自己的口吻说话，和优惠、价格、联系方式叠在一条里就是硬广")))
      }
    }
  }
}
