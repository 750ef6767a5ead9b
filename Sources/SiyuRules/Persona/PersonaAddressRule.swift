import SiyuCore

/// `persona/address`: addresses readers in a way the persona does not.
public struct PersonaAddressRule: BuiltinRule, PersonaExamples {
  public static let description = RuleDescription(
    id: "persona/address",
    defaultLevel: .warning,
    summary:
      "Addresses readers with a word the post's persona does not use (家人们 from a persona who says 姐妹们).",
    rationale: """
      Followers recognise a personal IP by how it talks to them; a draft that suddenly says 家人们 or 老板们 \
      sounds like someone else wrote it. The persona's words are its persona file's `address:` (or, without \
      it, those its style profile saw); neutral words (你、大家、各位) are never flagged, nor are words under \
      `avoid:`, which persona/avoid reports. Examples are posts of `siyu init`'s example persona 小李 \
      (address: 姐妹们, 宝子们).
      """,
    points: 0,
    triggering: [
      "集美们早上好，今天分享一个护肤小技巧", "兄弟们，这个周末一起去露营吧", "晚安，宝贝们", "宝贝晚安～",
      "小伙伴们，周末见",
    ],
    nonTriggering: [
      "姐妹们早上好呀～", "宝子们晚安", "大家周末愉快！", "我家宝宝们都爱吃这个", "宝宝今天第一次叫妈妈",
      "周末我和小伙伴们去露营了。", "我是她的粉丝。",
    ]
  )

  public init() {}

  public func check(_ document: Document) -> [RuleHit] {
    guard let persona = document.persona?.persona else { return [] }
    let (matches, usual) = PersonaWording.foreignTerms(
      in: document, persona: persona, matcher: persona.addressMatcher, own: persona.ownAddressStems,
      listed: persona.addressTerms)
    return matches.map { match in
      RuleHit(
        range: match.sourceRange,
        message: "称呼读者「\(document.text(in: match.sourceRange))」不是「\(persona.name)」的说法（平时叫\(usual)），换成这些称呼")
    }
  }
}
