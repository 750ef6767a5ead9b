import SiyuCore

/// `persona/style`: a post whose style lies outside the range of the persona's own posts, or that reads
/// more like another persona.
public struct PersonaStyleRule: BuiltinRule, PersonaExamples {
  public static let description = RuleDescription(
    id: "persona/style",
    defaultLevel: .warning,
    summary:
      "The post's style is further from the persona's profile than its own posts are, or it reads like another persona.",
    rationale: """
      Needs a style profile (`siyu persona learn`, `profile:` in the persona file). Each feature (sentence \
      length, sentence-final particles, ～ ！ … ？, emoji, self-reference and address rates, and how typical \
      the characters and character pairs are) is compared with the persona's own posts in standard \
      deviations; the post's distance is the root mean square of those, and it is flagged when it lies \
      beyond Tukey's upper fence of the distances of the persona's own posts (q3 + 1.5 IQR). The message \
      names the features that deviate most and points at the clause that reads least like the persona. \
      With profiles for several personas it also says which persona the post reads like when that is not \
      its own. Posts under 15 letters or with one clause are not judged. Examples are posts of `siyu \
      init`'s example persona 小李, with a profile learned from a few of her posts.
      """,
    points: 0,
    triggering: [
      """
      【重磅通知】本品牌年度旗舰新品正式发布，采用进口原料与专利工艺，经第三方检测机构认证有效成分含量提升百分之三十。\
      即日起至本月三十一日止，凡在官方渠道购买任意两件商品即可获赠价值一百九十九元的定制礼盒一份。
      """,
      "各位老板注意了！！厂家直供！！全网最低价！！数量有限！！先到先得！！错过再等一年！！",
    ],
    nonTriggering: [
      "姐妹们晚上好呀～今天我试了一个新的卸妆方法，先用卸妆油轻轻打圈，再用温水冲干净，皮肤一点都不紧绷呢",
      "宝子们周末愉快～我今天在家做了个补水面膜，十五分钟就好啦，你们也试试呀🌸",
      "今天下雨啦",
    ]
  )

  /// Shortest clause (letters and digits) the finding points at.
  static let shortestClause = 4

  public init() {}

  public func check(_ document: Document) -> [RuleHit] {
    guard let context = document.persona, let comparison = context.styleComparison(document),
      let message = comparison.finding, let model = context.persona.model
    else { return [] }
    let sample = comparison.sample
    var worst: (range: Range<Int>, fit: Double)?
    for (range, letters) in zip(sample.clauseRanges, sample.clauseLengths)
    where letters >= Self.shortestClause {
      guard let fit = model.fit(normalized: document.normalized[range]) else { continue }
      if fit < worst?.fit ?? .infinity { worst = (range, fit) }
    }
    let target = worst.flatMap { sourceRange(of: $0.range, in: document) } ?? firstLine(document)
    return [RuleHit(range: target, message: message)]
  }

  /// The source range of the tokens that make up normalized `range`.
  private func sourceRange(of range: Range<Int>, in document: Document) -> Range<Int>? {
    let inside = document.tokens.filter {
      Int($0.normalizedStart) >= range.lowerBound && Int($0.normalizedEnd) <= range.upperBound
    }
    guard let first = inside.first, let last = inside.last else { return nil }
    return Int(first.sourceStart)..<Int(last.sourceEnd)
  }

  private func firstLine(_ document: Document) -> Range<Int> {
    let end = document.units.firstIndex(of: 0x0A) ?? document.units.count
    return 0..<end
  }
}
