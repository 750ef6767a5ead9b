import SiyuCore
import SiyuText

/// `hard-sell/price`: quoted prices and price talk (原价/到手价, ¥129, 89元, 5折, 满199减30).
public struct PriceRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/price",
    defaultLevel: .info,
    summary:
      "Prices and price talk: amounts (¥129, 89元, 5折), 原价/到手价/券后/立减, and offers such as 满199减30, 买二送一, 149→79.",
    rationale: """
      A price is the first mark of an offer. One price in a post is ordinary, so the rule is only \
      informational and adds few points on its own; a post that quotes prices and also counts down and \
      asks for the order reads as a hard-sell ad, and the points add up to that verdict.
      """,
    points: 2.5,
    triggering: [
      "原价¥298，今天只要¥129", "到手价 89元", "围巾¥99-129", "全场5折", "满199减30", "满xxx减xx", "xxx元", "充三千送六百", "149→79",
      "第二件半价",
      "券后价很香",
    ],
    nonTriggering: [
      "今天天气很好", "原来价值感是这样建立的", "打了3个电话", "减肥的第30天", "满满的幸福感", "xxx同学说得对", "iPhone X元旦", "2023年买了房", "从3→5个人",
    ],
    marksCueWords: true
  )

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    // The test alone first, in a closure small enough to be inlined: most posts have no price of any
    // shape, and the rule then makes no call.
    guard
      document.withAnalysis(
        CueScan.self,
        { scan in
          scan.contains(.price) || scan.inventory.prices > 0 || !scan.maskedRuns.isEmpty
            || scan.inventory.characters.contains(.offerJoiner)
        })
    else { return }
    document.withAnalysis(CueScan.self) { scan in
      var ranges = scan.matches(.price).map { $0.sourceRange }
      if scan.inventory.prices > 0 {
        for token in document.tokens where token.kind == .price {
          // A range (¥99-129, 99~129元) is quoted whole; most prices stand alone and keep their token.
          let range = NumberShapes.priceRange(extending: token.normalizedRange, in: document.normalized)
          ranges.append(
            range == token.normalizedRange ? token.sourceRange : document.sourceRange(ofNormalized: range))
        }
      }
      // Most posts have no masked digits: skip the call and its empty result.
      if !scan.maskedRuns.isEmpty {
        for range in NumberShapes.maskedPrices(in: document.normalized, masked: scan.maskedRuns) {
          ranges.append(document.sourceRange(ofNormalized: range))
        }
      }
      if scan.inventory.characters.contains(.offerJoiner) {
        for range in NumberShapes.offers(in: document.normalized) {
          ranges.append(document.sourceRange(ofNormalized: range))
        }
      }
      for range in HitMerging.merged(ranges, in: document) {
        hits.append(
          RuleHit(
            range: range,
            ruleMessage: RuleMessage(
              quoting: range, of: document, between: "报价话术「", and: "」；报价和催促、引导下单叠加在一条里就成了硬广，价值内容里点到为止")))
      }
    }
  }
}
