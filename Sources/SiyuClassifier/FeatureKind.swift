/// The families of features the classifier reads from a post.
public enum FeatureKind: String, Sendable, Codable {
  /// A normalized token (word, punctuation run, emoji).
  case word
  /// Two adjacent characters inside or across adjacent tokens (not URLs, e-mail addresses, contacts).
  case bigram
  /// A token kind being present (price, url, contact, number…), or present three times or more; the post's
  /// length in UTF-16 units and in tokens (half-octave buckets).
  case kind
}
