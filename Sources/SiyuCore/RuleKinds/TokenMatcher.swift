import SiyuText

/// Matches lexicon words against whole tokens: a word matches only where it starts at a token's start and
/// ends at a token's end, so segmentation decides (秒杀 does not match inside a token 秒杀价), not substring
/// search. A single token made entirely of lexicon words (限时秒杀 = 限时 + 秒杀) matches as well, so a
/// compound in the segmentation lexicon does not hide its parts. Words are normalized like posts (NFKC,
/// lower case, Simplified) and matched on `Document`'s normalized text; matches report source ranges.
public struct TokenMatcher: Sendable {
  /// The one-list case of the matcher the built-in cue lists share.
  private let matcher: MultiListMatcher

  /// - Parameter words: the lexicon; empty words and words that normalize to nothing are ignored. A
  ///   match's `entry` is the index of its word here.
  public init(words: [String]) {
    matcher = MultiListMatcher(lists: [words])
  }

  public var isEmpty: Bool { matcher.isEmpty }

  /// The longest token-aligned match at each token, left to right, not overlapping.
  public func matches(in document: Document) -> [KindMatch] {
    matcher.tokenMatches(in: document).map { $0.match }
  }

  /// Every occurrence of a lexicon word in `units` (any text, e.g. a de-obfuscated view), longest at each
  /// position, left to right, not overlapping; ranges index `units`.
  public func substringMatches(in units: UnsafeBufferPointer<UInt16>) -> [(range: Range<Int>, entry: Int)] {
    matcher.substringMatches(in: units).map { ($0.range, $0.entry) }
  }
}
