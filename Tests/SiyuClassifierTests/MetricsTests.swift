import Testing

@testable import SiyuClassifier

@Suite struct MetricsTests {
  /// 3 hard-sell, 5 value: tp 2, fn 1, fp 1, tn 4 — by hand: P 2/3, R 2/3, F1 2/3, accuracy 6/8.
  @Test func handComputedCase() {
    let actual = [true, true, true, false, false, false, false, false]
    let judged = [true, true, false, true, false, false, false, false]
    let probabilities = [0.9, 0.8, 0.3, 0.7, 0.2, 0.1, 0.4, 0.05]
    let m = Metrics(actual: actual, judged: judged, probabilities: probabilities)
    #expect(m.truePositives == 2 && m.falseNegatives == 1 && m.falsePositives == 1 && m.trueNegatives == 4)
    #expect(abs(m.precision - 2.0 / 3) < 1e-12)
    #expect(abs(m.recall - 2.0 / 3) < 1e-12)
    #expect(abs(m.f1 - 2.0 / 3) < 1e-12)
    #expect(m.accuracy == 0.75)
    // Pairs (positive, negative) ranked right: 0.9 and 0.8 beat all 5; 0.3 beats 0.2, 0.1, 0.05 → 13/15.
    #expect(abs((m.auc ?? -1) - 13.0 / 15) < 1e-12)
  }

  @Test func tiesCountHalf() {
    #expect(Metrics.rocAUC(actual: [true, false], scores: [0.5, 0.5]) == 0.5)
  }

  /// No hard-sell rows: accuracy is meaningful; AUC undefined; recall/F1 1 only without false flags.
  @Test func noHardSellRows() {
    let clean = Metrics(
      actual: [false, false, false], judged: [false, false, false], probabilities: [0.1, 0.2, 0.3])
    #expect(clean.accuracy == 1 && clean.precision == 1 && clean.recall == 1 && clean.f1 == 1)
    #expect(clean.auc == nil)
    let flagged = Metrics(
      actual: [false, false, false, false], judged: [true, false, false, false],
      probabilities: [0.9, 0.2, 0.3, 0.1])
    #expect(flagged.accuracy == 0.75 && flagged.precision == 0 && flagged.recall == 0 && flagged.f1 == 0)
  }

  /// AUC against counting every (hard-sell, value) pair, on scores with many ties.
  @Test func aucCountsPairsWithTiesAsHalf() {
    var state: UInt64 = 11
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for n in 2..<60 {
      let actual = (0..<n).map { i in i == 0 ? true : i == 1 ? false : next(3) == 0 }
      let scores = (0..<n).map { _ in Double(next(7)) / 6 }
      var twice = 0
      var pairs = 0
      for i in 0..<n where actual[i] {
        for j in 0..<n where !actual[j] {
          pairs += 1
          twice += scores[i] > scores[j] ? 2 : scores[i] == scores[j] ? 1 : 0
        }
      }
      #expect(Metrics.rocAUC(actual: actual, scores: scores) == Double(twice) / Double(2 * pairs))
    }
  }
}
