import Foundation

/// Numbers as the HTML report prints them, independent of the user's locale.
enum ReportNumber {
  /// An SVG coordinate: at most one decimal, no trailing `.0`, never `-0`.
  static func coordinate(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = (value * 10).rounded()
    if tenths == 0 { return "0" }
    if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
    return String(format: "%.1f", tenths / 10)
  }

  /// A share (0–1) as a percentage with at most one decimal: `0.3` → `30%`, `0.125` → `12.5%`.
  static func percent(_ share: Double) -> String {
    coordinate(share * 100) + "%"
  }

  /// `part / whole`, 0 when `whole` is 0.
  static func share(_ part: Int, of whole: Int) -> Double {
    whole > 0 ? Double(part) / Double(whole) : 0
  }

  /// A probability with two decimals, as `siyu check` prints it.
  static func probability(_ value: Double) -> String {
    String(format: "%.2f", value)
  }

  /// A score with at most two decimals.
  static func score(_ value: Double) -> String {
    guard value.isFinite else { return "—" }
    var s = String(format: "%.2f", value)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s == "-0" ? "0" : s
  }

  /// A window in seconds in words: `604800` → `7 天`, `7200` → `2 小时`.
  static func window(_ seconds: Int) -> String {
    if seconds > 0 && seconds % 86_400 == 0 { return "\(seconds / 86_400) 天" }
    if seconds > 0 && seconds % 3_600 == 0 { return "\(seconds / 3_600) 小时" }
    if seconds > 0 && seconds % 60 == 0 { return "\(seconds / 60) 分钟" }
    return "\(seconds) 秒"
  }

  /// A "nice" step between axis ticks of at least `raw` and `minimum`: 1, 2 or 5 times a power of ten.
  static func niceStep(_ raw: Double, minimum: Double) -> Double {
    guard raw.isFinite, raw > minimum else { return minimum }
    let magnitude = pow(10, floor(log10(raw)))
    for factor in [1.0, 2, 5] where factor * magnitude >= raw * (1 - 1e-9) { return factor * magnitude }
    return 10 * magnitude
  }
}
