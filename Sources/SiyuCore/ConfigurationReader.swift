import Foundation
import Yams

/// Walks a composed `.siyu.yml` tree for `Configuration.load`: type checks with the line of the offending
/// node, and a count of visited nodes so that alias expansion cannot blow up.
struct ConfigurationReader {
  /// Most nodes a configuration may expand to (aliases count each time they are used).
  static let nodeLimit = 100_000

  /// One `key: value` pair of a mapping.
  struct Entry {
    var key: String
    var keyNode: Node
    var value: Node
  }

  let path: String
  private(set) var visited = 0

  init(path: String) {
    self.path = path
  }

  /// An error at `node`'s line.
  func problem(_ node: Node, _ message: String) -> InputProblem {
    InputProblem(path: path, line: node.mark?.line, message: message)
  }

  /// Counts `node`; throws once the document has expanded past `nodeLimit` nodes.
  mutating func visit(_ node: Node) throws(InputProblem) {
    visited += 1
    if visited > Self.nodeLimit {
      throw problem(node, "配置展开后超过 \(Self.nodeLimit) 个节点（别名嵌套过多），拒绝读取")
    }
  }

  /// `node`'s resolved tag.
  func tagName(_ node: Node) -> Tag.Name {
    Tag.Name(rawValue: node.tag.rawValue)
  }

  /// Whether `node` is YAML null (`~`, `null`, or nothing).
  func isNull(_ node: Node) -> Bool {
    if case .scalar = node { return tagName(node) == .null }
    return false
  }

  /// The entries of mapping `node` in document order, `<<` merge keys expanded (explicit keys win), each
  /// key checked against `allowed` when given. `name` names the mapping in messages.
  mutating func entries(_ node: Node, _ name: String, allowed: [String]? = nil) throws(InputProblem)
    -> [Entry]
  {
    try visit(node)
    if isNull(node) { return [] }
    guard case .mapping(let mapping) = node else {
      throw problem(node, "「\(name)」应为映射（键: 值）")
    }
    var explicit: [Entry] = []
    var merged: [Entry] = []
    for (keyNode, value) in mapping {
      try visit(keyNode)
      guard case .scalar(let scalar) = keyNode else {
        throw problem(keyNode, "「\(name)」中的键应为字符串")
      }
      if tagName(keyNode) == .merge {
        for source in try mergeSources(value, name) {
          merged += try entries(source, name, allowed: allowed)
        }
        continue
      }
      if let allowed, !allowed.contains(scalar.string) {
        let place = name.isEmpty ? "" : "「\(name)」中"
        throw problem(
          keyNode,
          "\(place)未知的配置项「\(scalar.string)」（可用：\(allowed.joined(separator: "、"))）")
      }
      explicit.append(Entry(key: scalar.string, keyNode: keyNode, value: value))
    }
    var seen = Set(explicit.map(\.key))
    for entry in merged where !seen.contains(entry.key) {
      seen.insert(entry.key)
      explicit.append(entry)
    }
    return explicit
  }

  /// The mappings a `<<` key merges: one mapping, or a sequence of them.
  private mutating func mergeSources(_ value: Node, _ name: String) throws(InputProblem) -> [Node] {
    try visit(value)
    switch value {
    case .mapping: return [value]
    case .sequence(let sequence):
      var sources: [Node] = []
      for item in sequence {
        guard case .mapping = item else { throw problem(item, "「\(name)」中「<<」应合并映射或映射列表") }
        sources.append(item)
      }
      return sources
    default:
      throw problem(value, "「\(name)」中「<<」应合并映射或映射列表")
    }
  }

  /// The items of sequence `node` (null = empty).
  mutating func items(_ node: Node, _ name: String) throws(InputProblem) -> [Node] {
    try visit(node)
    if isNull(node) { return [] }
    guard case .sequence(let sequence) = node else {
      throw problem(node, "「\(name)」应为列表")
    }
    return Array(sequence)
  }

  /// A scalar's text; null and collections are errors. Empty strings are errors unless `allowEmpty`.
  mutating func string(_ node: Node, _ name: String, allowEmpty: Bool = false) throws(InputProblem)
    -> String
  {
    try visit(node)
    guard case .scalar(let scalar) = node, !isNull(node) else {
      throw problem(node, "「\(name)」应为字符串")
    }
    if !allowEmpty && scalar.string.trimmingCharacters(in: .whitespaces).isEmpty {
      throw problem(node, "「\(name)」不能为空")
    }
    return scalar.string
  }

  /// A list of non-empty strings (null = empty).
  mutating func strings(_ node: Node, _ name: String) throws(InputProblem) -> [String] {
    var result: [String] = []
    for item in try items(node, name) {
      result.append(try string(item, name))
    }
    return result
  }

  /// A finite number written as a YAML int or float (quoted strings are not numbers).
  mutating func number(_ node: Node, _ name: String) throws(InputProblem) -> Double {
    try visit(node)
    let tag = tagName(node)
    guard tag == .int || tag == .float, let value = node.float, value.isFinite else {
      throw problem(node, "「\(name)」应为数字")
    }
    return value
  }

  /// A number from 0 to 1.
  mutating func fraction(_ node: Node, _ name: String) throws(InputProblem) -> Double {
    let value: Double
    do {
      value = try number(node, name)
    } catch {
      throw problem(node, "「\(name)」应为 0 到 1 之间的数字")
    }
    guard (0...1).contains(value) else { throw problem(node, "「\(name)」应为 0 到 1 之间的数字") }
    return value
  }

  /// A non-negative integer.
  mutating func count(_ node: Node, _ name: String) throws(InputProblem) -> Int {
    try visit(node)
    guard tagName(node) == .int, let value = node.int, value >= 0 else {
      throw problem(node, "「\(name)」应为非负整数")
    }
    return value
  }

  /// A duration such as `2h`, in seconds.
  mutating func duration(_ node: Node, _ name: String, allowZero: Bool = true) throws(InputProblem) -> Int {
    try visit(node)
    guard case .scalar(let scalar) = node, let seconds = ConfigurationDuration.parse(scalar.string),
      allowZero || seconds > 0
    else {
      // A well-formed duration too long to hold (999999999999d) is not "not a duration".
      if case .scalar(let scalar) = node, ConfigurationDuration.isTooLong(scalar.string) {
        throw problem(node, "「\(name)」的时长太长：每个数字最多 9 位（如 3650d）")
      }
      throw problem(node, "「\(name)」应为\(allowZero ? "" : "大于 0 的")时长，如 90m、2h、1d、1h30m")
    }
    return seconds
  }

  /// A rule level: `error`, `warning`, `info` or `off`.
  mutating func level(_ node: Node, _ name: String) throws(InputProblem) -> RuleLevel {
    try visit(node)
    guard case .scalar(let scalar) = node, !isNull(node), let level = RuleLevel(rawValue: scalar.string)
    else {
      let given = node.scalar.map { "，而不是「\($0.string)」" } ?? ""
      throw problem(node, "「\(name)」的级别应为 error、warning、info 或 off\(given)")
    }
    return level
  }

  /// Whether `node` switches a limit off: null, `off`, `false` or `no`.
  func isOff(_ node: Node) -> Bool {
    if isNull(node) { return true }
    guard case .scalar(let scalar) = node, tagName(node) == .bool else { return false }
    return ["off", "false", "no"].contains(scalar.string.lowercased())
  }
}
