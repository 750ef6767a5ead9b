import Foundation

extension ScoreSummary {
  /// The summary for people (stderr after `siyu score`), in Chinese.
  public func text() -> String {
    var lines: [String] = []
    let share = { (part: Int, whole: Int) -> String in
      whole == 0 ? "0%" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }
    var first = "已评分 \(posts) 条：硬广 \(hardSell) 条（\(share(hardSell, posts))），价值 \(posts - hardSell) 条"
    if badRows > 0 { first += "；跳过 \(badRows) 条有问题的记录或文件" }
    lines.append(first)
    if !channels.isEmpty {
      let parts = channels.keys.sorted().map { name -> String in
        let counts = channels[name]!
        return "\(name) \(counts.posts) 条（硬广 \(share(counts.hardSell, counts.posts))）"
      }
      lines.append("按渠道：" + parts.joined(separator: "，"))
    }
    if untimed > 0 { lines.append("没有发布时间：\(untimed) 条（不计入按天、按周统计和发布频率检查）") }
    let dateOnly = dateOnlyPosts
    if dateOnly > 0 { lines.append("只有发布日期、没有钟点：\(dateOnly) 条（计入按天、按周统计，不计入发帖时段、间隔和免打扰检查）") }
    let recentWeeks = weeks.keys.sorted().suffix(8)
    if !recentWeeks.isEmpty {
      let limit = Int((settings.hardSellShareMax * 100).rounded())
      let parts = recentWeeks.map { week -> String in
        var total = ClassCounts()
        for counts in weeks[week]!.values { total.add(counts) }
        let over = total.posts > 0 && Double(total.hardSell) / Double(total.posts) > settings.hardSellShareMax
        return "\(week) \(share(total.hardSell, total.posts))\(over ? "↑" : "")"
      }
      lines.append("每周硬广占比（上限 \(limit)%，↑ 为超过）：" + parts.joined(separator: "，"))
    }
    if !caps.isEmpty {
      let parts = caps.keys.sorted().map { "\($0) \(caps[$0]!) 条" }
      lines.append("违反发布频率：" + parts.joined(separator: "，"))
    }
    let top = topCues(10)
    if !top.isEmpty {
      lines.append("最常见的硬广线索：" + top.map { "「\($0.text)」\($0.count) 次" }.joined(separator: "，"))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
