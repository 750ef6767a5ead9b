import SiyuCore
import SiyuText

/// `persona/cold-shelf`: a post with nobody in it, only products, specs and prices.
public struct ColdShelfRule: BuiltinRule {
  public static let description = RuleDescription(
    id: "persona/cold-shelf",
    defaultLevel: .info,
    summary:
      "No person in the post: no self-reference, no address, no sentence-final particle or question, only product, spec and price words.",
    rationale: """
      Accounts die when they turn into a shelf of goods: a spec sheet with a price says nothing a \
      follower could not read on a product page. Applies with or without a persona (its `self:` and \
      `address:` words count as a person too). A post is a cold shelf when it has at least three product, \
      spec or price tokens (prices, percentages, amounts and the words of `lexicons/persona/product.txt`), \
      at least one of them a price or two of them product words, they make up at least a quarter of its \
      words, and nothing in it speaks as or to a person: no self-reference or address word (brand voices \
      such as 本店 do not count as a person), no sentence-final particle, no question. Info by default, as \
      many group posts are product lists on purpose; raise it in `.siyu.yml` for moments.
      """,
    points: 0.5,
    triggering: [
      "澜屿玻尿酸原液 30ml 原价¥298 现价¥129 包邮",
      "新品上新：纯棉T恤，尺码S-XL，颜色黑白灰，到手价59元",
      "本店秒杀：原价199元，秒杀价99元，限量100件",
    ],
    nonTriggering: [
      "我最近在用这款原液，原价¥298，现在¥129，姐妹们可以试试",
      "纯棉T恤到货啦，尺码S-XL，59元",
      "这款面霜多少钱？",
      "今天天气真好，出门散步",
    ]
  )

  /// Product, spec and price tokens needed.
  static let minimumProductTokens = 3
  /// Smallest share of the post's words they must make up.
  static let minimumShare = 0.25

  static let productWords = TokenMatcher(words: PersonaTerm.productWords)

  public init() {}

  /// The product test (token kinds and product words, cheap) runs before the person tests (self and
  /// address terms, voice), which most posts never reach: the result is the same in either order, as every
  /// test only returns early with no hit.
  public func check(_ document: Document) -> [RuleHit] {
    var prices = 0
    var amounts = 0
    var words = 0
    var first: Range<Int>?
    for token in document.tokens {
      switch token.kind {
      case .price, .percent:
        prices += 1
        first = first ?? token.sourceRange
      case .number:
        amounts += 1
        words += 1
      case .word:
        words += 1
      default:
        break
      }
    }
    let productMatches = Self.productWords.matches(in: document)
    let product = prices + amounts + productMatches.count
    guard product >= Self.minimumProductTokens, prices >= 1 || productMatches.count >= 2,
      Double(product) >= Self.minimumShare * Double(words + prices)
    else { return [] }
    let persona = document.persona?.persona
    let selfMatcher = persona?.selfMatcher ?? .builtinSelf
    if selfMatcher.matches(in: document).contains(where: { !selfMatcher.terms[$0.term].brand }) { return [] }
    if !(persona?.addressMatcher ?? .builtinAddress).matches(in: document).isEmpty { return [] }
    if Self.hasVoice(document.normalized) { return [] }
    if let word = productMatches.first?.sourceRange, word.lowerBound < first?.lowerBound ?? .max {
      first = word
    }
    guard let range = first else { return [] }
    return [
      RuleHit(
        range: range,
        message: "通篇只有商品、规格和价格，没有人：不说「我」，也不称呼读者。加一句自己的体验或对读者说的话，别让朋友圈变成货架")
    ]
  }

  /// Whether the text speaks like a person: a sentence-final particle or a question mark.
  static func hasVoice(_ text: [UInt16]) -> Bool {
    text.withUnsafeBufferPointer { StyleSample.hasVoice($0) }
  }
}
