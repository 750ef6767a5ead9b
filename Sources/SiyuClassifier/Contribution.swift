/// What one feature of a post adds to the classifier's log-odds, with the counts behind it.
public struct Contribution: Sendable, Equatable {
  public var feature: FeatureDetail
  /// Log-odds added (for the `fisher` algorithm: the logit of the feature's token probability).
  public var weight: Double
  /// Training posts of each class that contain the feature.
  public var hardSellCount: UInt32
  public var valueCount: UInt32

  public init(feature: FeatureDetail, weight: Double, hardSellCount: UInt32, valueCount: UInt32) {
    self.feature = feature
    self.weight = weight
    self.hardSellCount = hardSellCount
    self.valueCount = valueCount
  }
}

extension Model {
  /// The contributions of the features the model knows among `details`, strongest hard-sell first.
  public func contributions(_ details: [FeatureDetail]) -> [Contribution] {
    var result: [Contribution] = []
    for detail in details {
      guard let i = index(of: detail.key) else { continue }
      result.append(
        Contribution(
          feature: detail, weight: weight(at: i), hardSellCount: hardSellCounts[i], valueCount: valueCounts[i]
        ))
    }
    result.sort {
      ($0.weight, $1.feature.sourceRange.lowerBound) > ($1.weight, $0.feature.sourceRange.lowerBound)
    }
    return result
  }
}
