/// How far one feature of a post lies from the persona's usual value.
public struct StyleDeviation: Sendable, Equatable {
  public var feature: StyleFeature
  /// The post's value.
  public var value: Double
  /// The persona's mean.
  public var typical: Double
  /// The persona's standard deviation across its posts.
  public var spread: Double
  /// Standardized difference: `(value − typical) / √(spread² + floor²)`.
  public var z: Double

  public init(feature: StyleFeature, value: Double, spread: StyleProfile.Spread) {
    self.feature = feature
    self.value = value
    typical = spread.mean
    self.spread = spread.sd
    let scale = (spread.sd * spread.sd + feature.spreadFloor * feature.spreadFloor).squareRoot()
    z = (value - spread.mean) / scale
  }

  /// What counts toward the style distance: the squared z, capped; for `wording` only a worse fit.
  var weight: Double {
    let d = feature == .wording ? min(z, 0) : z
    return min(d * d, StyleComparison.cap * StyleComparison.cap)
  }

  /// The deviation in Chinese: "感叹号！多（本帖每句 1.5 个，平时每句 0.1 个）".
  public var message: String {
    if feature == .wording { return "用字用词和以往帖子不像" }
    let direction: String
    if feature == .sentenceLength {
      direction = value > typical ? "句子偏长" : "句子偏短"
    } else {
      direction = feature.label + (value > typical ? "多" : "少")
    }
    return "\(direction)（本帖\(feature.describe(value))，平时\(feature.describe(typical))）"
  }
}
