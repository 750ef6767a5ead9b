import SiyuCore

/// `persona/self`: refers to the author in a way the persona does not.
public struct PersonaSelfRule: BuiltinRule, PersonaExamples {
  public static let description = RuleDescription(
    id: "persona/self",
    defaultLevel: .warning,
    summary:
      "Refers to the author with a word the post's persona does not use (小编 or 本店 from a persona who says 我).",
    rationale: """
      A personal IP speaks as one person. 小编, 本店 or 人家 in a persona's post reads like a brand account \
      or a different person took over. The persona's words are its persona file's `self:` (or, without it, \
      those its style profile saw); 我, 我们 and 咱 are never flagged. Examples are posts of `siyu init`'s \
      example persona 小李 (self: 我, 小李).
      """,
    points: 0,
    triggering: ["小编今天给大家带来一款新品", "本店周年庆，全场包邮", "人家今天好开心嘛"],
    nonTriggering: ["我今天好开心呀", "小李今天去了趟花市", "我们周末见～"]
  )

  public init() {}

  public func check(_ document: Document) -> [RuleHit] {
    guard let persona = document.persona?.persona else { return [] }
    let (matches, usual) = PersonaWording.foreignTerms(
      in: document, persona: persona, matcher: persona.selfMatcher, own: persona.ownSelfStems,
      listed: persona.selfTerms)
    return matches.map { match in
      RuleHit(
        range: match.sourceRange,
        message: "自称「\(document.text(in: match.sourceRange))」，但「\(persona.name)」自称\(usual)，换成这些自称")
    }
  }
}
