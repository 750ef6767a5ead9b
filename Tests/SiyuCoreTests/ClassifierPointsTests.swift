import Foundation
import Testing

@testable import SiyuRules

/// The rule points of a `hard-sell/classifier` message against `String(format: "%.1f")`, on values near
/// and at the ties of tenths (k/20, k/4), sums of typical rule points and random doubles.
@Suite struct ClassifierPointsTests {
  @Test func pointsMatchFormat() {
    var values: [Double] = [
      0.04, 0.05, 0.25, 0.75, 1.25, 2.25, 2.35, 12.35, 0.95, 9.95, 99.95, 1e-300, 0x1p39 + 0.25,
    ]
    for k in 1..<4000 {
      values.append(Double(k) / 20)
      values.append(Double(k) / 4)
      values.append(Double(k) / 40)
      values.append(Double(k) / 20 + 0.1 + 0.2)
      values.append((Double(k) / 20).nextUp)
      values.append((Double(k) / 20).nextDown)
    }
    var state: UInt64 = 12345
    for _ in 0..<20000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      values.append(Double(state >> 11) / Double(1 << 53) * pow(10, Double(state % 7) - 2))
      // Sums of rule points as the linter adds them.
      let points = [0.3, 0.5, 0.8, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 0.1, 0.7]
      var sum = 0.0
      for i in 0..<Int(state % 6) + 1 {
        sum += points[Int((state >> (8 * UInt64(i))) % UInt64(points.count))]
      }
      values.append(sum)
    }
    for value in values where value > 0 {
      #expect(
        ClassifierRule.points(value)
          == (value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)), "\(value)")
    }
  }
}
