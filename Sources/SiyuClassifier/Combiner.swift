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

  /// Fits `a`, `b`, `c` by damped Newton steps on the logistic loss with a small ridge on `a` and `b`,
  /// on standardized log-odds (whatever their scale: NB sums of hundreds of terms, normalized complement
  /// weights). Deterministic: the same inputs give the same bits.
  public static func fit(logOdds: [Double], rulePoints: [Double], labels: [Bool]) -> Combiner {
    precondition(logOdds.count == rulePoints.count && logOdds.count == labels.count)
    let n = Double(max(logOdds.count, 1))
    let mean = logOdds.reduce(0, +) / n
    let variance = logOdds.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
    let scale = variance > 1e-24 ? 1 / variance.squareRoot() : 1
    let standardized = logOdds.map { ($0 - mean) * scale }
    var theta = newton(standardized, rulePoints, labels, fixedRuleWeight: nil)
    if theta[1] < minimumRuleWeight {
      theta = newton(standardized, rulePoints, labels, fixedRuleWeight: minimumRuleWeight)
    }
    // Back to raw log-odds: a·(L − mean)·scale + c = (a·scale)·L + (c − a·scale·mean).
    let a = theta[0] * scale
    return Combiner(classifierWeight: a, ruleWeight: theta[1], intercept: theta[2] - a * mean)
  }

  private static func loss(_ l: [Double], _ s: [Double], _ y: [Bool], _ theta: [Double], ridge: Double)
    -> Double
  {
    var total = ridge / 2 * (theta[0] * theta[0] + theta[1] * theta[1])
    for i in l.indices {
      let z = theta[0] * l[i] + theta[1] * s[i] + theta[2]
      // log(1 + e^{-yz}) computed stably.
      let m = y[i] ? -z : z
      total += m > 0 ? m + log1p(exp(-m)) : log1p(exp(m))
    }
    return total
  }

  private static func newton(
    _ l: [Double], _ s: [Double], _ y: [Bool], fixedRuleWeight: Double?
  ) -> [Double] {
    let ridge = 1e-3
    var theta: [Double] = [0, fixedRuleWeight ?? 0, 0]
    let free = fixedRuleWeight == nil ? [0, 1, 2] : [0, 2]
    var current = loss(l, s, y, theta, ridge: ridge)
    for _ in 0..<100 {
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
      var factor = 1.0
      var accepted = false
      for _ in 0..<30 {
        var candidate = theta
        for (k, j) in free.enumerated() { candidate[j] -= factor * step[k] }
        let value = loss(l, s, y, candidate, ridge: ridge)
        if value <= current {
          accepted = current - value > 1e-12 * max(1, abs(current))
          theta = candidate
          current = value
          break
        }
        factor /= 2
      }
      if !accepted { break }
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
