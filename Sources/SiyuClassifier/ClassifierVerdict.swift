import Foundation

/// The combined verdict's numbers for one post: classifier log-odds and rule points merged by the
/// model's `Combiner`, and the class at `threshold`.
///
/// `score` is in rule points, SpamAssassin style: `requiredScore + a·L + b·S + c`, so that the combined
/// probability is `σ(score − requiredScore)`, the same curve the rules-only verdict uses, and a score at
/// `requiredScore` is probability 0.5. `classifierPoints` is `score − S`: what the classifier adds.
public struct ClassifierVerdict: Sendable, Equatable {
  public var logOdds: Double
  public var rulePoints: Double
  public var probability: Double
  public var score: Double
  public var isHardSell: Bool

  public var classifierPoints: Double { score - rulePoints }

  public init(model: Model, logOdds: Double, rulePoints: Double, threshold: Double, requiredScore: Double) {
    let z = model.parameters.combiner.logit(logOdds: logOdds, rulePoints: rulePoints)
    self.logOdds = logOdds
    self.rulePoints = rulePoints
    probability = sigmoid(z)
    score = requiredScore + z
    isHardSell = probability >= threshold
  }

  /// `p` for messages: two decimals, rounded down and at most 0.99 (a probability from evidence is never
  /// certainty, even where `Double` rounds it to 1).
  public static func format(probability p: Double) -> String {
    // Two decimals, rounded down and at most 0.99, without `String(format:)` (slow, and on every post).
    let hundredths = p.isFinite ? Int(min(max((p * 100).rounded(.down), 0), 99)) : 0
    return formattedHundredths[hundredths]
  }

  /// "0.00" … "0.99", made once: building one from its parts cost some 650 instructions.
  static let formattedHundredths: [String] = (0..<100).map { "0." + ($0 < 10 ? "0" : "") + String($0) }
}
