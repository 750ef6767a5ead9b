/// The hard-sell verdict on a post.
public struct Verdict: Sendable, Equatable {
  public enum Class: String, Sendable, Codable {
    case hardSell = "hard-sell"
    case value
  }

  public var `class`: Class
  /// Probability that the post is hard-sell, 0–1.
  public var probability: Double
  /// Rule points plus classifier points (SpamAssassin style).
  public var score: Double

  public init(class: Class, probability: Double, score: Double) {
    self.class = `class`
    self.probability = probability
    self.score = score
  }
}
