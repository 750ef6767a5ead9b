import Foundation

/// L2-regularized logistic regression on sparse rows whose feature values are per-feature constants
/// (NBSVM: the log-count ratio of each present feature), trained with AdaGrad over seeded shuffles.
enum LogisticRegression {
  /// Weights per feature and the intercept.
  static func fit(
    rows: [[Int32]], labels: [Bool], subset: [Int], values: [Double], options: TrainingOptions
  ) -> (weights: [Double], bias: Double) {
    let v = values.count
    var w = [Double](repeating: 0, count: v)
    var g2 = [Double](repeating: 0, count: v)
    let positives = subset.reduce(0) { $0 + (labels[$1] ? 1 : 0) }
    var bias = log((Double(positives) + 1) / (Double(subset.count - positives) + 1))
    var biasG2 = 0.0
    let eta = options.learningRate
    let lambda = options.lambda / Double(max(subset.count, 1))
    var rng = SplitMix64(seed: options.seed ^ 0x4C52)
    var order = subset
    for _ in 0..<options.epochs {
      rng.shuffle(&order)
      w.withUnsafeMutableBufferPointer { w in
        g2.withUnsafeMutableBufferPointer { g2 in
          values.withUnsafeBufferPointer { r in
            for i in order {
              let row = rows[i]
              var z = bias
              for f in row { z += w[Int(f)] * r[Int(f)] }
              let g = sigmoid(z) - (labels[i] ? 1 : 0)
              for f in row {
                let k = Int(f)
                let grad = g * r[k] + lambda * w[k]
                g2[k] += grad * grad
                w[k] -= eta * grad / (sqrt(g2[k]) + 1e-8)
              }
              biasG2 += g * g
              bias -= eta * g / (sqrt(biasG2) + 1e-8)
            }
          }
        }
      }
    }
    return (w, bias)
  }
}
