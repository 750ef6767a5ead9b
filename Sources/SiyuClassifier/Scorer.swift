import SiyuText

/// Scores raw texts with a model without the linter around it (segment, features, Bayes): the path of
/// `siyu eval --test --classifier-only`. Gives the same log-odds as the `hard-sell/classifier` rule on the
/// same text. Owns a segmenter, so one scorer serves one thread.
public final class Scorer {
  public let model: Model
  private let segmenter: Segmenter

  /// - Parameter segmenter: segments with the lexicons the linter would use.
  public init(model: Model, segmenter: Segmenter) {
    self.model = model
    self.segmenter = segmenter
  }

  /// The log-odds that `text` (a post's body) is hard-sell.
  public func logOdds(_ text: String) -> Double {
    var units = Array(text.utf16)
    units.withUnsafeMutableBufferPointer { _ = segmenter.segment(UnsafeBufferPointer($0)) }
    let normalized = segmenter.normalizer.units
    var tokens = segmenter.tokens
    let comments = FeatureExtractor.commentRanges(normalized)
    if !comments.isEmpty {
      tokens.removeAll { token in comments.contains { $0.contains(Int(token.normalizedStart)) } }
    }
    return model.logOdds(FeatureExtractor.keys(normalized: normalized, tokens: tokens))
  }
}
