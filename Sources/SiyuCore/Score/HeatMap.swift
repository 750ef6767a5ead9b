/// An SVG heat map of posts by weekday (rows, 周一…周日) and hour (columns, 0–23 时), with its colour scale.
struct HeatMap {
  /// `[7][24]` counts, 0 = Monday; missing cells count as 0.
  var grid: [[Int]]
  /// What the map shows, for screen readers.
  var title: String

  static let weekdays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
  private static let left = 44.0
  private static let top = 6.0
  private static let cellWidth = 32.0
  private static let cellHeight = 24.0

  /// Posts in the busiest cell.
  var maximum: Int { grid.flatMap { $0 }.max() ?? 0 }

  /// The sum of `grids` cell by cell.
  static func sum(_ grids: some Sequence<[[Int]]>) -> [[Int]] {
    var total = Array(repeating: Array(repeating: 0, count: 24), count: 7)
    for grid in grids {
      for day in 0..<min(7, grid.count) {
        for hour in 0..<min(24, grid[day].count) { total[day][hour] += grid[day][hour] }
      }
    }
    return total
  }

  /// The `<svg>` element.
  func svg() -> String {
    func c(_ v: Double) -> String { ReportNumber.coordinate(v) }
    let gridWidth = 24 * Self.cellWidth
    let gridHeight = 7 * Self.cellHeight
    let legendTop = Self.top + gridHeight + 30
    let width = Self.left + gridWidth + 24
    let height = legendTop + 34
    let maximum = self.maximum

    var out = "<svg class=\"heat\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" "
    out += "height=\"\(c(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">\n"
    out +=
      "<rect x=\"\(c(Self.left))\" y=\"\(c(Self.top))\" width=\"\(c(gridWidth))\" height=\"\(c(gridHeight))\" "
    out += "fill=\"\(ReportPalette.empty)\"/>\n"
    for day in 0..<7 {
      var row = ""
      for hour in 0..<24 {
        let count = day < grid.count && hour < grid[day].count ? grid[day][hour] : 0
        guard count > 0 else { continue }
        row += "<rect x=\"\(c(Self.left + Double(hour) * Self.cellWidth))\" "
        row += "y=\"\(c(Self.top + Double(day) * Self.cellHeight))\" width=\"\(c(Self.cellWidth))\" "
        row += "height=\"\(c(Self.cellHeight))\" fill=\"\(ReportPalette.heat(count, maximum: maximum))\"/>"
      }
      if !row.isEmpty { out += row + "\n" }
    }
    var lines = ""
    for hour in 1..<24 {
      lines += "M\(c(Self.left + Double(hour) * Self.cellWidth)) \(c(Self.top))v\(c(gridHeight))"
    }
    for day in 1..<7 {
      lines += "M\(c(Self.left)) \(c(Self.top + Double(day) * Self.cellHeight))h\(c(gridWidth))"
    }
    out += "<path class=\"cells\" d=\"\(lines)\"/>\n"

    var labels = ""
    for (day, name) in Self.weekdays.enumerated() {
      labels +=
        "<text x=\"\(c(Self.left - 6))\" y=\"\(c(Self.top + (Double(day) + 0.5) * Self.cellHeight + 4))\">"
      labels += "\(name)</text>"
    }
    out += "<g class=\"ylab\">\(labels)</g>\n"
    labels = ""
    let hourY = c(Self.top + gridHeight + 14)
    for hour in 0..<24 {
      labels +=
        "<text x=\"\(c(Self.left + (Double(hour) + 0.5) * Self.cellWidth))\" y=\"\(hourY)\">\(hour)</text>"
    }
    labels += "<text x=\"\(c(Self.left + gridWidth + 12))\" y=\"\(hourY)\">时</text>"
    out += "<g class=\"xlab\">\(labels)</g>\n"
    out += legend(top: legendTop)
    out += "</svg>\n"
    return out
  }

  /// The colour scale: a swatch for no posts and swatches from one post to the busiest cell.
  private func legend(top: Double) -> String {
    func c(_ v: Double) -> String { ReportNumber.coordinate(v) }
    let maximum = self.maximum
    var stops = [0]
    for k in 0...4 {
      let value = max(1, Int((Double(maximum) * Double(k) / 4).rounded()))
      if value <= maximum && value > stops[stops.count - 1] { stops.append(value) }
    }
    var out =
      "<g class=\"scale\"><text class=\"start\" x=\"\(c(Self.left))\" y=\"\(c(top + 11))\">每格帖子数</text>"
    for (i, value) in stops.enumerated() {
      let x = Self.left + 84 + Double(i) * 40
      out += "<rect x=\"\(c(x))\" y=\"\(c(top))\" width=\"36\" height=\"14\" "
      out += "fill=\"\(ReportPalette.heat(value, maximum: maximum))\" stroke=\"#d1d5db\"/>"
      out += "<text x=\"\(c(x + 18))\" y=\"\(c(top + 28))\">\(value)</text>"
    }
    return out + "</g>\n"
  }
}
