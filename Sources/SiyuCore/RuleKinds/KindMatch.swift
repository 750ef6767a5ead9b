/// One match of a rule kind's matcher in a document.
public struct KindMatch: Sendable, Equatable {
  /// Where the match is in the source text (what findings point at).
  public var sourceRange: Range<Int>
  /// Where it is in the normalized text (what was matched; `repetition` compares these).
  public var normalizedRange: Range<Int>

  public init(sourceRange: Range<Int>, normalizedRange: Range<Int>) {
    self.sourceRange = sourceRange
    self.normalizedRange = normalizedRange
  }
}
