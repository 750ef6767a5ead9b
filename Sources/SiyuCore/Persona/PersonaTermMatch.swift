/// One occurrence of a `PersonaTerm` in a document.
public struct PersonaTermMatch: Sendable, Equatable {
  /// Index of the term in the matcher's list.
  public var term: Int
  /// Where it is in the source text, a plural 们 included.
  public var sourceRange: Range<Int>
  /// Where it is in the normalized text.
  public var normalizedRange: Range<Int>

  public init(term: Int, sourceRange: Range<Int>, normalizedRange: Range<Int>) {
    self.term = term
    self.sourceRange = sourceRange
    self.normalizedRange = normalizedRange
  }
}
