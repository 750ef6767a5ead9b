/// One token of a post. Ranges are UTF-16 code-unit offsets, end exclusive.
///
/// `normalizedStart..<normalizedEnd` indexes the normalized text the segmenter worked on;
/// `sourceStart..<sourceEnd` indexes the original text, so findings can point at what the author wrote.
public struct Token: Sendable, Equatable {
  public var kind: TokenKind
  public var normalizedStart: Int32
  public var normalizedEnd: Int32
  public var sourceStart: Int32
  public var sourceEnd: Int32

  public init(
    kind: TokenKind, normalizedStart: Int32, normalizedEnd: Int32, sourceStart: Int32, sourceEnd: Int32
  ) {
    self.kind = kind
    self.normalizedStart = normalizedStart
    self.normalizedEnd = normalizedEnd
    self.sourceStart = sourceStart
    self.sourceEnd = sourceEnd
  }

  /// The token's range in the original text.
  public var sourceRange: Range<Int> { Int(sourceStart)..<Int(sourceEnd) }
  /// The token's range in the normalized text.
  public var normalizedRange: Range<Int> { Int(normalizedStart)..<Int(normalizedEnd) }
}
