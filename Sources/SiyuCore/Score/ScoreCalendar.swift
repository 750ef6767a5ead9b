import Foundation

/// Local days, hours and timestamps in the configured time zone, by arithmetic on the zone's offset.
public struct ScoreCalendar: Sendable {
  public let timezone: TimeZone

  public init(timezone: TimeZone) {
    self.timezone = timezone
  }

  /// Seconds since 1970-01-01 00:00 local time.
  @inline(__always)
  func localSeconds(_ date: Date) -> Int {
    Int(date.timeIntervalSince1970.rounded(.down)) + timezone.secondsFromGMT(for: date)
  }

  /// Local day number (days since 1970-01-01) and minute of the day.
  public func dayAndMinute(_ date: Date) -> (day: Int, minute: Int) {
    let local = localSeconds(date)
    let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    return (day, (local - day * 86_400) / 60)
  }

  /// How `siyu score` writes a `publish_at`: ISO 8601 with the zone's offset
  /// (`2026-11-24T09:00:00+08:00`), or the local date alone (`2026-11-24`) for a date-only value, as the
  /// user wrote it (its instant, midnight, is not a time anyone chose).
  public func iso8601(_ date: Date, dateOnly: Bool) -> String {
    guard dateOnly else { return iso8601(date) }
    return CivilDate(days: dayAndMinute(date).day).text
  }

  /// ISO 8601 with the zone's offset: `2026-11-24T09:00:00+08:00`.
  public func iso8601(_ date: Date) -> String {
    let offset = timezone.secondsFromGMT(for: date)
    let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
    let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    let second = local - day * 86_400
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset) / 60
    return CivilDate(days: day).text + "T" + CivilDate.pad(second / 3_600, 2) + ":"
      + CivilDate.pad(second % 3_600 / 60, 2) + ":" + CivilDate.pad(second % 60, 2) + sign
      + CivilDate.pad(magnitude / 60, 2) + ":" + CivilDate.pad(magnitude % 60, 2)
  }
}
