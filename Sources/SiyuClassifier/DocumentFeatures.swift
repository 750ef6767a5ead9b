import SiyuCore

extension FeatureExtractor {
  /// The sorted, distinct feature keys of a segmented post.
  public static func keys(_ document: Document) -> [UInt64] {
    keys(normalized: document.normalized, tokens: document.tokens)
  }

  /// The distinct features of a segmented post with labels, in order of first occurrence.
  public static func details(_ document: Document) -> [FeatureDetail] {
    details(normalized: document.normalized, tokens: document.tokens)
  }
}
