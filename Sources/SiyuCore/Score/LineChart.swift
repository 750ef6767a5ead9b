/// An SVG line chart over a time axis (days or weeks), one line per series, with an optional dashed
/// limit line. Values are counts or shares (0–1).
struct LineChart {
  enum Scale {
    case count
    case share
  }

  /// X labels, one per position.
  var labels: [String]
  var series: [ChartSeries]
  var scale: Scale
  /// A dashed horizontal line and its label (a cap).
  var limit: (value: Double, label: String)?
  /// What the chart shows, for screen readers.
  var title: String

  static let width = 880.0
  static let height = 260.0
  private static let left = 52.0
  private static let right = 16.0
  private static let top = 14.0
  private static let bottom = 36.0
  private static let maxLabels = 8
  private static let maxMarkers = 40

  /// The `<svg>` element.
  func svg() -> String {
    let plotWidth = Self.width - Self.left - Self.right
    let plotHeight = Self.height - Self.top - Self.bottom
    let (yMax, step) = axis()
    let n = labels.count
    func x(_ i: Int) -> Double {
      Self.left + (n <= 1 ? plotWidth / 2 : plotWidth * Double(i) / Double(n - 1))
    }
    func y(_ v: Double) -> Double { Self.top + plotHeight * (1 - min(max(v, 0), yMax) / yMax) }
    func c(_ v: Double) -> String { ReportNumber.coordinate(v) }

    var out =
      "<svg class=\"chart\" viewBox=\"0 0 \(c(Self.width)) \(c(Self.height))\" width=\"\(c(Self.width))\" "
    out += "height=\"\(c(Self.height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">\n"

    var grid = ""
    var tickLabels = ""
    var k = 0
    while Double(k) * step <= yMax * (1 + 1e-9) {
      let tick = Double(k) * step
      grid += "M\(c(Self.left)) \(c(y(tick)))H\(c(Self.width - Self.right))"
      let text = scale == .share ? ReportNumber.percent(tick) : ReportNumber.score(tick)
      tickLabels += "<text x=\"\(c(Self.left - 6))\" y=\"\(c(y(tick) + 4))\">\(text)</text>"
      k += 1
    }
    out += "<path class=\"grid\" d=\"\(grid)\"/>\n"
    out += "<g class=\"ylab\">\(tickLabels)</g>\n"

    let every = max(1, (n + Self.maxLabels - 1) / Self.maxLabels)
    var xLabels = ""
    for i in stride(from: 0, to: n, by: every) {
      xLabels += "<text x=\"\(c(x(i)))\" y=\"\(c(Self.height - Self.bottom + 18))\">"
      xLabels += "\(HTMLText.escape(labels[i]))</text>"
    }
    out += "<g class=\"xlab\">\(xLabels)</g>\n"

    if let limit {
      let ly = y(limit.value)
      out +=
        "<line class=\"limit\" x1=\"\(c(Self.left))\" y1=\"\(c(ly))\" x2=\"\(c(Self.width - Self.right))\" "
      out += "y2=\"\(c(ly))\" stroke=\"\(ReportPalette.limit)\"/>"
      out += "<text class=\"limit-label\" x=\"\(c(Self.width - Self.right - 4))\" y=\"\(c(ly - 5))\">"
      out += "\(HTMLText.escape(limit.label))</text>\n"
    }

    for line in series {
      var d = ""
      var dots = ""
      var run = 0
      for i in 0..<n {
        guard i < line.values.count, let v = line.values[i] else {
          run = 0
          continue
        }
        let isolated = run == 0 && (i + 1 >= n || i + 1 >= line.values.count || line.values[i + 1] == nil)
        d += (run == 0 ? "M" : "L") + "\(c(x(i))) \(c(y(v)))"
        if n <= Self.maxMarkers || isolated {
          dots += "<circle cx=\"\(c(x(i)))\" cy=\"\(c(y(v)))\" r=\"3\"/>"
        }
        run += 1
      }
      let stroke = "stroke=\"\(line.colour)\" stroke-width=\"\(line.emphasised ? 3 : 2)\""
      let dash = line.dashed ? " stroke-dasharray=\"6 3\"" : ""
      out += "<g class=\"series\" fill=\"\(line.colour)\">"
      if !d.isEmpty { out += "<path d=\"\(d)\" fill=\"none\" \(stroke)\(dash)/>" }
      out += dots + "</g>\n"
    }
    out += "</svg>\n"
    return out
  }

  /// The top of the y axis and the step between its ticks.
  private func axis() -> (Double, Double) {
    var top = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
    switch scale {
    case .count:
      let step = ReportNumber.niceStep(top / 4, minimum: 1)
      return (max(step, (top / step).rounded(.up) * step), step)
    case .share:
      if let limit { top = max(top, limit.value) }
      top = min(1, top * 1.1)
      let step = ReportNumber.niceStep(top / 5, minimum: 0.05)
      return (min(1, max(step, (top / step).rounded(.up) * step)), step)
    }
  }
}
