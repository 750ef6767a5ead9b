/// A JSON tree whose objects keep their keys in insertion order, so reporters can write documents in the
/// order the SPEC and the format descriptions show (`JSONValue.jsonText` sorts keys instead).
enum JSONNode: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  /// A number written as this JSON literal (`JSONValue.numberText`).
  case numberText(String)
  case string(String)
  case array([JSONNode])
  /// An object, keys in this order.
  case members([Member])

  /// One key of an object.
  struct Member: Sendable, Equatable {
    var key: String
    var value: JSONNode
  }

  /// An object from key–value pairs, in order. Pairs whose value is nil are left out.
  static func object(_ pairs: KeyValuePairs<String, JSONNode?>) -> JSONNode {
    .members(pairs.compactMap { key, value in value.map { Member(key: key, value: $0) } })
  }

  static func int(_ n: Int) -> JSONNode { .number(Double(n)) }

  /// Converts a `JSONValue`; object keys are sorted, as `JSONValue.jsonText` does.
  init(_ value: JSONValue) {
    switch value {
    case .null: self = .null
    case .bool(let b): self = .bool(b)
    case .number(let n): self = .number(n)
    case .numberText(let text): self = .numberText(text)
    case .string(let s): self = .string(s)
    case .array(let a): self = .array(a.map(JSONNode.init))
    case .object(let o):
      self = .members(o.keys.sorted().map { Member(key: $0, value: JSONNode(o[$0] ?? .null)) })
    }
  }

  /// One line of JSON without spaces.
  var compactText: String {
    var out = ""
    write(to: &out, indent: nil)
    return out
  }

  /// JSON indented by two spaces per level, one member or element a line; empty containers stay `[]`, `{}`.
  var prettyText: String {
    var out = ""
    write(to: &out, indent: 0)
    return out
  }

  private func write(to out: inout String, indent: Int?) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += JSONValue.format(n)
    case .numberText(let text): out += text
    case .string(let s): JSONValue.quote(s, into: &out)
    case .array(let elements):
      if elements.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, element) in elements.enumerated() {
        if i > 0 { out += "," }
        Self.newline(&out, indent.map { $0 + 1 })
        element.write(to: &out, indent: indent.map { $0 + 1 })
      }
      Self.newline(&out, indent)
      out += "]"
    case .members(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, member) in members.enumerated() {
        if i > 0 { out += "," }
        Self.newline(&out, indent.map { $0 + 1 })
        JSONValue.quote(member.key, into: &out)
        out += indent == nil ? ":" : ": "
        member.value.write(to: &out, indent: indent.map { $0 + 1 })
      }
      Self.newline(&out, indent)
      out += "}"
    }
  }

  private static func newline(_ out: inout String, _ indent: Int?) {
    guard let indent else { return }
    out += "\n"
    out += String(repeating: "  ", count: indent)
  }
}
