import SiyuCore
import SiyuText

/// A feature of a post that the model weighs towards hard-sell, as `Model.pushingFeatures(_:)` finds it:
/// what the reasons of a `hard-sell/classifier` finding choose from. Its label is made on demand
/// (`label(in:)`), since the reasons read only the first few.
public struct PushingFeature: Sendable, Equatable {
  public var key: UInt64
  public var kind: FeatureKind
  /// Log-odds added (positive; for the `fisher` algorithm, the logit of the feature's token probability).
  public var weight: Double
  /// The UTF-16 range in the normalized text of the feature's first occurrence.
  public var normalizedRange: Range<Int>
  /// The UTF-16 range in the source text of the feature's first occurrence.
  public var sourceRange: Range<Int>

  public init(
    key: UInt64, kind: FeatureKind, weight: Double, normalizedRange: Range<Int>, sourceRange: Range<Int>
  ) {
    self.key = key
    self.kind = kind
    self.weight = weight
    self.normalizedRange = normalizedRange
    self.sourceRange = sourceRange
  }

  /// The label `FeatureExtractor.details(document)` gives the feature in `document`, the post it was
  /// found in: words as written, bigrams by their normalized form (digits as 0), kinds by their name.
  public func label(in document: Document) -> String {
    switch kind {
    case .word: return document.text(in: sourceRange)
    case .kind: return FeatureExtractor.kindLabel(key) ?? FeatureExtractor.lengthLabel(key) ?? "?"
    case .bigram:
      let folded = document.normalized[normalizedRange].map(FeatureExtractor.digitFolded)
      return folded.withUnsafeBufferPointer(UTF16String.make)
    }
  }
}
