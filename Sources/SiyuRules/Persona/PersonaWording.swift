import SiyuCore

/// What persona/address and persona/self share: finding words that are not the persona's, and phrasing.
enum PersonaWording {
  /// 「我」「小李」
  static func quoted(_ words: [String]) -> String {
    words.map { "「\($0)」" }.joined()
  }

  /// The matches of `matcher` in `document` that are neither neutral, nor among `own` stems, nor avoided
  /// (persona/avoid reports those), each with the persona's usual words quoted for the message. Empty when
  /// the persona has no words of its own (`listed`, or `own` from its profile).
  static func foreignTerms(
    in document: Document, persona: Persona, matcher: PersonaTermMatcher, own: Set<String>, listed: [String]
  ) -> (matches: [PersonaTermMatch], usual: String) {
    guard !own.isEmpty else { return ([], "") }
    let avoided = Set(persona.avoid.map(PersonaTerm.stem))
    let matches = matcher.matches(in: document).filter { match in
      let term = matcher.terms[match.term]
      return !term.neutral && !own.contains(term.stem) && !avoided.contains(term.stem)
    }
    return (matches, quoted(listed.isEmpty ? own.sorted() : listed))
  }
}
