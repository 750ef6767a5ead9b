import SiyuText

/// A strict JSON (RFC 8259) parser over UTF-16 units, for JSON Lines rows: one value per line, read
/// straight from `TextInput`'s line buffer without building a `String` and `Data` of the line first and
/// without `Codable` (which cost more than scoring the post). Nesting deeper than `maxDepth` is an
/// error, not a stack overflow; a lone surrogate escape (`\ud800`) becomes U+FFFD.
public struct JSONLineParser {
  /// Deepest nesting of arrays and objects accepted.
  public static let maxDepth = 256

  /// Why a line is not JSON, and the 0-based UTF-16 offset where the parser stopped.
  public struct Failure: Error, Equatable {
    public var offset: Int
  }

  private let units: UnsafeBufferPointer<UInt16>
  private var i = 0
  private var depth = 0
  /// Whether to keep the units of the top-level `text` member (`parseRow`).
  private var keepsText = false
  private var sawText = false
  private var textUnits: [UInt16]?

  private init(_ units: UnsafeBufferPointer<UInt16>) {
    self.units = units
  }

  /// Parses `units` as one JSON value with only whitespace around it.
  public static func parse(_ units: UnsafeBufferPointer<UInt16>) throws(Failure) -> JSONValue {
    var parser = JSONLineParser(units)
    parser.skipSpace()
    let value = try parser.value()
    parser.skipSpace()
    guard parser.i == units.count else { throw Failure(offset: parser.i) }
    return value
  }

  /// Parses `units` as one JSON object and returns its members in order of appearance (a repeated key
  /// keeps its first value), or nil when the value is not an object.
  public static func parseObject(
    _ units: UnsafeBufferPointer<UInt16>
  ) throws(Failure) -> [(key: String, value: JSONValue)]? {
    try parseTopLevel(units, keepsText: false)?.members
  }

  /// Parses `units` as a JSON Lines row: like `parseObject`, except that the first top-level member
  /// named `text`, when it is a string, comes back as its UTF-16 units (escapes resolved) instead of a
  /// member, so that the reader can hand them to the post without making a `String` at all (see
  /// `Post.text`). A `text` string holding a lone surrogate stays a member (its `String` has U+FFFD
  /// there), and so does a `text` that is not a string; later members named `text` are dropped either
  /// way, as `parseObject` drops repeated keys.
  static func parseRow(
    _ units: UnsafeBufferPointer<UInt16>
  ) throws(Failure) -> (members: [(key: String, value: JSONValue)], text: [UInt16]?)? {
    try parseTopLevel(units, keepsText: true)
  }

  /// One top-level JSON value: an object's members (and, with `keepsText`, its `text` units, see
  /// `parseRow`), or nil for any other value.
  private static func parseTopLevel(
    _ units: UnsafeBufferPointer<UInt16>, keepsText: Bool
  ) throws(Failure) -> (members: [(key: String, value: JSONValue)], text: [UInt16]?)? {
    var parser = JSONLineParser(units)
    parser.keepsText = keepsText
    parser.skipSpace()
    guard parser.i < units.count, units[parser.i] == 0x7B else {
      _ = try parser.value()
      parser.skipSpace()
      guard parser.i == units.count else { throw Failure(offset: parser.i) }
      return nil
    }
    let members = try parser.members()
    parser.skipSpace()
    guard parser.i == units.count else { throw Failure(offset: parser.i) }
    return (members, parser.textUnits)
  }

  /// Whether every surrogate in `units` is part of a pair.
  private static func pairsSurrogates(_ units: [UInt16]) -> Bool {
    guard units.contains(where: { $0 & 0xF800 == 0xD800 }) else { return true }
    var k = 0
    while k < units.count {
      let unit = units[k]
      if unit & 0xFC00 == 0xD800 {
        guard k + 1 < units.count, units[k + 1] & 0xFC00 == 0xDC00 else { return false }
        k += 2
        continue
      }
      if unit & 0xFC00 == 0xDC00 { return false }
      k += 1
    }
    return true
  }

  private mutating func skipSpace() {
    while i < units.count {
      switch units[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default: return
      }
    }
  }

  private mutating func value() throws(Failure) -> JSONValue {
    guard i < units.count else { throw Failure(offset: i) }
    switch units[i] {
    case 0x7B:
      var object: [String: JSONValue] = [:]
      for (key, value) in try members() { object[key] = value }  // keys are unique by now
      return .object(object)
    case 0x5B:
      return .array(try elements())
    case 0x22:
      return .string(try string())
    case 0x74:
      try literal([0x74, 0x72, 0x75, 0x65])
      return .bool(true)
    case 0x66:
      try literal([0x66, 0x61, 0x6C, 0x73, 0x65])
      return .bool(false)
    case 0x6E:
      try literal([0x6E, 0x75, 0x6C, 0x6C])
      return .null
    default:
      return try number()
    }
  }

  private mutating func literal(_ word: [UInt16]) throws(Failure) {
    guard i + word.count <= units.count else { throw Failure(offset: i) }
    for (k, unit) in word.enumerated() where units[i + k] != unit { throw Failure(offset: i + k) }
    i += word.count
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > Self.maxDepth { throw Failure(offset: i) }
  }

  /// `{ "k": v, … }` starting at `{`.
  private mutating func members() throws(Failure) -> [(key: String, value: JSONValue)] {
    try enter()
    defer { depth -= 1 }
    i += 1
    var result: [(key: String, value: JSONValue)] = []
    skipSpace()
    if i < units.count, units[i] == 0x7D {
      i += 1
      return result
    }
    while true {
      skipSpace()
      guard i < units.count, units[i] == 0x22 else { throw Failure(offset: i) }
      let key = try string()
      skipSpace()
      guard i < units.count, units[i] == 0x3A else { throw Failure(offset: i) }
      i += 1
      skipSpace()
      let isRowText = keepsText && depth == 1 && key == "text"
      var member = JSONValue.null
      var keptAsUnits = false
      if isRowText && !sawText && i < units.count && units[i] == 0x22 {
        sawText = true
        if let text = try string(keepingUnits: true) {
          member = .string(text)
        } else {
          keptAsUnits = true
        }
      } else {
        if isRowText { sawText = true }
        member = try value()
      }
      // A repeated key keeps its first value, as Foundation's JSONDecoder (used before) does; so does a
      // row's text kept as units.
      if !keptAsUnits && !(isRowText && textUnits != nil) && !result.contains(where: { $0.key == key }) {
        result.append((key, member))
      }
      skipSpace()
      guard i < units.count else { throw Failure(offset: i) }
      if units[i] == 0x2C {
        i += 1
        continue
      }
      guard units[i] == 0x7D else { throw Failure(offset: i) }
      i += 1
      return result
    }
  }

  /// `[ v, … ]` starting at `[`.
  private mutating func elements() throws(Failure) -> [JSONValue] {
    try enter()
    defer { depth -= 1 }
    i += 1
    var result: [JSONValue] = []
    skipSpace()
    if i < units.count, units[i] == 0x5D {
      i += 1
      return result
    }
    while true {
      skipSpace()
      result.append(try value())
      skipSpace()
      guard i < units.count else { throw Failure(offset: i) }
      if units[i] == 0x2C {
        i += 1
        continue
      }
      guard units[i] == 0x5D else { throw Failure(offset: i) }
      i += 1
      return result
    }
  }

  /// A string starting at its opening quote. Runs without escapes are copied as they are.
  private mutating func string() throws(Failure) -> String {
    // Never nil without `keepingUnits`.
    try string(keepingUnits: false) ?? ""
  }

  /// A string starting at its opening quote; with `keepingUnits`, its units go to `textUnits` instead
  /// and the result is nil, unless they hold a lone surrogate (then the `String`, with U+FFFD).
  private mutating func string(keepingUnits: Bool) throws(Failure) -> String? {
    i += 1
    let start = i
    while i < units.count {
      let unit = units[i]
      if unit == 0x22 {
        let slice = UnsafeBufferPointer(rebasing: units[start..<i])
        i += 1
        if keepingUnits {
          let kept = Array(slice)
          if Self.pairsSurrogates(kept) {
            textUnits = kept
            return nil
          }
        }
        return Self.knownKey(slice) ?? UTF16String.make(slice)
      }
      if unit == 0x5C { break }
      if unit < 0x20 { throw Failure(offset: i) }
      i += 1
    }
    var buffer = Array(units[start..<i])
    while i < units.count {
      let unit = units[i]
      switch unit {
      case 0x22:
        i += 1
        if keepingUnits && Self.pairsSurrogates(buffer) {
          textUnits = buffer
          return nil
        }
        return UTF16String.make(buffer)
      case 0x5C:
        i += 1
        guard i < units.count else { throw Failure(offset: i) }
        switch units[i] {
        case 0x22, 0x5C, 0x2F: buffer.append(units[i])
        case 0x62: buffer.append(0x08)
        case 0x66: buffer.append(0x0C)
        case 0x6E: buffer.append(0x0A)
        case 0x72: buffer.append(0x0D)
        case 0x74: buffer.append(0x09)
        case 0x75:
          buffer.append(try hex4())
          continue
        default: throw Failure(offset: i)
        }
        i += 1
      default:
        if unit < 0x20 { throw Failure(offset: i) }
        buffer.append(unit)
        i += 1
      }
    }
    throw Failure(offset: i)
  }

  /// `text` as a shared literal when `units` spell it (every row has that key), else nil.
  @inline(__always)
  private static func knownKey(_ units: UnsafeBufferPointer<UInt16>) -> String? {
    guard units.count == 4, units[0] == 0x74, units[1] == 0x65, units[2] == 0x78, units[3] == 0x74 else {
      return nil
    }
    return "text"
  }

  /// The four hex digits after `\u` (`i` at the `u`); leaves `i` after them.
  private mutating func hex4() throws(Failure) -> UInt16 {
    guard i + 4 < units.count else { throw Failure(offset: i) }
    var value: UInt16 = 0
    for k in 1...4 {
      let unit = units[i + k]
      let digit: UInt16
      switch unit {
      case 0x30...0x39: digit = unit - 0x30
      case 0x41...0x46: digit = unit - 0x41 + 10
      case 0x61...0x66: digit = unit - 0x61 + 10
      default: throw Failure(offset: i + k)
      }
      value = value << 4 | digit
    }
    i += 5
    return value
  }

  /// `-? int frac? exp?`, exactly as RFC 8259 writes it.
  private mutating func number() throws(Failure) -> JSONValue {
    let start = i
    if i < units.count, units[i] == 0x2D { i += 1 }
    guard i < units.count, isDigit(units[i]) else { throw Failure(offset: i) }
    if units[i] == 0x30 {
      i += 1
    } else {
      while i < units.count, isDigit(units[i]) { i += 1 }
    }
    if i < units.count, units[i] == 0x2E {
      i += 1
      guard i < units.count, isDigit(units[i]) else { throw Failure(offset: i) }
      while i < units.count, isDigit(units[i]) { i += 1 }
    }
    if i < units.count, units[i] == 0x65 || units[i] == 0x45 {
      i += 1
      if i < units.count, units[i] == 0x2B || units[i] == 0x2D { i += 1 }
      guard i < units.count, isDigit(units[i]) else { throw Failure(offset: i) }
      while i < units.count, isDigit(units[i]) { i += 1 }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: units[start..<i]), as: UTF16.self)
    guard let number = Double(text) else { throw Failure(offset: start) }
    return JSONValue.number(literal: text, value: number)
  }

  @inline(__always)
  private func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
}
