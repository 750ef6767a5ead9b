import SiyuCore
import SiyuText

extension FeatureExtractor {
  /// The distinct feature keys of a segmented post, in order of first occurrence. Text inside `<!-- … -->` comments (siyu's
  /// suppression directives, editors' notes) is not part of the post and gives no features.
  public static func keys(_ document: Document) -> [UInt64] {
    keys(normalized: document.normalized, tokens: contentTokens(document))
  }

  /// The distinct features of a segmented post with labels, in order of first occurrence; words are
  /// labelled as written (the first occurrence), bigrams and kinds by their normalized form or name.
  public static func details(_ document: Document) -> [FeatureDetail] {
    var details = details(normalized: document.normalized, tokens: contentTokens(document))
    for i in details.indices where details[i].kind == .word {
      details[i].label = document.text(in: details[i].sourceRange)
    }
    return details
  }

  /// The document's tokens outside `<!-- … -->` comments (an unclosed comment runs to the end).
  static func contentTokens(_ document: Document) -> [Token] {
    let comments = commentRanges(document.normalized)
    guard !comments.isEmpty else { return document.tokens }
    return document.tokens.filter { token in
      !comments.contains { $0.contains(Int(token.normalizedStart)) }
    }
  }

  static func commentRanges(_ units: [UInt16]) -> [Range<Int>] {
    HTMLComments.ranges(in: units, unterminatedToEnd: true)
  }

  static func commentRanges(_ units: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
    HTMLComments.ranges(in: units, unterminatedToEnd: true)
  }
}

extension Model {
  /// The log-odds that a segmented post is hard-sell: the value of `logOdds(FeatureExtractor.keys(document))`
  /// (the same additions in the same order), without making the key array: each key is looked up as it
  /// is extracted, and only known keys are deduplicated (`FeatureExtractor.distinctWeightSum`).
  public func logOdds(_ document: Document) -> Double {
    let tokens = FeatureExtractor.contentTokens(document)
    guard algorithm != .fisher else {
      return logOdds(FeatureExtractor.keys(normalized: document.normalized, tokens: tokens))
    }
    return document.normalized.withUnsafeBufferPointer { norm in
      evidence.bias + FeatureExtractor.distinctWeightSum(norm, tokens, table)
    }
  }
}
