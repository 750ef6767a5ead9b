import Foundation

/// Per-feature evidence computed from class counts: what each algorithm adds to the log-odds when a
/// feature is present. Shared by the model (at load) and the trainer (per cross-validation fold).
struct EvidenceWeights {
  /// Additive log-odds contribution per feature (for `fisher`: logit of the token probability, for
  /// explanations only).
  var weights: [Double]
  /// Log-odds of a post with no known feature (additive algorithms).
  var bias: Double
  /// `fisher` only: Robinson's f(w) per feature.
  var tokenProbabilities: [Double]

  /// NB log-count ratios `r = log((α + c_h)/‖α + c_h‖₁) − log((α + c_v)/‖α + c_v‖₁)` (Wang & Manning).
  static func logCountRatios<Count: ClassCount>(hardSell: [Count], value: [Count], alpha: Double) -> [Double]
  {
    let v = Double(hardSell.count)
    var sumH = 0.0
    var sumV = 0.0
    for i in hardSell.indices {
      sumH += hardSell[i].count
      sumV += value[i].count
    }
    let normH = log(alpha * v + sumH)
    let normV = log(alpha * v + sumV)
    // Counts are small whole numbers: log(α + c) from a table for c < 4096 (the same values, without
    // hundreds of thousands of log calls when a large model loads).
    let cached = 4096
    let logs = (0..<cached).map { log(alpha + Double($0)) }
    @inline(__always) func logSmoothed(_ c: Count) -> Double {
      let whole = c.wholeCount
      return whole >= 0 && whole < cached ? logs[whole] : log(alpha + c.count)
    }
    var r = [Double](repeating: 0, count: hardSell.count)
    for i in r.indices {
      r[i] = (logSmoothed(hardSell[i]) - normH) - (logSmoothed(value[i]) - normV)
    }
    return r
  }

  /// The evidence of `algorithm` from counts. `lrWeights`, `lrBias` and `meanWeight` are the logistic
  /// regression's (NBSVM only).
  static func compute<Count: ClassCount>(
    algorithm: Algorithm, hardSell: [Count], value: [Count], hardSellDocuments: Double,
    valueDocuments: Double, alpha: Double, beta: Double, lrWeights: [Float], lrBias: Double,
    meanWeight: Double
  ) -> EvidenceWeights {
    let n = hardSell.count
    let prior = log((hardSellDocuments + 1) / (valueDocuments + 1))
    switch algorithm {
    case .multinomial:
      return EvidenceWeights(
        weights: logCountRatios(hardSell: hardSell, value: value, alpha: alpha), bias: prior,
        tokenProbabilities: [])
    case .nbsvm:
      var w = logCountRatios(hardSell: hardSell, value: value, alpha: alpha)
      let shared = (1 - beta) * meanWeight
      for i in 0..<n { w[i] *= shared + beta * Double(lrWeights[i]) }
      return EvidenceWeights(weights: w, bias: lrBias, tokenProbabilities: [])
    case .complement:
      let v = Double(n)
      let sumH = hardSell.reduce(0) { $0 + $1.count }
      let sumV = value.reduce(0) { $0 + $1.count }
      var logH = [Double](repeating: 0, count: n)
      var logV = [Double](repeating: 0, count: n)
      var normH = 0.0
      var normV = 0.0
      for i in 0..<n {
        logH[i] = log((alpha + hardSell[i].count) / (alpha * v + sumH))
        logV[i] = log((alpha + value[i].count) / (alpha * v + sumV))
        normH += abs(logH[i])
        normV += abs(logV[i])
      }
      // Class c's weights come from the other class's counts; a post is hard-sell when its weighted sum
      // under the hard-sell weights (value counts) is the smaller one.
      var w = [Double](repeating: 0, count: n)
      for i in 0..<n { w[i] = logH[i] / max(normH, 1e-300) - logV[i] / max(normV, 1e-300) }
      return EvidenceWeights(weights: w, bias: 0, tokenProbabilities: [])
    case .fisher:
      var f = [Double](repeating: 0.5, count: n)
      var w = [Double](repeating: 0, count: n)
      let nh = max(hardSellDocuments, 1)
      let nv = max(valueDocuments, 1)
      for i in 0..<n {
        let b = hardSell[i].count / nh
        let g = value[i].count / nv
        let count = hardSell[i].count + value[i].count
        let p = b + g > 0 ? b / (b + g) : 0.5
        // Robinson's f(w) with strength s = 1 towards x = 0.5.
        f[i] = (0.5 + count * p) / (1 + count)
        w[i] = log(f[i] / (1 - f[i]))
      }
      return EvidenceWeights(weights: w, bias: 0, tokenProbabilities: f)
    }
  }

  /// Fisher's combination (SpamBayes' chi2 spam probability) of the token probabilities `f` that deviate
  /// from 0.5 by at least 0.1, as log-odds clipped to ±20.
  static func fisherLogOdds(_ probabilities: some Collection<Double>) -> Double {
    var sumLogF = 0.0
    var sumLogNotF = 0.0
    var n = 0
    for f in probabilities where abs(f - 0.5) >= 0.1 {
      let clamped = min(max(f, 0.01), 0.99)
      sumLogF += log(clamped)
      sumLogNotF += log(1 - clamped)
      n += 1
    }
    guard n > 0 else { return 0 }
    let spam = 1 - chiSquareQ(-2 * sumLogNotF, 2 * n)
    let ham = 1 - chiSquareQ(-2 * sumLogF, 2 * n)
    let p = min(max((spam - ham + 1) / 2, 1e-9), 1 - 1e-9)
    return log(p / (1 - p))
  }

  /// The upper tail of the chi-square distribution with an even number of degrees of freedom.
  static func chiSquareQ(_ x2: Double, _ dof: Int) -> Double {
    let m = x2 / 2
    var term = exp(-m)
    var sum = term
    if dof > 2 {
      for i in 1..<(dof / 2) {
        term *= m / Double(i)
        sum += term
      }
    }
    return min(sum, 1)
  }
}

/// A per-feature document count: `UInt32` in a model, `Double` while training.
protocol ClassCount {
  var count: Double { get }
  /// The count as an `Int` when it is a whole number, else -1.
  var wholeCount: Int { get }
}

extension UInt32: ClassCount {
  var count: Double { Double(self) }
  var wholeCount: Int { Int(self) }
}

extension Double: ClassCount {
  var count: Double { self }
  var wholeCount: Int {
    guard self >= 0, self < 1e15 else { return -1 }
    let whole = Int(self)
    return Double(whole) == self ? whole : -1
  }
}
