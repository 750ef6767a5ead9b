import SiyuCore
import SiyuText

/// `ad-law/endorsement`: claims of supply to or endorsement by state bodies (特供, 专供, 国宴…).
public struct EndorsementRule: AppendingRule {
  public static let description = RuleDescription(
    id: "ad-law/endorsement",
    defaultLevel: .error,
    summary:
      "Claims of supply to or endorsement by state bodies, state banquets or the military: 特供, 专供, 国宴, 中南海…",
    rationale: """
      Advertising may not use the names or images of state organs or their staff (Advertising Law art. \
      9(2)), and "special supply" labels such as 特供 and 专供 aimed at state bodies were banned outright. \
      They are also a classic sign of counterfeit goods. Name the producer and the standard the product \
      meets instead.
      """,
    points: 1.0,
    triggering: ["国宴同款茶叶", "特供酒限量", "部队专供的好东西"],
    nonTriggering: ["今天宴请朋友", "供应链很稳定", "专门为宝宝做的辅食"],
    marksCueWords: true
  )

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    // The test alone first, in a closure small enough to be inlined: most posts have nothing for the
    // rule, which then makes no call.
    guard document.withAnalysis(CueScan.self, { $0.contains(.endorsement) }) else { return }
    document.withAnalysis(CueScan.self) { scan in
      for match in scan.matches(.endorsement) {
        hits.append(
          RuleHit(
            range: match.sourceRange,
            ruleMessage: RuleMessage(
              quoting: match.sourceRange, of: document, between: "暗示国家机关或特定单位供应、背书的用语「",
              and: "」，广告法禁止（第九条第二项）；删去，写明产地和执行标准")))
      }
    }
  }
}
