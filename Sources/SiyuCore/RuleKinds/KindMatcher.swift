import SiyuText

/// What a `KindRule` looks for: lexicon words over tokens, or an ICU regular expression.
public enum KindMatcher: Sendable {
  case tokens(TokenMatcher)
  case regex(RegexMatcher)

  /// The matches in `document`, in order; a regex may time out.
  public func matches(in document: Document) throws(ICURegexError) -> [KindMatch] {
    switch self {
    case .tokens(let matcher): return matcher.matches(in: document)
    case .regex(let matcher): return try matcher.matches(in: document)
    }
  }
}
