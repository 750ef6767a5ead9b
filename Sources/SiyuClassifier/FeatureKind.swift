/// The families of features the classifier reads from a post.
public enum FeatureKind: String, Sendable, Codable {
  /// A normalized token (word, punctuation run, emoji).
  case word
  /// Two adjacent characters inside word tokens (across adjacent words too).
  case bigram
  /// A token kind being present (price, url, contact, number…), or present three times or more.
  case kind
}
