extension HTMLReport {
  static func worst(_ summary: ScoreSummary) -> String {
    guard !summary.worst.isEmpty else {
      return section("worst", "最像硬广的帖子", note("没有评分的帖子。"))
    }
    var body = note("硬广概率最高的 \(summary.worst.count) 条帖子（概率相同时按分数），每条附上它命中的规则。")
    body += "<table class=\"worst\">\n<thead><tr><th class=\"num\">#</th><th>帖子</th><th>频道 / 人设</th>"
    body +=
      "<th>时间</th><th class=\"num\">概率</th><th class=\"num\">分数</th><th>摘要</th><th>原因</th></tr></thead>\n"
    body += "<tbody>\n"
    for (i, post) in summary.worst.enumerated() {
      let persona = post.persona.map { " / " + HTMLText.escape($0) } ?? ""
      let time = post.publishAt.map { HTMLText.escape(readableTime($0)) } ?? "无时间"
      body += "<tr><td class=\"num\">\(i + 1)</td><td class=\"id\">\(HTMLText.escape(post.id))</td>"
      body += "<td>\(HTMLText.escape(post.channel))\(persona)</td><td>\(time)</td>"
      body += "<td class=\"num\">\(ReportNumber.probability(post.probability))</td>"
      body += "<td class=\"num\">\(ReportNumber.score(post.score))</td>"
      body += "<td class=\"excerpt\">\(HTMLText.escape(post.excerpt))</td><td>"
      if post.reasons.isEmpty {
        body += "—"
      } else {
        body += "<ul class=\"reasons\">"
        for reason in post.reasons {
          body += "<li><code>\(HTMLText.escape(reason.rule))</code> \(HTMLText.escape(reason.message))</li>"
        }
        body += "</ul>"
      }
      body += "</td></tr>\n"
    }
    body += "</tbody>\n</table>\n"
    return section("worst", "最像硬广的帖子", body)
  }

  static func counts(_ summary: ScoreSummary) -> String {
    var body = "<div class=\"tables\">\n<div>\n<h3>频次上限违规</h3>\n"
    body += countTable(summary.caps, empty: "没有帖子违反频次上限。")
    body += "</div>\n<div>\n<h3>规则命中</h3>\n"
    body += countTable(summary.rules, empty: "没有规则命中。")
    body += "</div>\n</div>\n"
    return section("counts", "频次上限与规则命中", body)
  }

  /// An ISO 8601 time with a space instead of the `T`, so it reads (and wraps) as date and time.
  private static func readableTime(_ iso: String) -> String {
    let characters = Array(iso)
    guard characters.count > 10, characters[10] == "T", ReportCalendar.day(String(characters[..<10])) != nil
    else {
      return iso
    }
    return String(characters[..<10]) + " " + String(characters[11...])
  }

  /// Rule ids and post counts, most posts first (ties by id).
  private static func countTable(_ counts: [String: Int], empty: String) -> String {
    guard !counts.isEmpty else { return note(empty) }
    let rows = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    var out =
      "<table class=\"counts\">\n<thead><tr><th>规则</th><th class=\"num\">帖子</th></tr></thead>\n<tbody>\n"
    for (rule, count) in rows {
      out += "<tr><td><code>\(HTMLText.escape(rule))</code></td><td class=\"num\">\(count)</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }
}
