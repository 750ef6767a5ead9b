import SiyuCore

/// `persona/avoid`: a word the persona never uses.
public struct PersonaAvoidRule: BuiltinRule, PersonaExamples {
  public static let description = RuleDescription(
    id: "persona/avoid",
    defaultLevel: .warning,
    summary: "Uses a word listed under the persona's `avoid:`.",
    rationale: """
      Teams write down the words their persona never says (家人们, 老铁, 亲 for a persona who talks like a \
      friend, not a live-stream host). Words match on token boundaries, with or without a plural 们. \
      Examples are posts of `siyu init`'s example persona 小李 (avoid: 家人们, 老铁, 亲).
      """,
    points: 0,
    triggering: ["家人们，今天的福利来啦", "老铁们冲啊", "亲，这款今天有货哦"],
    nonTriggering: [
      "姐妹们，今天的分享来啦", "我亲自试了一周", "母亲节快乐呀", "我亲测了三款面霜", "女儿亲了我一下", "我的家人们都很喜欢",
    ]
  )

  public init() {}

  public func check(_ document: Document) -> [RuleHit] {
    guard let persona = document.persona?.persona, !persona.avoidMatcher.isEmpty else { return [] }
    let addresses = Set(PersonaTerm.builtinAddress.map(\.stem))
    return persona.avoidMatcher.matches(in: document).map { match in
      let word = document.text(in: match.sourceRange)
      let stem = persona.avoidMatcher.terms[match.term].stem
      let instead =
        addresses.contains(stem) && !persona.addressTerms.isEmpty
        ? "，称呼读者用\(PersonaWording.quoted(persona.addressTerms))" : "，换个「\(persona.name)」会用的说法"
      return RuleHit(range: match.sourceRange, message: "「\(persona.name)」的人设不说「\(word)」\(instead)")
    }
  }
}
