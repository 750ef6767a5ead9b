import Foundation

/// A daily window in which posting is discouraged, e.g. `22:00-08:00` (may wrap past midnight).
public struct QuietHours: Sendable, Equatable {
  /// Minutes after midnight at which the window starts (inclusive).
  public var start: Int
  /// Minutes after midnight at which the window ends (exclusive).
  public var end: Int

  /// A window from `start` to `end`, both minutes after midnight (0..<1440).
  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// Parses `HH:MM-HH:MM`; nil when malformed or when start equals end.
  public init?(_ text: String) {
    let parts = text.trimmingCharacters(in: .whitespaces)
      .split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]),
      start < 24 * 60, start != end % (24 * 60)
    else { return nil }
    self.init(start: start, end: end)
  }

  /// Whether `minuteOfDay` (0..<1440) falls inside the window.
  public func contains(minuteOfDay: Int) -> Bool {
    start < end ? (start <= minuteOfDay && minuteOfDay < end) : (minuteOfDay >= start || minuteOfDay < end)
  }

  /// `HH:MM-HH:MM`.
  public var text: String { "\(Self.clock(start))-\(Self.clock(end))" }

  static func minutes(_ text: Substring) -> Int? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(
      separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let hour = Int(parts[0]), let minute = Int(parts[1])
    else { return nil }
    if hour == 24 && minute == 0 { return 24 * 60 }
    guard hour < 24, minute < 60 else { return nil }
    return hour * 60 + minute
  }

  static func clock(_ minutes: Int) -> String {
    let hour = minutes / 60
    let minute = minutes % 60
    return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
  }
}
