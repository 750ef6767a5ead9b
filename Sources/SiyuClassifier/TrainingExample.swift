/// One labeled post as the trainer sees it.
public struct TrainingExample: Sendable {
  /// Distinct feature keys (`FeatureExtractor.keys`), in order of first occurrence.
  public var features: [UInt64]
  public var hardSell: Bool
  /// The post's rule points with the classifier off (for fitting the combiner).
  public var rulePoints: Double

  public init(features: [UInt64], hardSell: Bool, rulePoints: Double) {
    self.features = features
    self.hardSell = hardSell
    self.rulePoints = rulePoints
  }
}
