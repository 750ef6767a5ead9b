import Foundation

/// A calendar day in the proleptic Gregorian calendar, from a day number (days since 1970-01-01), without
/// `Calendar` (which costs microseconds a call): batch scoring files every post under its day, ISO week and
/// hour of the week.
public struct CivilDate: Sendable, Equatable {
  public var year: Int
  public var month: Int
  public var day: Int

  /// The date of day number `days` (Howard Hinnant's civil-from-days).
  public init(days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Day number of `year-month-day` (Howard Hinnant's days-from-civil).
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// 0 = Monday … 6 = Sunday, for day number `days` (1970-01-01 was a Thursday).
  public static func weekday(days: Int) -> Int {
    ((days + 3) % 7 + 7) % 7
  }

  /// `YYYY-MM-DD`.
  public var text: String {
    Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
  }

  /// The ISO 8601 week of day number `days` as `YYYY-Www` (the week belongs to the year of its Thursday).
  public static func isoWeek(days: Int) -> String {
    let thursday = days - weekday(days: days) + 3
    let year = CivilDate(days: thursday).year
    let week = (thursday - Self.days(year: year, month: 1, day: 1)) / 7 + 1
    return pad(year, 4) + "-W" + pad(week, 2)
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
