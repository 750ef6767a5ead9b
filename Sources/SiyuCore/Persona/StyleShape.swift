/// Clause-length patterns: a clause's length in letters and digits, capped at 12, and runs of two or
/// three such lengths packed four bits each (`a | b << 4 | c << 8`). Written in profiles as `5`, `5_4`,
/// `5_4_7`.
enum StyleShape {
  static let longest = 12

  @inline(__always)
  static func bucket(_ length: Int) -> UInt32 { UInt32(min(max(length, 1), longest)) }

  static func text(_ key: UInt32) -> String {
    var parts: [String] = []
    var k = key
    while k != 0 {
      parts.append(String(k & 0xF))
      k >>= 4
    }
    return parts.joined(separator: "_")
  }

  static func key(_ text: String) -> UInt32? {
    var key: UInt32 = 0
    var shift: UInt32 = 0
    let parts = text.split(separator: "_")
    guard (1...3).contains(parts.count) else { return nil }
    for part in parts {
      guard let n = UInt32(part), (1...UInt32(longest)).contains(n) else { return nil }
      key |= n << shift
      shift += 4
    }
    return key
  }
}
