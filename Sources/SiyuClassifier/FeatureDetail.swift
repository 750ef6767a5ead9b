/// One feature of a post with what a person needs to read it: for `siyu explain` and the reasons of a
/// `hard-sell/classifier` finding.
public struct FeatureDetail: Sendable, Equatable {
  public var key: UInt64
  public var kind: FeatureKind
  /// The normalized text (word, bigram) or the Chinese name of the token kind.
  public var label: String
  /// The UTF-16 range in the source text of the feature's first occurrence.
  public var sourceRange: Range<Int>

  public init(key: UInt64, kind: FeatureKind, label: String, sourceRange: Range<Int>) {
    self.key = key
    self.kind = kind
    self.label = label
    self.sourceRange = sourceRange
  }
}
