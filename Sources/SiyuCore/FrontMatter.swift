import Foundation
import Yams

/// A post file split into its YAML front matter and body, and the post it describes.
///
/// Front matter is present when the first line is `---` (trailing spaces allowed; a BOM before it is
/// ignored). It runs to the next line that is `---` or `...`; the body is everything after that line.
public struct FrontMatter: Sendable {
  /// The YAML between the fences; nil when the text has no front matter.
  public var yaml: String?
  /// 1-based line of the text on which the YAML starts (2 when there is front matter).
  public var yamlLine: Int
  /// The text after the front matter (the whole text when there is none).
  public var body: String
  /// 1-based line of the text on which the body starts.
  public var bodyLine: Int

  /// A split file; see `split(_:path:)`.
  public init(yaml: String?, yamlLine: Int, body: String, bodyLine: Int) {
    self.yaml = yaml
    self.yamlLine = yamlLine
    self.body = body
    self.bodyLine = bodyLine
  }

  /// Splits `text` (line ends LF; a CR before LF is tolerated). A `---` first line without a closing
  /// fence is an `InputProblem` on line 1 for `path`.
  public static func split(_ text: String, path: String) -> Result<FrontMatter, InputProblem> {
    var text = Substring(text)
    if text.utf8.contains(0x0D) { text = Substring(text.replacingOccurrences(of: "\r\n", with: "\n")) }
    if text.first == "\u{FEFF}" { text = text.dropFirst() }
    guard let firstEnd = text.firstIndex(of: "\n"), isFence(text[..<firstEnd], closing: false) else {
      if isFence(text, closing: false) {
        return .failure(InputProblem(path: path, line: 1, message: unterminated))
      }
      return .success(FrontMatter(yaml: nil, yamlLine: 1, body: String(text), bodyLine: 1))
    }
    let yamlStart = text.index(after: firstEnd)
    var lineStart = yamlStart
    var line = 2
    while lineStart < text.endIndex {
      let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
      if isFence(text[lineStart..<lineEnd], closing: true) {
        let yaml = String(text[yamlStart..<lineStart])
        let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        return .success(
          FrontMatter(yaml: yaml, yamlLine: 2, body: String(text[bodyStart...]), bodyLine: line + 1))
      }
      line += 1
      lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
    }
    return .failure(InputProblem(path: path, line: 1, message: unterminated))
  }

  static let unterminated = "front matter 没有结束的 ---"

  private static func isFence(_ line: Substring, closing: Bool) -> Bool {
    var line = line
    while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
    return line == "---" || (closing && line == "...")
  }

  /// Reads one post from `text` (front matter and body, line ends LF). `id` names the post in output and
  /// in problems; `path` is the file it came from (nil for plain stdin). Values the front matter does not
  /// give come from `defaults`.
  public static func post(
    from text: String, id: String, path: String?, defaults: PostDefaults
  ) -> Result<Post, InputProblem> {
    let parts: FrontMatter
    switch split(text, path: id) {
    case .success(let p): parts = p
    case .failure(let problem): return .failure(problem)
    }
    var post = Post(
      id: id, path: path, text: parts.body, bodyLine: parts.bodyLine, channel: defaults.channel,
      persona: defaults.persona, publishAt: defaults.publishAt, publishDateOnly: defaults.publishDateOnly)
    guard let yaml = parts.yaml else { return .success(post) }
    let offset = parts.yamlLine - 1
    func problem(_ line: Int?, _ message: String) -> InputProblem {
      InputProblem(path: id, line: (line ?? 1) + offset, message: message)
    }

    let root: Node?
    switch FrontMatterYAML.compose(yaml) {
    case .success(let node): root = node
    case .failure(let f): return .failure(problem(f.line, f.message))
    }
    guard let root else { return .success(post) }
    guard case .mapping(let mapping) = root else {
      if case .scalar(let scalar) = root, scalar.string.isEmpty { return .success(post) }
      return .failure(problem(root.mark?.line, "front matter 应为「键: 值」的映射"))
    }
    var budget = FrontMatterYAML.nodeLimit
    for (keyNode, valueNode) in mapping {
      let keyLine = keyNode.mark?.line
      guard let key = FrontMatterYAML.keyText(keyNode) else {
        return .failure(problem(keyLine, "front matter 的键应为字符串"))
      }
      let json: JSONValue
      switch FrontMatterYAML.json(valueNode, budget: &budget) {
      case .success(let v): json = v
      case .failure(let f): return .failure(problem(f.line ?? keyLine, f.message))
      }
      guard FrontMatterFields.knownKeys.contains(key) else {
        post.meta[key] = json
        continue
      }
      if key == "siyu" {
        switch disabledRules(valueNode) {
        case .success(let ids):
          post.disabledRules = ids
          if !ids.isEmpty { post.disableLine = keyLine.map { $0 + offset } }
        case .failure(let f): return .failure(problem(f.line ?? keyLine, f.message))
        }
        continue
      }
      var raw: String?
      if case .scalar(let scalar) = valueNode { raw = scalar.string }
      let value = FrontMatterFields.Value(json: json, raw: raw)
      if let message = FrontMatterFields.apply(key, value, to: &post, timezone: defaults.timezone) {
        return .failure(problem(valueNode.mark?.line ?? keyLine, message))
      }
      if key == "persona" && !value.isNull {
        post.personaLine = SourceLine(path: id, line: (keyLine ?? 1) + offset)
      }
      if key == "channel" && !value.isNull {
        post.channelLine = SourceLine(path: id, line: (valueNode.mark?.line ?? keyLine ?? 1) + offset)
      }
    }
    return .success(post)
  }

  /// `siyu: { disable: [...] }` read from the node, so a bad entry is reported on its own line.
  private static func disabledRules(_ node: Node) -> Result<[String], FrontMatterYAML.Failure> {
    guard case .mapping(let mapping) = node else {
      if case .scalar(let scalar) = node, FrontMatterYAML.value(of: scalar) == .null { return .success([]) }
      return .failure(FrontMatterYAML.Failure(line: node.mark?.line, message: FrontMatterFields.notMapping))
    }
    var ids: [String] = []
    for (keyNode, value) in mapping {
      let key = FrontMatterYAML.keyText(keyNode) ?? ""
      guard key == "disable" else {
        return .failure(
          FrontMatterYAML.Failure(line: keyNode.mark?.line, message: FrontMatterFields.unknownSetting(key)))
      }
      let notList = FrontMatterYAML.Failure(line: value.mark?.line, message: FrontMatterFields.disableNotList)
      switch value {
      case .scalar(let scalar):
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if FrontMatterYAML.value(of: scalar) == .null { continue }
        ids.append(text)
      case .sequence(let sequence):
        for item in sequence {
          let badItem = FrontMatterYAML.Failure(
            line: item.mark?.line, message: FrontMatterFields.disableNotList)
          guard case .scalar(let scalar) = item else { return .failure(badItem) }
          let text = scalar.string.trimmingCharacters(in: .whitespaces)
          guard !text.isEmpty else { return .failure(badItem) }
          ids.append(text)
        }
      default:
        return .failure(notList)
      }
    }
    return .success(ids)
  }
}
