/// One line of a `LineChart`: a name for the legend and one value per x position (nil: no value there).
struct ChartSeries {
  var name: String
  var colour: String
  var dashed: Bool
  /// Drawn thicker (the "all channels" line).
  var emphasised: Bool
  var values: [Double?]

  init(name: String, colour: String, dashed: Bool = false, emphasised: Bool = false, values: [Double?]) {
    self.name = name
    self.colour = colour
    self.dashed = dashed
    self.emphasised = emphasised
    self.values = values
  }

  /// The legend entry as an HTML list item (the swatch is a border, so it prints).
  var legendItem: String {
    let style = "\(emphasised ? 3 : 2)px \(dashed ? "dashed" : "solid") \(colour)"
    return "<li><span class=\"sw\" style=\"border-top:\(style)\"></span>\(HTMLText.escape(name))</li>"
  }

  /// An HTML legend for `series`.
  static func legend(_ series: [ChartSeries]) -> String {
    "<ul class=\"legend\">" + series.map(\.legendItem).joined() + "</ul>\n"
  }
}
