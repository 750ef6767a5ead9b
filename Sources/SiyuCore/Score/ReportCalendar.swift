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
    return daysFromCivil(year, month, day)
  }

  /// `YYYY-MM-DD` of a day number.
  static func dayKey(_ day: Int) -> String {
    let (y, m, d) = civilFromDays(day)
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
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
    let thursday = day - weekday(day) + 3
    let year = civilFromDays(thursday).year
    let week = (thursday - daysFromCivil(year, 1, 1)) / 7 + 1
    return pad(year, 4) + "-W" + pad(week, 2)
  }

  /// 0 = Monday … 6 = Sunday.
  static func weekday(_ day: Int) -> Int {
    ((day % 7) + 7 + 3) % 7
  }

  private static func firstMonday(_ year: Int) -> Int {
    let january4 = daysFromCivil(year, 1, 4)
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

  /// Howard Hinnant's `days_from_civil`.
  private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Howard Hinnant's `civil_from_days`.
  private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
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
