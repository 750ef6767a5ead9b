import Testing

@testable import SiyuClassifier

@Suite struct ClassifierVerdictTests {
  /// The looked-up texts against building each from its parts, rounded down and clamped to 0.00…0.99.
  @Test func formatMatchesTheBuiltText() {
    var values: [Double] = [
      0, -0.0, -1, 1, 2, 0.5, 0.099, 0.1, 0.995, 0.999_999, .nan, .infinity, -.infinity,
    ]
    for k in 0...10000 { values.append(Double(k) / 10000) }
    for p in values {
      let hundredths = p.isFinite ? Int(min(max((p * 100).rounded(.down), 0), 99)) : 0
      let built = "0." + (hundredths < 10 ? "0" : "") + String(hundredths)
      #expect(ClassifierVerdict.format(probability: p) == built, "\(p)")
    }
    #expect(ClassifierVerdict.format(probability: 0.5) == "0.50")
    #expect(ClassifierVerdict.format(probability: 1) == "0.99")
    #expect(ClassifierVerdict.format(probability: 0.07) == "0.07")
  }
}
