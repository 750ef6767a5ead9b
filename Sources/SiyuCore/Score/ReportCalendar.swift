/// The day and week keys of a `ScoreSummary` (`YYYY-MM-DD`, ISO `YYYY-Www`) as day numbers, so charts can
/// put days and weeks without posts on their axes. Proleptic Gregorian arithmetic, no time zones: the keys
/// are already local dates.
enum ReportCalendar {
  /// Days from 1970-01-01 to `YYYY-MM-DD`; nil when `key` is not such a date.
  static func day(_ key: String) -> Int? {
    let parts = key.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...daysInMonth(year, month)).contains(day)
    else { return nil }
    return CivilDate.days(year: year, month: month, day: day)
  }

  /// `YYYY-MM-DD` of a day number.
  static func dayKey(_ day: Int) -> String {
    CivilDate(days: day).text
  }

  /// The day number of the Monday of ISO week `YYYY-Www`; nil when `key` is not such a week.
  static func week(_ key: String) -> Int? {
    let parts = key.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
      let year = Int(parts[0]), let week = Int(parts[1].dropFirst()), week >= 1, week <= weeksIn(year)
    else { return nil }
    return firstMonday(year) + (week - 1) * 7
  }

  /// `YYYY-Www` of the ISO week that contains day number `day`.
  static func weekKey(_ day: Int) -> String {
    CivilDate.isoWeek(days: day)
  }

  /// 0 = Monday … 6 = Sunday.
  static func weekday(_ day: Int) -> Int {
    CivilDate.weekday(days: day)
  }

  private static func firstMonday(_ year: Int) -> Int {
    let january4 = CivilDate.days(year: year, month: 1, day: 4)
    return january4 - weekday(january4)
  }

  private static func weeksIn(_ year: Int) -> Int {
    (firstMonday(year + 1) - firstMonday(year)) / 7
  }

  private static func daysInMonth(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

}

extension ReportCalendar {
  /// The x axis for `keys` (day keys): every day from the first to the last, or, when some key is not a
  /// date or the span is longer than `limit` days, just the keys, sorted.
  static func dayAxis(_ keys: some Sequence<String>, limit: Int = 800) -> [String] {
    axis(keys, limit: limit, step: 1, parse: day, format: dayKey)
  }

  /// The x axis for `keys` (ISO week keys): every week from the first to the last, or, when some key is
  /// not a week or the span is longer than `limit` weeks, just the keys, sorted.
  static func weekAxis(_ keys: some Sequence<String>, limit: Int = 260) -> [String] {
    axis(keys, limit: limit, step: 7, parse: week, format: weekKey)
  }

  private static func axis(
    _ keys: some Sequence<String>, limit: Int, step: Int, parse: (String) -> Int?, format: (Int) -> String
  ) -> [String] {
    let sorted = Set(keys).sorted()
    let numbers = sorted.compactMap(parse)
    guard numbers.count == sorted.count, let first = numbers.min(), let last = numbers.max(),
      (last - first) / step < limit
    else { return sorted }
    return stride(from: first, through: last, by: step).map(format)
  }
}
