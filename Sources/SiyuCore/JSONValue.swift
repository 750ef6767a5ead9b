import Foundation

/// A JSON-shaped value: front-matter metadata, batch-row fields, output documents.
public enum JSONValue: Sendable, Equatable, Codable {
  case null
  case bool(Bool)
  case number(Double)
  /// A number read from input that `format` would not write back as written (integers beyond 2^53,
  /// more than four decimals, `1e400`): kept as its JSON literal so ids and metadata are echoed digit for
  /// digit. Made by `number(literal:value:)`.
  case numberText(String)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let n = try? c.decode(Double.self) {
      self = .number(n)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .null: try c.encodeNil()
    case .bool(let b): try c.encode(b)
    case .number(let n): try c.encode(n)
    case .numberText(let text):
      if let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) {
        try c.encode(decimal)
      } else {
        try c.encode(text)
      }
    case .string(let s): try c.encode(s)
    case .array(let a): try c.encode(a)
    case .object(let o): try c.encode(o)
    }
  }

  /// Compact JSON text with sorted keys (stable output for golden tests).
  public var jsonText: String {
    var out = ""
    write(to: &out)
    return out
  }

  func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += JSONValue.format(n)
    case .numberText(let text): out += text
    case .string(let s): JSONValue.quote(s, into: &out)
    case .array(let a):
      out += "["
      for (i, v) in a.enumerated() {
        if i > 0 { out += "," }
        v.write(to: &out)
      }
      out += "]"
    case .object(let o):
      out += "{"
      for (i, key) in o.keys.sorted().enumerated() {
        if i > 0 { out += "," }
        JSONValue.quote(key, into: &out)
        out += ":"
        o[key]!.write(to: &out)
      }
      out += "}"
    }
  }

  /// A number as JSON: integers without a fraction, others with up to 4 decimals, trailing zeros dropped.
  /// A number read from input as `literal` (parsed to `value`): `.number(value)` when `format` writes it
  /// back as written, else `.numberText(literal)` when `literal` is a JSON number (RFC 8259), else
  /// `.number(value)` (a YAML spelling such as `0x1F` or `1_000` is written in JSON's form).
  public static func number(literal: String, value: Double) -> JSONValue {
    if format(value) == literal || !isJSONNumber(literal) { return .number(value) }
    return .numberText(literal)
  }

  /// Whether `text` is `-? int frac? exp?` as RFC 8259 writes a number.
  static func isJSONNumber(_ text: String) -> Bool {
    var units = text.utf8[...]
    func digits() -> Int {
      var count = 0
      while let u = units.first, u >= 0x30 && u <= 0x39 {
        units.removeFirst()
        count += 1
      }
      return count
    }
    if units.first == 0x2D { units.removeFirst() }
    if units.first == 0x30 {
      units.removeFirst()
    } else if digits() == 0 {
      return false
    }
    if units.first == 0x2E {
      units.removeFirst()
      if digits() == 0 { return false }
    }
    if units.first == 0x65 || units.first == 0x45 {
      units.removeFirst()
      if units.first == 0x2B || units.first == 0x2D { units.removeFirst() }
      if digits() == 0 { return false }
    }
    return units.isEmpty
  }

  public static func format(_ n: Double) -> String {
    guard n.isFinite else { return "null" }
    if n == n.rounded() && abs(n) < 1e15 { return String(Int64(n)) }
    var s = String(format: "%.4f", n)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  /// Appends `s` as a JSON string literal.
  public static func quote(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
