/// Precision, recall, F1, accuracy and ROC AUC for the hard-sell class.
///
/// Undefined ratios: when a denominator is zero (no post judged hard-sell, for precision; no hard-sell
/// post in the data, for recall), the ratio is 1 when the judgements contain no error at all and 0
/// otherwise. F1 is `2·tp / (2·tp + fp + fn)`, which agrees with the harmonic mean where both are defined
/// and is 1 on data without hard-sell posts only when nothing was flagged. AUC needs both classes; without
/// them it is nil (`null` in JSON). Accuracy is always defined for non-empty data.
public struct Metrics: Sendable, Equatable {
  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0
  public var trueNegatives = 0
  public var auc: Double?

  public init() {}

  /// Metrics of `judged` (predicted hard-sell) against `actual`, and AUC from `probabilities`.
  public init(actual: [Bool], judged: [Bool], probabilities: [Double]) {
    precondition(actual.count == judged.count && actual.count == probabilities.count)
    for i in actual.indices {
      switch (actual[i], judged[i]) {
      case (true, true): truePositives += 1
      case (false, true): falsePositives += 1
      case (true, false): falseNegatives += 1
      case (false, false): trueNegatives += 1
      }
    }
    auc = Self.rocAUC(actual: actual, scores: probabilities)
  }

  public var count: Int { truePositives + falsePositives + falseNegatives + trueNegatives }
  private var errors: Int { falsePositives + falseNegatives }

  public var precision: Double {
    let d = truePositives + falsePositives
    return d == 0 ? (errors == 0 ? 1 : 0) : Double(truePositives) / Double(d)
  }

  public var recall: Double {
    let d = truePositives + falseNegatives
    return d == 0 ? (errors == 0 ? 1 : 0) : Double(truePositives) / Double(d)
  }

  public var f1: Double {
    let d = 2 * truePositives + falsePositives + falseNegatives
    return d == 0 ? 1 : Double(2 * truePositives) / Double(d)
  }

  public var accuracy: Double {
    count == 0 ? 0 : Double(truePositives + trueNegatives) / Double(count)
  }

  /// The probability that a random hard-sell post scores above a random value post (ties count half):
  /// the Mann–Whitney statistic over ranks. Nil unless both classes are present.
  public static func rocAUC(actual: [Bool], scores: [Double]) -> Double? {
    let positives = actual.reduce(0) { $0 + ($1 ? 1 : 0) }
    let negatives = actual.count - positives
    guard positives > 0, negatives > 0 else { return nil }
    // The Mann–Whitney U (pairs where the hard-sell post scores higher, ties counting half) from the two
    // classes' sorted scores; counted doubled as an integer, so the result is exactly what the rank-sum
    // formula (U = R₊ − p(p+1)/2, average ranks for ties) gives.
    var hardSell: [Double] = []
    var value: [Double] = []
    hardSell.reserveCapacity(positives)
    value.reserveCapacity(negatives)
    for (isHardSell, score) in zip(actual, scores) {
      if isHardSell { hardSell.append(score) } else { value.append(score) }
    }
    hardSell.sort()
    value.sort()
    var twiceU = 0
    var below = 0
    var belowOrEqual = 0
    for score in hardSell {
      while below < value.count && value[below] < score { below += 1 }
      if belowOrEqual < below { belowOrEqual = below }
      while belowOrEqual < value.count && value[belowOrEqual] == score { belowOrEqual += 1 }
      twiceU += below + belowOrEqual
    }
    return Double(twiceU) / (2 * Double(positives) * Double(negatives))
  }
}
