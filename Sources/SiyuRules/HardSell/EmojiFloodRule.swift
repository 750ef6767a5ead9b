import SiyuCore
import SiyuText

/// `hard-sell/emoji-flood`: more emoji than a person writes — many of them, densely.
public struct EmojiFloodRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/emoji-flood",
    defaultLevel: .warning,
    summary: """
      Too many emoji: at least 6 that make up one per 8 characters of text or more, or at least 15 in any \
      post.
      """,
    rationale: """
      Blasts decorate every line with 🔥💥🎁 to grab the eye in a busy feed; a person writing to friends \
      uses a few. A handful of emoji keeps the warmth; a wall of them reads as an ad.
      """,
    points: 1.0,
    triggering: ["🔥💥🎁新品🔥💥🎁到货🎉🎉", "🌸🌸早安🌸🌸☀️☀️"],
    nonTriggering: ["早安☀️ 今天也要好好吃饭哦😊", "周末去爬山了，风景太美了🏔️🌲🌤️，下次还要去", "没有表情的一句话"]
  )

  /// Fewest emoji that can be a flood.
  static let minimum = 6
  /// Text characters per emoji at or below which `minimum` emoji are a flood.
  static let charactersPerEmoji = 8
  /// Emoji count that is a flood whatever the length.
  static let always = 15

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    guard TextInventory.read(document, { $0.emoji >= min(Self.minimum, Self.always) }) else { return }
    var emoji: [Token] = []
    var characters = 0
    for token in document.tokens {
      switch token.kind {
      case .emoji: emoji.append(token)
      case .punctuation: break
      default: characters += token.normalizedRange.count
      }
    }
    guard let first = emoji.first, let last = emoji.last,
      emoji.count >= Self.always
        || (emoji.count >= Self.minimum && characters <= emoji.count * Self.charactersPerEmoji)
    else { return }
    let per = characters / emoji.count
    hits.append(
      RuleHit(
        range: Int(first.sourceStart)..<Int(last.sourceEnd),
        message: "表情太多：全文 \(emoji.count) 个表情，约每 \(max(per, 1)) 个字一个，像刷屏广告；留两三个就够了"))
  }
}
