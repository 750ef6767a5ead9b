import Foundation

/// How cap messages name streams, times and the posts that fill a window (Chinese, for output only).
extension History {
  /// The stream of `entry` as users know it: 朋友圈, 群「宝妈群」, or the channel name; with the persona
  /// when it is set, e.g. 朋友圈（xiaoli）.
  public func streamName(of entry: Int) -> String {
    let facts = entries[entry].facts
    var name: String
    switch facts.channel {
    case "moments": name = "朋友圈"
    case "group": name = "群"
    case "private": name = "私聊"
    default: name = facts.channel
    }
    if let group = facts.group { name += "「\(group)」" }
    if let persona = facts.persona { name += "（\(persona)）" }
    return name
  }

  /// What cap messages show for the time of a date-only post.
  public static let timeUnknown = "时间未定"

  /// `09:05` in the configured time zone.
  public func clock(_ date: Date) -> String {
    let minute = minuteOfDay(date)
    return QuietHours.clock(minute)
  }

  /// `11月24日` in the configured time zone.
  public func monthDay(_ date: Date) -> String {
    let (month, day) = Self.monthAndDay(fromDays: day(of: date))
    return "\(month)月\(day)日"
  }

  /// Month and day of a day number (days since 1970-01-01).
  static func monthAndDay(fromDays days: Int) -> (Int, Int) {
    let date = CivilDate(days: days)
    return (date.month, date.day)
  }

  /// `11月24日 09:05`.
  public func dateClock(_ date: Date) -> String {
    monthDay(date) + " " + clock(date)
  }

  /// Up to three of `others` as `path time`, then 等另外 N 条: what fills the window, so the user knows
  /// what to move. `withDate` adds the day to each time. A date-only post shows 时间未定 for its time
  /// (`11月25日 时间未定` with the day), never a made-up 00:00.
  public func listing(_ others: [Int], withDate: Bool) -> String {
    if others.isEmpty { return "" }
    let shown = others.prefix(3).map { index -> String in
      let entry = entries[index]
      guard let time = entry.facts.publishAt else { return entry.path }
      if entry.facts.publishDateOnly {
        return entry.path + " " + (withDate ? monthDay(time) + " " : "") + Self.timeUnknown
      }
      return entry.path + " " + (withDate ? dateClock(time) : clock(time))
    }
    var text = shown.joined(separator: "、")
    if others.count > 3 { text += " 等另外 \(others.count - 3) 条" }
    return "（" + text + "）"
  }

  /// A duration in Chinese: `2 小时`, `1 小时 30 分钟`, `45 分钟`, `3 天`.
  public static func duration(_ seconds: Int) -> String {
    if seconds >= 86_400 && seconds % 86_400 == 0 { return "\(seconds / 86_400) 天" }
    let hours = seconds / 3_600
    let minutes = (seconds % 3_600) / 60
    if hours > 0 && minutes > 0 { return "\(hours) 小时 \(minutes) 分钟" }
    if hours > 0 { return "\(hours) 小时" }
    if minutes > 0 { return "\(minutes) 分钟" }
    return "\(seconds) 秒"
  }
}
