import Foundation
import SiyuText
import Yams

extension Configuration {
  /// Reads and validates the `.siyu.yml` at `path`.
  ///
  /// `knownRuleIDs` are the registered rules' ids and families; `rules:`, `scores:` and `overrides:` may
  /// name those, SPEC.md's families, and the file's own custom rules. Every problem (YAML syntax,
  /// unknown key or rule, wrong type, bad value) is thrown as an `InputProblem` naming `path` and the
  /// line; the first one found is reported.
  public static func load(path: String, knownRuleIDs: Set<String>) throws(InputProblem) -> Configuration {
    let absolutePath = absolute(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory) else {
      throw InputProblem(path: path, message: "找不到配置文件")
    }
    guard !isDirectory.boolValue else {
      throw InputProblem(path: path, message: "无法读取配置文件：\(SystemErrorText.describe(EISDIR))")
    }
    guard let data = FileManager.default.contents(atPath: absolutePath) else {
      throw InputProblem(path: path, message: "无法读取配置文件：\(SystemErrorText.describe(EACCES))")
    }
    var bytes = [UInt8](data)
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    bytes.removeFirst(bom)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let (invalid, _) = bytes.withUnsafeBufferPointer { UTF8Decoder.firstInvalidOffset($0, isFinal: true) }
      let offset = (invalid ?? 0) + bom
      let line = bytes[..<(offset - bom)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      throw InputProblem(path: path, line: line, message: "字节偏移 \(offset) 处不是有效的 UTF-8，配置文件应为 UTF-8 文本")
    }
    let base = String(absolutePath[..<(absolutePath.lastIndex(of: "/") ?? absolutePath.startIndex)])
    return try parse(text, path: path, baseDirectory: base.isEmpty ? "/" : base, knownRuleIDs: knownRuleIDs)
  }

  /// Validates configuration `text` as if read from `path`, with relative paths resolved against
  /// `baseDirectory`. See `load(path:knownRuleIDs:)`.
  public static func parse(
    _ text: String, path: String, baseDirectory: String, knownRuleIDs: Set<String>
  ) throws(InputProblem) -> Configuration {
    if let line = ConfigurationAliasGuard.firstAliasInKey(text) {
      throw InputProblem(path: path, line: line, message: "不支持在键中使用别名（*name）")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw yamlProblem(error, path: path, text: text)
    }
    var parser = ConfigurationParser(path: path, baseDirectory: baseDirectory, knownRuleIDs: knownRuleIDs)
    return try parser.parse(root)
  }

  /// The nearest `.siyu.yml` in `directory` or one of its ancestors, up to the filesystem root; nil when
  /// there is none. `directory` may be relative to the working directory.
  public static func discover(from directory: String) -> String? {
    var current = absolute(directory)
    while true {
      let candidate = current == "/" ? "/" + fileName : current + "/" + fileName
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue
      {
        return candidate
      }
      guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
      current = slash == current.startIndex ? "/" : String(current[..<slash])
    }
  }

  /// The configuration the CLI uses: `configPath` (`--config`) when given, else the nearest `.siyu.yml`
  /// upwards from `workingDirectory`, else the built-in defaults based at `workingDirectory`.
  public static func resolve(
    configPath: String?, workingDirectory: String, knownRuleIDs: Set<String>
  ) throws(InputProblem) -> Configuration {
    if let configPath { return try load(path: configPath, knownRuleIDs: knownRuleIDs) }
    if let found = discover(from: workingDirectory) {
      // Messages name the file as the user would: relative to the working folder when it is inside it.
      let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
      let shown = found.hasPrefix(prefix) ? String(found.dropFirst(prefix.count)) : found
      return try load(path: shown, knownRuleIDs: knownRuleIDs)
    }
    return Configuration(baseDirectory: workingDirectory)
  }

  /// The line where `key`, first written at `first` (Yams' mark: 1-based line and column), is written
  /// again at the same indentation in `text`, for pointing at the repeat rather than the original.
  static func repeatLine(of key: String, after first: Mark, in text: String) -> Int? {
    let indent = String(repeating: " ", count: max(0, first.column - 1))
    let starts = [indent + key + ":", indent + "\"" + key + "\":", indent + "'" + key + "':"]
    var line = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      line += 1
      guard line > first.line else { continue }
      let content = raw.hasSuffix("\r") ? raw.dropLast() : raw
      if starts.contains(where: { content.hasPrefix($0) }) { return line }
    }
    return nil
  }

  /// A Yams error as an `InputProblem` with the line it names.
  static func yamlProblem(_ error: any Error, path: String, text: String) -> InputProblem {
    guard let error = error as? YamlError else {
      return InputProblem(path: path, message: "无法解析 YAML：\(error)")
    }
    func syntax(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> InputProblem {
      let detail = context.map { "\($0.text) " } ?? ""
      return InputProblem(path: path, line: mark.line, message: "YAML 语法错误：\(detail)\(problem)")
    }
    switch error {
    case .scanner(let context, let problem, let mark, _): return syntax(context, problem, mark)
    case .parser(let context, let problem, let mark, _): return syntax(context, problem, mark)
    case .composer(let context, let problem, let mark, _): return syntax(context, problem, mark)
    case .reader(let problem, let offset, _, _):
      let line = offset.map { offset in 1 + text.prefix(offset).reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
      return InputProblem(path: path, line: line, message: "YAML 无法读取：\(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "「\($0)」" }.joined(separator: "、")
      let first = context.mark.line
      guard let key = duplicates.first, let repeated = repeatLine(of: key, after: context.mark, in: text)
      else {
        return InputProblem(path: path, line: first, message: "重复的键\(keys)")
      }
      return InputProblem(path: path, line: repeated, message: "重复的键\(keys)（第一次出现在第 \(first) 行）")
    default:
      return InputProblem(path: path, message: "无法解析 YAML：\(error)")
    }
  }
}
