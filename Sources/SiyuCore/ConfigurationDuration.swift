import Foundation

/// Durations in `.siyu.yml` (`min_gap`, `window`): a number with a unit, e.g. `90m`, `2h`, `7d`, or a sum
/// such as `1h30m`. Units: `s`, `m`, `h`, `d`, `w`. A bare `0` means no time at all.
public enum ConfigurationDuration {
  /// Seconds per unit letter.
  static let units: [(unit: Character, seconds: Int)] = [
    ("w", 7 * 86_400), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1),
  ]

  /// Parses `text` into seconds; nil when it is not a duration.
  public static func parse(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed == "0" { return 0 }
    guard !trimmed.isEmpty else { return nil }
    var total = 0
    var digits = ""
    for character in trimmed {
      if let digit = character.wholeNumberValue, character.isASCII {
        digits.append(Character(String(digit)))
        guard digits.count <= 9 else { return nil }
      } else if let unit = units.first(where: { $0.unit == character }) {
        guard let count = Int(digits) else { return nil }
        let (product, overflow) = count.multipliedReportingOverflow(by: unit.seconds)
        guard !overflow else { return nil }
        let (sum, overflow2) = total.addingReportingOverflow(product)
        guard !overflow2 else { return nil }
        total = sum
        digits = ""
      } else {
        return nil
      }
    }
    return digits.isEmpty ? total : nil
  }

  /// Whether `text` has a duration's shape (digits and unit letters, ending in a unit) but a number too
  /// long for `parse` (more than 9 digits).
  static func isTooLong(_ text: String) -> Bool {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let last = trimmed.last, units.contains(where: { $0.unit == last }) else { return false }
    let shaped = trimmed.allSatisfy { c in (c.isASCII && c.isNumber) || units.contains { $0.unit == c } }
    return shaped && trimmed.split(whereSeparator: { !$0.isNumber }).contains { $0.count > 9 }
  }

  /// Formats seconds in the largest units that divide them exactly: `7200` → `2h`, `5400` → `1h30m`.
  public static func format(_ seconds: Int) -> String {
    guard seconds > 0 else { return "0" }
    var rest = seconds
    var out = ""
    for (unit, size) in units where unit != "w" && rest >= size {
      out += "\(rest / size)\(unit)"
      rest %= size
    }
    return out
  }
}
