import Foundation

/// Parses `publish_at` values: the ISO 8601 forms people write by hand.
///
/// Accepted: `2026-11-24`, `2026-11-24T09:00`, `2026-11-24 09:00`, `2026-11-24T09:00:00`, with optional
/// fractional seconds, an optional offset `Z`, `+08:00`, `+0800` or `+08`, and RFC 9557 annotations after a
/// time (`2026-11-24T09:00+08:00[Asia/Shanghai]`, see `annotations`). A value without an offset is local
/// time in the annotated zone, else in the given timezone. Impossible dates (`2026-02-30`, hour 25) and
/// an offset that contradicts its zone are rejected.
///
/// A date alone (`2026-11-25`) means "that day, time of day not known yet" (`Value.dateOnly`). Its instant
/// is the day's midnight in the given timezone, which is what orders it among other posts (before the timed
/// posts of its day) and places it in days, weeks and cap windows; the rules about the time of day
/// (`cap/quiet-hours`, `cap/gap`) and the report's hour-of-day heat map leave it out.
public enum FrontMatterDate {
  /// A parsed `publish_at`: its instant, and whether the text gave a time of day.
  public struct Value: Sendable, Equatable {
    /// The instant; for a date alone, its midnight in the timezone.
    public var date: Date
    /// True for a date alone: the day is known, the time of day is not.
    public var dateOnly: Bool

    public init(date: Date, dateOnly: Bool) {
      self.date = date
      self.dateOnly = dateOnly
    }
  }

  /// The instant `text` names, or nil when it is not one of the accepted forms or not a real time.
  public static func parse(_ text: String, timezone: TimeZone) -> Date? {
    parseValue(text, timezone: timezone)?.date
  }

  /// The instant `text` names and whether it has a time of day, or nil when it is not one of the accepted
  /// forms or not a real time.
  public static func parseValue(_ text: String, timezone: TimeZone) -> Value? {
    let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
    var i = 0

    func digits(_ count: Int) -> Int? {
      guard i + count <= s.count else { return nil }
      var value = 0
      for k in i..<(i + count) {
        let c = s[k]
        guard c >= 0x30 && c <= 0x39 else { return nil }
        value = value * 10 + Int(c - 0x30)
      }
      i += count
      return value
    }
    func eat(_ c: UInt8) -> Bool {
      if i < s.count && s[i] == c {
        i += 1
        return true
      }
      return false
    }

    guard let year = digits(4), eat(0x2D), let month = digits(2), eat(0x2D), let day = digits(2) else {
      return nil
    }
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
    var hour = 0
    var minute = 0
    var second = 0
    var nanosecond = 0
    var offset: Int?
    var annotated: TimeZone?
    let dateOnly = i == s.count
    if !dateOnly {
      // `T`, `t` or one space between date and time.
      guard s[i] == 0x54 || s[i] == 0x74 || s[i] == 0x20 else { return nil }
      i += 1
      guard let h = digits(2), eat(0x3A), let m = digits(2) else { return nil }
      hour = h
      minute = m
      if eat(0x3A) {
        guard let sec = digits(2) else { return nil }
        second = sec
        if eat(0x2E) || eat(0x2C) {
          var fraction = 0
          var scale = 1_000_000_000
          var count = 0
          while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
            if scale > 1 {
              scale /= 10
              fraction += Int(s[i] - 0x30) * scale
            }
            i += 1
            count += 1
          }
          guard count > 0 else { return nil }
          nanosecond = fraction
        }
      }
      guard hour <= 23, minute <= 59, second <= 59 else { return nil }
      if i < s.count {
        if s[i] == 0x5A || s[i] == 0x7A {
          i += 1
          offset = 0
        } else if s[i] == 0x2B || s[i] == 0x2D {
          let sign = s[i] == 0x2D ? -1 : 1
          i += 1
          guard let oh = digits(2) else { return nil }
          var om = 0
          if eat(0x3A) {
            guard let m = digits(2) else { return nil }
            om = m
          } else if i < s.count, s[i] != 0x5B {
            guard let m = digits(2) else { return nil }
            om = m
          }
          guard oh <= 23, om <= 59 else { return nil }
          offset = sign * (oh * 3600 + om * 60)
        } else if s[i] != 0x5B {
          return nil
        }
      }
      if i < s.count {
        var ignored: String?
        guard let suffix = String(bytes: s[i...], encoding: .utf8),
          let annotation = annotations(suffix, offset: &offset, problem: &ignored)
        else { return nil }
        annotated = annotation.zone
        i = s.count
      }
    }
    guard i == s.count else { return nil }

    let days = daysFromCivil(year: year, month: month, day: day)
    let localSeconds =
      Double(days * 86_400 + hour * 3600 + minute * 60 + second)
      + Double(nanosecond) / 1e9
    if let offset {
      let date = Date(timeIntervalSince1970: localSeconds - Double(offset))
      // An offset and a zone that disagree at that instant (`+09:00[Asia/Shanghai]`) name no single time.
      if let annotated, annotated.secondsFromGMT(for: date) != offset { return nil }
      return Value(date: date, dateOnly: false)
    }
    let timezone = annotated ?? timezone
    // Local time in `timezone`: find the offset in force at that instant (two rounds settle DST edges).
    var guess = Date(timeIntervalSince1970: localSeconds - Double(timezone.secondsFromGMT()))
    for _ in 0..<2 {
      let zoneOffset = timezone.secondsFromGMT(for: guess)
      guess = Date(timeIntervalSince1970: localSeconds - Double(zoneOffset))
    }
    return Value(date: guess, dateOnly: dateOnly)
  }

  /// What RFC 9557 annotations after a time say: the zone, when one is annotated.
  struct Annotations {
    var zone: TimeZone?
  }

  /// Reads the RFC 9557 annotations after a time: a zone (`[Asia/Shanghai]`, as Java's `ZonedDateTime`
  /// writes it, `[!Asia/Shanghai]`, `[+08:00]`), which must come first, then `[key=value]` tags. Nil when
  /// they are malformed, name an unknown zone or a calendar other than the Gregorian, or carry an unknown
  /// critical (`!`) tag, with `problem` saying which when it is one of those. An offset annotation sets
  /// `offset` when the time has none.
  static func annotations(_ suffix: String, offset: inout Int?, problem: inout String?) -> Annotations? {
    var rest = Substring(suffix)
    var zone: TimeZone?
    var first = true
    while !rest.isEmpty {
      guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
      var body = rest[rest.index(after: rest.startIndex)..<close]
      rest = rest[rest.index(after: close)...]
      let critical = body.first == "!"
      if critical { body = body.dropFirst() }
      guard !body.isEmpty, !body.contains("["), !body.contains(" ") else { return nil }
      if let equals = body.firstIndex(of: "=") {
        let key = body[..<equals]
        let value = body[body.index(after: equals)...].lowercased()
        if key == "u-ca" {
          guard value == "gregory" || value == "iso8601" else {
            problem = "只支持公历 u-ca=gregory，不支持历法「\(value)」"
            return nil
          }
        } else if critical {
          problem = "不认识的必需标注「!\(body)」"
          return nil
        }
      } else {
        guard first else {
          problem = "时区标注只能有一个，且要在其他标注之前"
          return nil
        }
        if body.first == "+" || body.first == "-" {
          let sign = body.first == "-" ? -1 : 1
          let digits = body.dropFirst().filter { $0 != ":" }
          guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits)
          else { return nil }
          let seconds = sign * ((value / 100) * 3600 + (value % 100) * 60)
          guard value / 100 <= 23, value % 100 <= 59 else { return nil }
          if let offset, offset != seconds { return nil }
          offset = seconds
          zone = TimeZone(secondsFromGMT: seconds)
        } else {
          guard let named = TimeZone(identifier: String(body)) else {
            problem = "未知的时区「\(body)」"
            return nil
          }
          zone = named
        }
      }
      first = false
    }
    return Annotations(zone: zone)
  }

  /// Why `text`, which `parseValue` rejects, names no time, when its RFC 9557 annotations are the reason
  /// (an unknown zone, an offset the zone contradicts, another calendar, an unknown critical tag), for the
  /// error message; nil when the reason is elsewhere or the text does not parse without them either.
  public static func annotationProblem(_ text: String, timezone: TimeZone) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let open = trimmed.firstIndex(of: "["),
      let base = parseValue(String(trimmed[..<open]), timezone: timezone), !base.dateOnly
    else { return nil }
    var offset: Int?
    var problem: String?
    guard let annotation = annotations(String(trimmed[open...]), offset: &offset, problem: &problem) else {
      return problem
    }
    // The text parses without its annotations and they are well formed: the zone contradicts the offset.
    guard let zone = annotation.zone else { return nil }
    let seconds = zone.secondsFromGMT(for: base.date)
    let sign = seconds < 0 ? "-" : "+"
    let minutes = abs(seconds) / 60
    let hhmm = String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    return "时区「\(zone.identifier)」在这一时刻的时差是 \(hhmm)，与所写的时差不符"
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
