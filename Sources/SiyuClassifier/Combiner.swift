import Foundation

/// Combines the classifier's log-odds `L` and the post's rule points `S` into one probability:
/// `p = σ(a·L + b·S + c)`. The weights are fitted by logistic regression on held-out log-odds
/// (cross-validation over the training data, see `Trainer`), so `p` is calibrated and the rules count as
/// much as they predict. `b` is kept at `minimumRuleWeight` or above: more rule points never lower `p`.
public struct Combiner: Sendable, Equatable {
  /// `a`.
  public var classifierWeight: Double
  /// `b`.
  public var ruleWeight: Double
  /// `c`.
  public var intercept: Double

  public static let minimumRuleWeight = 0.1

  public init(classifierWeight: Double, ruleWeight: Double, intercept: Double) {
    self.classifierWeight = classifierWeight
    self.ruleWeight = ruleWeight
    self.intercept = intercept
  }

  /// `a·L + b·S + c`.
  public func logit(logOdds: Double, rulePoints: Double) -> Double {
    classifierWeight * logOdds + ruleWeight * rulePoints + intercept
  }

  /// `σ(a·L + b·S + c)`.
  public func probability(logOdds: Double, rulePoints: Double) -> Double {
    sigmoid(logit(logOdds: logOdds, rulePoints: rulePoints))
  }

  /// Fits `a`, `b`, `c` by Newton's method on the logistic loss with a small ridge on `a` and `b`.
  /// Deterministic: the same inputs give the same bits.
  public static func fit(logOdds: [Double], rulePoints: [Double], labels: [Bool]) -> Combiner {
    precondition(logOdds.count == rulePoints.count && logOdds.count == labels.count)
    var theta = newton(logOdds, rulePoints, labels, fixedRuleWeight: nil)
    if theta[1] < minimumRuleWeight {
      theta = newton(logOdds, rulePoints, labels, fixedRuleWeight: minimumRuleWeight)
    }
    return Combiner(classifierWeight: theta[0], ruleWeight: theta[1], intercept: theta[2])
  }

  private static func newton(
    _ l: [Double], _ s: [Double], _ y: [Bool], fixedRuleWeight: Double?
  ) -> [Double] {
    let ridge = 1e-3
    var theta: [Double] = [1, fixedRuleWeight ?? 1, 0]
    let free = fixedRuleWeight == nil ? [0, 1, 2] : [0, 2]
    for _ in 0..<50 {
      var gradient = [Double](repeating: 0, count: 3)
      var hessian = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 3)
      for i in l.indices {
        let x = [l[i], s[i], 1.0]
        let p = sigmoid(theta[0] * x[0] + theta[1] * x[1] + theta[2])
        let r = p - (y[i] ? 1 : 0)
        let w = max(p * (1 - p), 1e-12)
        for j in 0..<3 {
          gradient[j] += r * x[j]
          for k in 0..<3 { hessian[j][k] += w * x[j] * x[k] }
        }
      }
      for j in 0..<2 {
        gradient[j] += ridge * theta[j]
        hessian[j][j] += ridge
      }
      hessian[2][2] += 1e-9
      let step = solve(free.map { j in free.map { hessian[j][$0] } }, free.map { gradient[$0] })
      var largest = 0.0
      for (n, j) in free.enumerated() {
        theta[j] -= step[n]
        largest = max(largest, abs(step[n]))
      }
      if largest < 1e-10 { break }
    }
    return theta
  }

  /// Solves `m·x = v` by Gaussian elimination with partial pivoting (2×2 or 3×3).
  private static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
    var m = matrix
    var v = vector
    let n = v.count
    for column in 0..<n {
      var pivot = column
      for row in column..<n where abs(m[row][column]) > abs(m[pivot][column]) { pivot = row }
      m.swapAt(column, pivot)
      v.swapAt(column, pivot)
      guard abs(m[column][column]) > 1e-300 else { return [Double](repeating: 0, count: n) }
      for row in (column + 1)..<n {
        let factor = m[row][column] / m[column][column]
        for k in column..<n { m[row][k] -= factor * m[column][k] }
        v[row] -= factor * v[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = v[row]
      for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
      x[row] = sum / m[row][row]
    }
    return x
  }
}

/// The logistic function, safe for large arguments.
@inline(__always)
func sigmoid(_ z: Double) -> Double {
  z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
}
