/// The report's colours: a colour-blind-safe palette for series (Okabe–Ito, without yellow) and the heat
/// map's scale.
enum ReportPalette {
  /// Series colours, in order; a ninth series starts again with the first, dashed.
  static let series = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8c564b", "#7f7f7f",
  ]
  /// The "all channels" series.
  static let total = "#111827"
  /// Caps and other limits.
  static let limit = "#991b1b"
  /// Empty heat-map cells.
  static let empty = "#f3f4f6"

  /// Colour and dash of series number `index`.
  static func series(_ index: Int) -> (colour: String, dashed: Bool) {
    (series[index % series.count], (index / series.count) % 2 == 1)
  }

  /// The heat-map colour of `count` on a scale up to `maximum`: light orange for the fewest posts, dark
  /// red-brown for the most, `empty` for none.
  static func heat(_ count: Int, maximum: Int) -> String {
    guard count > 0, maximum > 0 else { return empty }
    let t = 0.15 + 0.85 * Double(min(count, maximum)) / Double(maximum)
    let light: (Double, Double, Double) = (254, 230, 206)
    let dark: (Double, Double, Double) = (127, 39, 4)
    func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
    return hex(channel(light.0, dark.0), channel(light.1, dark.1), channel(light.2, dark.2))
  }

  private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
    let digits = Array("0123456789abcdef")
    var out = "#"
    for v in [r, g, b] {
      out.append(digits[(v >> 4) & 15])
      out.append(digits[v & 15])
    }
    return out
  }
}
