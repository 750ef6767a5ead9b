import SiyuCore

/// `persona/emoji`: more emoji than the persona puts in a post.
public struct PersonaEmojiRule: BuiltinRule, PersonaExamples {
  public static let description = RuleDescription(
    id: "persona/emoji",
    defaultLevel: .warning,
    summary:
      "More emoji than the persona's `emoji_per_post:` (or, without it, than any post its profile was learned from).",
    rationale: """
      How many emoji a person uses is part of how they sound; a persona who writes with one or two emoji \
      and suddenly posts eight reads like an ad. The finding points at the first emoji over the limit. \
      Examples are posts of `siyu init`'s example persona 小李 (emoji_per_post: 4).
      """,
    points: 0,
    triggering: ["今天好开心😊🌸💕☀️🌙", "🎉🎉 新品到啦 🎁🎁 快来看 🔥"],
    nonTriggering: ["今天好开心😊🌸", "姐妹们晚安🌙", "没有表情的一条"]
  )

  public init() {}

  public func check(_ document: Document) -> [RuleHit] {
    guard let persona = document.persona?.persona, let limit = persona.emojiLimit else { return [] }
    let emoji = document.tokens.filter { $0.kind == .emoji }
    guard emoji.count > limit else { return [] }
    let extra = emoji.count - limit
    return [
      RuleHit(
        range: emoji[limit].sourceRange,
        message: "本帖有 \(emoji.count) 个表情，「\(persona.name)」每条最多用 \(limit) 个，删掉 \(extra) 个")
    ]
  }
}
