extension HTMLReport {
  /// Per-channel heat maps are drawn for at most this many channels.
  static let maxChannelHeatMaps = 6
  /// Cues in the cue chart.
  static let topCueCount = 15

  static func daily(_ summary: ScoreSummary) -> String {
    let axis = ReportCalendar.dayAxis(summary.days.keys)
    guard !axis.isEmpty else {
      return section("daily", "每日发帖量", note("没有带时间的帖子，画不出按天的发帖量。"))
    }
    let channels = Set(summary.days.values.flatMap(\.keys)).sorted()
    let series = channels.enumerated().map { i, channel in
      let (colour, dashed) = ReportPalette.series(i)
      return ChartSeries(
        name: channel, colour: colour, dashed: dashed,
        values: axis.map { Double(summary.days[$0]?[channel]?.posts ?? 0) })
    }
    var body = note(
      "每条线是一个频道：横轴是日期（\(HTMLText.escape(summary.settings.timezone))），纵轴是当天发出的帖子数。"
        + untimedNote(summary))
    body += LineChart(labels: dayLabels(axis), series: series, scale: .count, title: "每日发帖量，按频道").svg()
    body += ChartSeries.legend(series)
    return section("daily", "每日发帖量", body)
  }

  static func weeklyShare(_ summary: ScoreSummary) -> String {
    let axis = ReportCalendar.weekAxis(summary.weeks.keys)
    let cap = summary.settings.hardSellShareMax
    guard !axis.isEmpty else {
      return section("weekly-share", "每周硬广占比", note("没有带时间的帖子，画不出每周的硬广占比。"))
    }
    func share(_ counts: ScoreSummary.ClassCounts) -> Double? {
      counts.posts > 0 ? ReportNumber.share(counts.hardSell, of: counts.posts) : nil
    }
    let totals = axis.map { week in
      var total = ScoreSummary.ClassCounts()
      for counts in (summary.weeks[week] ?? [:]).values { total.add(counts) }
      return total
    }
    var series = [
      ChartSeries(name: "全部频道", colour: ReportPalette.total, emphasised: true, values: totals.map(share))
    ]
    let channels = Set(summary.weeks.values.flatMap(\.keys)).sorted()
    if channels.count > 1 {
      for (i, channel) in channels.enumerated() {
        let (colour, dashed) = ReportPalette.series(i)
        let values = axis.map { week in summary.weeks[week]?[channel].flatMap(share) }
        series.append(ChartSeries(name: channel, colour: colour, dashed: dashed, values: values))
      }
    }
    let capText = ReportNumber.percent(cap)
    var body = note(
      "每周（ISO 周）硬广帖子占当周帖子的比例。虚线是配置的上限 caps.hard_sell_share.max = \(capText)"
        + "（siyu check 按 \(ReportNumber.window(summary.settings.hardSellShareWindow))滑动窗口检查，这里按周汇总）。")
    body += LineChart(
      labels: weekLabels(axis), series: series, scale: .share, limit: (cap, "上限 \(capText)"),
      title: "每周硬广占比与上限 \(capText)"
    ).svg()
    body += ChartSeries.legend(series)
    let over = zip(axis, totals).filter { share($0.1).map { $0 > cap } ?? false }
    if over.isEmpty {
      body += note("没有一周的硬广占比超过上限。")
    } else {
      let list = over.map {
        HTMLText.escape($0.0) + "（\(ReportNumber.percent(ReportNumber.share($0.1.hardSell, of: $0.1.posts)))）"
      }
      body += "<p class=\"note over\">超过上限的周：\(list.joined(separator: "、"))</p>\n"
    }
    return section("weekly-share", "每周硬广占比", body)
  }

  static func heatmaps(_ summary: ScoreSummary) -> String {
    let channels = summary.heatmap.keys.sorted()
    let total = HeatMap(grid: HeatMap.sum(channels.compactMap { summary.heatmap[$0] }), title: "全部频道的发帖时段")
    let dateOnly = summary.dateOnlyPosts
    guard total.maximum > 0 else {
      let text =
        dateOnly > 0 ? "帖子的 publish_at 都只有日期、没有钟点，画不出发帖时段。" : "没有带时间的帖子，画不出发帖时段。"
      return section("heatmap", "发帖时段", note(text))
    }
    var body = note(
      "按星期（行）和钟点（列，\(HTMLText.escape(summary.settings.timezone))）数帖子，颜色越深发得越多；"
        + "每张图的颜色按本图最忙的一格定。"
        + (dateOnly > 0 ? "另有 \(dateOnly) 条帖子的 publish_at 只有日期、没有钟点，不在图中。" : ""))
    body += "<h3>全部频道</h3>\n" + total.svg()
    let drawn = channels.filter { (summary.heatmap[$0]?.flatMap { $0 }.max() ?? 0) > 0 }
    if drawn.count > maxChannelHeatMaps {
      body += note("频道超过 \(maxChannelHeatMaps) 个，只画全部频道。")
    } else if drawn.count > 1 {
      for channel in drawn {
        let map = HeatMap(grid: summary.heatmap[channel] ?? [], title: "频道 \(channel) 的发帖时段")
        body += "<h3>频道 \(HTMLText.escape(channel))</h3>\n" + map.svg()
      }
    }
    return section("heatmap", "发帖时段", body)
  }

  static func cues(_ summary: ScoreSummary) -> String {
    let top = summary.topCues(topCueCount)
    guard !top.isEmpty else {
      return section("cues", "高频话术", note("没有命中硬广或广告法话术。"))
    }
    var body = note(
      "出现最多的 \(top.count) 条硬广和广告法话术：左边是规则，中间是话术原文（数字写作 N），条长是出现次数。")
    let rows = top.map { BarChart.Row(key: $0.rule, label: $0.text, count: $0.count) }
    body += BarChart(rows: rows, title: "高频话术").svg()
    return section("cues", "高频话术", body)
  }

  static func personas(_ summary: ScoreSummary) -> String {
    let names = summary.personas.keys.sorted()
    let axis = ReportCalendar.weekAxis(summary.personas.values.flatMap(\.keys))
    var body = note("每个人设每周偏离人设的帖子（有任何 persona/* 发现）占它当周帖子的比例。")
    if !axis.isEmpty {
      let series = names.enumerated().map { i, name in
        let (colour, dashed) = ReportPalette.series(i)
        let values = axis.map { week -> Double? in
          guard let counts = summary.personas[name]?[week], counts.posts > 0 else { return nil }
          return ReportNumber.share(counts.offVoice, of: counts.posts)
        }
        return ChartSeries(name: name, colour: colour, dashed: dashed, values: values)
      }
      body += LineChart(labels: weekLabels(axis), series: series, scale: .share, title: "每周偏离人设的比例").svg()
      body += ChartSeries.legend(series)
    }
    body += "<table class=\"personas\">\n<thead><tr><th>人设</th><th class=\"num\">帖子</th>"
    body += "<th class=\"num\">偏离人设</th><th class=\"num\">占比</th></tr></thead>\n<tbody>\n"
    for name in names {
      let weeks = summary.personas[name] ?? [:]
      let posts = weeks.values.reduce(0) { $0 + $1.posts }
      let off = weeks.values.reduce(0) { $0 + $1.offVoice }
      body +=
        "<tr><td>\(HTMLText.escape(name))</td><td class=\"num\">\(posts)</td><td class=\"num\">\(off)</td>"
      body += "<td class=\"num\">\(ReportNumber.percent(ReportNumber.share(off, of: posts)))</td></tr>\n"
    }
    body += "</tbody>\n</table>\n"
    return section("personas", "人设偏离", body)
  }

  private static func untimedNote(_ summary: ScoreSummary) -> String {
    summary.untimed > 0 ? "另有 \(summary.untimed) 条帖子没有时间，不在图中。" : ""
  }

  /// `MM-DD` when every day is in one year, else the keys.
  private static func dayLabels(_ axis: [String]) -> [String] {
    let years = Set(axis.map { $0.prefix(5) })
    return years.count == 1 && axis.allSatisfy { $0.count == 10 }
      ? axis.map { String($0.dropFirst(5)) } : axis
  }

  /// `Www` when every week is in one year, else the keys.
  private static func weekLabels(_ axis: [String]) -> [String] {
    let years = Set(axis.map { $0.prefix(5) })
    return years.count == 1 && axis.allSatisfy { $0.count == 8 } ? axis.map { String($0.dropFirst(5)) } : axis
  }
}
