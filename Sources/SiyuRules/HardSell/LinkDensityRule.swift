import SiyuCore
import SiyuText

/// `hard-sell/link-density`: several links in one post, or links with little text around them.
public struct LinkDensityRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/link-density",
    defaultLevel: .warning,
    summary: "Three or more links in a post, or two links with under 40 characters of other text.",
    rationale: """
      A post that is mostly links is a catalogue: every link is a product page or a shop. One link with \
      a real recommendation around it is useful; a stack of them reads as a blast and is often folded \
      by the platform.
      """,
    points: 1.0,
    triggering: [
      "https://shop.example.com/a https://shop.example.com/b https://shop.example.com/c",
      "看这里 https://m.example.cn/1 还有 https://m.example.cn/2",
    ],
    nonTriggering: [
      "今天整理了一篇换季护肤笔记，写得比较长，放在这里 https://blog.example.com/skin 有问题欢迎留言",
      "没有链接的一句话",
    ]
  )

  /// Links that are too many whatever the text.
  static let maximum = 3
  /// With two links, the least other text (characters) a post should have.
  static let minimumText = 40

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    guard TextInventory.read(document, { $0.links >= min(2, Self.maximum) }) else { return }
    var links: [Token] = []
    var characters = 0
    for token in document.tokens {
      switch token.kind {
      case .url: links.append(token)
      case .punctuation, .emoji: break
      default: characters += token.normalizedRange.count
      }
    }
    guard links.count >= Self.maximum || (links.count >= 2 && characters < Self.minimumText) else {
      return
    }
    hits.append(
      RuleHit(
        range: links[1].sourceRange,
        message: "链接太多：\(links.count) 个链接、正文只有 \(characters) 个字，像商品目录；一条帖子留一个链接，配上真实的推荐理由"))
  }
}
