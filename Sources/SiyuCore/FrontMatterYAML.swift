import Foundation
import Yams

/// YAML for front matter: parsing with Yams into nodes (no implicit timestamps or other conversions), and
/// converting nodes to `JSONValue` under YAML's core schema with a limit on the expanded size.
enum FrontMatterYAML {
  /// Most nodes a front matter may expand to (aliases count each time they are used).
  static let nodeLimit = 100_000
  /// Deepest flow nesting (`[[[…`) accepted before parsing, so the recursive parser cannot run out of stack.
  static let nestingLimit = 200

  struct Failure: Error {
    /// 1-based line in the YAML text, when known.
    var line: Int?
    var message: String
  }

  /// Parses `yaml` into its root node (nil for an empty document).
  static func compose(_ yaml: String) -> Result<Node?, Failure> {
    if let line = tooDeepLine(yaml) {
      return .failure(Failure(line: line, message: "front matter 嵌套过深"))
    }
    if let line = aliasKeyLine(yaml) {
      return .failure(Failure(line: line, message: "front matter 中不支持用别名或集合作键"))
    }
    do {
      return .success(try Yams.compose(yaml: yaml))
    } catch let error as YamlError {
      return .failure(failure(from: error, yaml: yaml))
    } catch {
      return .failure(Failure(line: nil, message: "front matter 不是有效的 YAML：\(error)"))
    }
  }

  private static func failure(from error: YamlError, yaml: String) -> Failure {
    let prefix = "front matter 不是有效的 YAML："
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var text = problem
      if let context { text += "（\(context.text)，第 \(context.mark.line) 行）" }
      return Failure(line: mark.line, message: prefix + text)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.joined(separator: "、")
      if let key = duplicates.first,
        let repeated = Configuration.repeatLine(of: key, after: context.mark, in: yaml)
      {
        return Failure(
          line: repeated, message: "front matter 中有重复的键：\(keys)（前面已经写过一次）")
      }
      return Failure(line: context.mark.line, message: "front matter 中有重复的键：\(keys)")
    case .reader(let problem, let offset, _, _):
      var line: Int?
      if let offset {
        line = yaml.prefix(offset).reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
      }
      return Failure(line: line, message: prefix + problem)
    default:
      return Failure(line: nil, message: prefix + "\(error)")
    }
  }

  /// The line of the first flow bracket nested deeper than `nestingLimit`, ignoring quoted text roughly.
  private static func tooDeepLine(_ yaml: String) -> Int? {
    var depth = 0
    var line = 1
    var quote: UInt8?
    for byte in yaml.utf8 {
      if byte == 0x0A {
        line += 1
        continue
      }
      if let q = quote {
        if byte == q { quote = nil }
        continue
      }
      switch byte {
      case 0x22, 0x27: quote = byte
      case 0x5B, 0x7B:
        depth += 1
        if depth > nestingLimit { return line }
      case 0x5D, 0x7D: depth = max(0, depth - 1)
      default: break
      }
    }
    return nil
  }

  /// When `yaml` uses aliases, the line of a key that is an alias, a flow collection or an explicit `?` key.
  /// Yams hashes keys to find duplicates, and an alias key can expand exponentially (an alias bomb that
  /// the node budget cannot stop), so such keys are refused before parsing. The scan is textual and
  /// skips quoted text and comments; it may refuse odd but harmless YAML, which front matter never needs.
  static func aliasKeyLine(_ yaml: String) -> Int? {
    let bytes = Array(yaml.utf8)
    func isAnchorByte(_ b: UInt8) -> Bool {
      b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || b == 0x2D || b == 0x5F
    }
    func isTokenStart(_ i: Int) -> Bool {
      i == 0 || [0x20, 0x09, 0x0A, 0x5B, 0x7B, 0x2C, 0x3A, 0x2D, 0x3F].contains(bytes[i - 1])
    }
    /// Whether optional spaces and then `:` followed by a space or line end come after `i`.
    func colonFollows(_ i: Int) -> Bool {
      var k = i
      while k < bytes.count && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 }
      guard k < bytes.count, bytes[k] == 0x3A else { return false }
      return k + 1 == bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[k + 1])
    }
    var usesAliases = false
    var suspect: Int?
    var line = 1
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case 0x0A:
        line += 1
      case 0x22, 0x27:
        // A quoted scalar: skip to its closing quote (`\"` in double quotes, `''` in single).
        guard isTokenStart(i) else { break }
        var k = i + 1
        while k < bytes.count && bytes[k] != b {
          if bytes[k] == 0x5C && b == 0x22 { k += 1 }
          if k < bytes.count && bytes[k] == 0x0A { line += 1 }
          k += 1
        }
        i = k
      case 0x23 where isTokenStart(i):
        while i + 1 < bytes.count && bytes[i + 1] != 0x0A { i += 1 }
      case 0x2A where isTokenStart(i) && i + 1 < bytes.count && isAnchorByte(bytes[i + 1]):
        usesAliases = true
        var k = i + 1
        while k < bytes.count && isAnchorByte(bytes[k]) { k += 1 }
        if colonFollows(k) && suspect == nil { suspect = line }
        i = k - 1
      case 0x3F where isTokenStart(i) && (i + 1 == bytes.count || [0x20, 0x0A].contains(bytes[i + 1])):
        if suspect == nil { suspect = line }
      case 0x5D, 0x7D:
        if colonFollows(i + 1) && suspect == nil { suspect = line }
      default:
        break
      }
      i += 1
    }
    return usesAliases ? suspect : nil
  }

  /// Converts `node` to JSON, counting nodes in `budget` (fails when it runs out: an alias bomb).
  static func json(_ node: Node, budget: inout Int) -> Result<JSONValue, Failure> {
    budget -= 1
    if budget < 0 { return .failure(tooLarge(node)) }
    switch node {
    case .scalar(let scalar):
      return .success(value(of: scalar))
    case .alias:
      return .success(.null)
    case .sequence(let sequence):
      var items: [JSONValue] = []
      for item in sequence {
        switch json(item, budget: &budget) {
        case .success(let v): items.append(v)
        case .failure(let f): return .failure(f)
        }
      }
      return .success(.array(items))
    case .mapping(let mapping):
      var object: [String: JSONValue] = [:]
      for (key, value) in mapping {
        guard let name = keyText(key) else {
          return .failure(Failure(line: key.mark?.line, message: "front matter 的键应为字符串"))
        }
        switch json(value, budget: &budget) {
        case .success(let v): object[name] = v
        case .failure(let f): return .failure(f)
        }
      }
      return .success(.object(object))
    }
  }

  static func tooLarge(_ node: Node) -> Failure {
    Failure(line: node.mark?.line, message: "front matter 展开后过大（别名引用过多），超过 \(nodeLimit) 个节点")
  }

  /// The text of a scalar key; nil for sequences and mappings used as keys.
  static func keyText(_ node: Node) -> String? {
    if case .scalar(let scalar) = node { return scalar.string }
    return nil
  }

  /// A scalar under the YAML 1.2 core schema: plain `null`/`~`/empty, `true`/`false`, integers (also
  /// `0x`, `0o`) and floats become JSON values; everything else, and every quoted scalar, is a string.
  /// An explicit tag (`!!str 123`) is followed.
  static func value(of scalar: Node.Scalar) -> JSONValue {
    let text = scalar.string
    let tag = scalar.tag.rawValue
    let core = "tag:yaml.org,2002:"
    if tag.hasPrefix(core) {
      switch tag.dropFirst(core.count) {
      case "str": return .string(text)
      case "null": return .null
      case "bool": return bool(text).map(JSONValue.bool) ?? .string(text)
      case "int", "float":
        return number(text).map { JSONValue.number(literal: text, value: $0) } ?? .string(text)
      default: return .string(text)
      }
    }
    guard tag.isEmpty, scalar.style == .plain || scalar.style == .any else { return .string(text) }
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    default: break
    }
    if let b = bool(text) { return .bool(b) }
    if let n = number(text) { return JSONValue.number(literal: text, value: n) }
    return .string(text)
  }

  private static func bool(_ text: String) -> Bool? {
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  /// Core-schema integers and finite floats (`.inf` and `.nan` stay strings: JSON has no such numbers).
  private static func number(_ text: String) -> Double? {
    let s = Array(text.utf8)
    guard !s.isEmpty else { return nil }
    if s.count > 2 && s[0] == 0x30 && (s[1] == 0x78 || s[1] == 0x6F) {
      guard let v = Int64(String(decoding: s[2...], as: UTF8.self), radix: s[1] == 0x78 ? 16 : 8) else {
        return nil
      }
      return Double(v)
    }
    // [-+]? ( \.[0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    var i = 0
    if s[i] == 0x2B || s[i] == 0x2D { i += 1 }
    func isDigit(_ k: Int) -> Bool { k < s.count && s[k] >= 0x30 && s[k] <= 0x39 }
    var intDigits = 0
    while isDigit(i) {
      i += 1
      intDigits += 1
    }
    var fracDigits = 0
    if i < s.count && s[i] == 0x2E {
      i += 1
      while isDigit(i) {
        i += 1
        fracDigits += 1
      }
    }
    guard intDigits > 0 || fracDigits > 0 else { return nil }
    if i < s.count && (s[i] == 0x65 || s[i] == 0x45) {
      i += 1
      if i < s.count && (s[i] == 0x2B || s[i] == 0x2D) { i += 1 }
      guard isDigit(i) else { return nil }
      while isDigit(i) { i += 1 }
    }
    guard i == s.count, let v = Double(text), v.isFinite else { return nil }
    return v
  }
}
