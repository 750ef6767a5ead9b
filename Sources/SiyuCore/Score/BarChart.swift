/// An SVG chart of horizontal bars, one per row, each labelled with two texts (a rule id and a cue) and
/// its count.
struct BarChart {
  struct Row {
    var key: String
    var label: String
    var count: Int
  }

  var rows: [Row]
  /// What the chart shows, for screen readers.
  var title: String

  static let width = 880.0
  private static let rowHeight = 24.0
  private static let labelX = 196.0
  private static let barX = 400.0
  private static let barWidth = 420.0
  /// Characters of a key or label shown before `…`.
  static let keyLength = 26
  static let labelLength = 14

  /// The `<svg>` element.
  func svg() -> String {
    func c(_ v: Double) -> String { ReportNumber.coordinate(v) }
    let height = Double(rows.count) * Self.rowHeight + 4
    let maximum = max(1, rows.map(\.count).max() ?? 1)
    var out = "<svg class=\"bars\" viewBox=\"0 0 \(c(Self.width)) \(c(height))\" width=\"\(c(Self.width))\" "
    out += "height=\"\(c(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">\n"
    for (i, row) in rows.enumerated() {
      let y = 2 + Double(i) * Self.rowHeight
      let textY = c(y + 16)
      let length = max(1, Self.barWidth * Double(row.count) / Double(maximum))
      out += "<g><title>\(HTMLText.escape(row.key + " · " + row.label))</title>"
      out += "<text class=\"key\" x=\"0\" y=\"\(textY)\">"
      out += "\(HTMLText.escape(HTMLText.truncate(row.key, to: Self.keyLength)))</text>"
      out += "<text x=\"\(c(Self.labelX))\" y=\"\(textY)\">"
      out += "\(HTMLText.escape(HTMLText.truncate(row.label, to: Self.labelLength)))</text>"
      out +=
        "<rect x=\"\(c(Self.barX))\" y=\"\(c(y + 3))\" width=\"\(c(length))\" height=\"\(c(Self.rowHeight - 6))\" "
      out += "fill=\"\(ReportPalette.series[0])\"/>"
      out += "<text x=\"\(c(Self.barX + length + 6))\" y=\"\(textY)\">\(row.count)</text></g>\n"
    }
    out += "</svg>\n"
    return out
  }
}
