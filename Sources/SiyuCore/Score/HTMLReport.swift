/// The HTML report of `siyu score --report FILE.html`: one self-contained HTML5 page drawn from a
/// `ScoreSummary`, with inline CSS and inline SVG charts, no script and no reference to anything outside
/// the file.
///
/// Sections: headline numbers and channels, posts per day per channel, the weekly hard-sell share against
/// the cap, the weekday × hour heat map of posting, the most frequent cues, persona drift (when the batch
/// has personas), the worst posts with their reasons, and cap violations and rule hits. Every text that
/// comes from the data is escaped, and the output depends on the summary alone (dictionaries are walked in
/// sorted order), so the same summary always gives the same bytes.
public enum HTMLReport {
  /// The page for `summary`.
  public static func render(_ summary: ScoreSummary) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>siyu 批量评分报告</title>
      <style>
      \(style)</style>
      </head>
      <body>
      <header>
      <h1>siyu 批量评分报告</h1>
      <p class="meta">\(settingsLine(summary.settings))</p>
      </header>

      """
    out += overview(summary)
    out += daily(summary)
    out += weeklyShare(summary)
    out += heatmaps(summary)
    out += cues(summary)
    if !summary.personas.isEmpty { out += personas(summary) }
    out += worst(summary)
    out += counts(summary)
    out += """
      <footer>由 siyu 生成（报告格式 \(summary.version)）。本文件自带全部样式和图表，不引用任何外部资源。</footer>
      </body>
      </html>

      """
    return out
  }

  /// Channels in the order every chart and table uses: by name.
  static func channels(_ summary: ScoreSummary) -> [String] {
    var names = Set(summary.channels.keys)
    for perChannel in summary.days.values { names.formUnion(perChannel.keys) }
    for perChannel in summary.weeks.values { names.formUnion(perChannel.keys) }
    names.formUnion(summary.heatmap.keys)
    return names.sorted()
  }

  /// A `<section>` with an id, a heading and `body`.
  static func section(_ id: String, _ heading: String, _ body: String) -> String {
    "<section id=\"\(id)\">\n<h2>\(heading)</h2>\n\(body)</section>\n\n"
  }

  /// A paragraph explaining a chart, or saying why there is none.
  static func note(_ text: String) -> String {
    "<p class=\"note\">\(text)</p>\n"
  }

  private static func settingsLine(_ settings: ScoreSummary.Settings) -> String {
    "时区 \(HTMLText.escape(settings.timezone)) · 硬广占比上限 \(ReportNumber.percent(settings.hardSellShareMax))"
      + "（\(ReportNumber.window(settings.hardSellShareWindow))窗口）"
  }

  private static func overview(_ summary: ScoreSummary) -> String {
    let capViolations = summary.caps.values.reduce(0, +)
    let share = ReportNumber.share(summary.hardSell, of: summary.posts)
    let over = summary.posts > 0 && share > summary.settings.hardSellShareMax
    var body = "<dl class=\"cards\">\n"
    body += card("帖子", "\(summary.posts)")
    body += card(
      "硬广", "\(summary.hardSell)", detail: "占 \(ReportNumber.percent(share))", alert: over)
    body += card("跳过的记录或文件", "\(summary.badRows)", alert: summary.badRows > 0)
    body += card("没有时间的帖子", "\(summary.untimed)")
    body += card("频次上限违规", "\(capViolations)", detail: "次", alert: capViolations > 0)
    body += "</dl>\n"
    if summary.posts == 0 { body += note("这批没有评分的帖子。") }
    let channels = channels(summary)
    if !summary.channels.isEmpty {
      body += "<table class=\"channels\">\n<thead><tr><th>频道</th><th class=\"num\">帖子</th>"
      body += "<th class=\"num\">硬广</th><th class=\"num\">硬广占比</th></tr></thead>\n<tbody>\n"
      for channel in channels {
        let counts = summary.channels[channel] ?? ScoreSummary.ClassCounts()
        let share = ReportNumber.share(counts.hardSell, of: counts.posts)
        let mark = counts.posts > 0 && share > summary.settings.hardSellShareMax ? " class=\"over\"" : ""
        body += "<tr><td>\(HTMLText.escape(channel))</td><td class=\"num\">\(counts.posts)</td>"
        body += "<td class=\"num\">\(counts.hardSell)</td><td class=\"num\"><span\(mark)>"
        body += "\(ReportNumber.percent(share))</span></td></tr>\n"
      }
      body += "</tbody>\n</table>\n"
    }
    return section("overview", "概览", body)
  }

  private static func card(_ label: String, _ value: String, detail: String? = nil, alert: Bool = false)
    -> String
  {
    let detailText = detail.map { " <small>\($0)</small>" } ?? ""
    return
      "<div class=\"card\(alert ? " alert" : "")\"><dt>\(label)</dt><dd>\(value)\(detailText)</dd></div>\n"
  }

  static let style = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 960px; padding: 24px; color: #111827; background: #fff;
      font: 14px/1.55 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
      "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d1d5db; }
    h3 { font-size: 15px; margin: 16px 0 4px; }
    section { margin: 28px 0; }
    .meta, .note, footer { color: #4b5563; }
    .note { margin: 4px 0 8px; }
    footer { margin-top: 32px; font-size: 12px; border-top: 1px solid #d1d5db; padding-top: 8px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 16px; }
    .card { border: 1px solid #d1d5db; border-radius: 6px; padding: 8px 14px; min-width: 150px; }
    .card dt { color: #4b5563; font-size: 13px; }
    .card dd { margin: 0; font-size: 26px; font-weight: 600; }
    .card dd small { font-size: 13px; font-weight: 400; color: #4b5563; }
    .card.alert { border-color: #991b1b; }
    .card.alert dd, .over { color: #991b1b; font-weight: 600; }
    table { border-collapse: collapse; margin: 8px 0; }
    th, td { border: 1px solid #d1d5db; padding: 4px 8px; text-align: left; vertical-align: top; }
    th { background: #f3f4f6; font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    code, .id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
    .id { word-break: break-all; }
    .excerpt { white-space: pre-line; }
    table.worst { width: 100%; font-size: 13px; }
    .reasons { margin: 0; padding-left: 16px; }
    .tables { display: flex; flex-wrap: wrap; gap: 32px; }
    svg { display: block; max-width: 100%; height: auto; margin: 8px 0; }
    svg text { font-size: 12px; fill: #374151; }
    svg .ylab text { text-anchor: end; }
    svg .xlab text, svg .scale text { text-anchor: middle; }
    svg .scale text.start { text-anchor: start; }
    svg .key { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    svg .grid { stroke: #e5e7eb; stroke-width: 1; fill: none; }
    svg .cells { stroke: #fff; stroke-width: 1; fill: none; }
    svg .limit { stroke-width: 1.5; stroke-dasharray: 7 4; }
    svg .limit-label { text-anchor: end; font-weight: 600; fill: #991b1b; }
    .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 0 0 8px; }
    .legend .sw { display: inline-block; width: 22px; margin-right: 6px; vertical-align: middle; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      section { break-inside: avoid; }
      table.worst { break-inside: auto; }
      table.worst tr { break-inside: avoid; }
    }

    """
}
