/// One match of a rule kind's matcher in a document.
public struct KindMatch: Sendable, Equatable {
  /// Where the match is in the source text (what findings point at).
  public var sourceRange: Range<Int>
  /// Where it is in the normalized text (what was matched; `repetition` compares these).
  public var normalizedRange: Range<Int>
  /// Index of the lexicon word that matched (in the order given to `TokenMatcher`), or -1 for a regex
  /// match or a token made of several lexicon words.
  public var entry: Int

  public init(sourceRange: Range<Int>, normalizedRange: Range<Int>, entry: Int = -1) {
    self.sourceRange = sourceRange
    self.normalizedRange = normalizedRange
    self.entry = entry
  }
}
