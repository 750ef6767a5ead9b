import Foundation
import Yams

extension Persona {
  /// The keys a persona file may have.
  static let fileKeys = ["name", "self", "address", "avoid", "emoji_per_post", "profile"]

  /// Reads the persona file at `path` (absolute) for persona `key`, and the profile it names (relative to
  /// the configuration's folder, like every path in `.siyu.yml`) unless `loadingProfile` is false.
  /// Unknown keys, wrong types, a missing `name` and unreadable files are `InputProblem`s with the file and
  /// line.
  public static func load(
    key: String, path: String, configuration: Configuration, workingDirectory: String,
    loadingProfile: Bool = true
  ) throws(InputProblem) -> Persona {
    let shown = PersonaSet.shown(path, workingDirectory: workingDirectory)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputProblem(
        path: configuration.path ?? Configuration.fileName, line: configuration.lines["personas.\(key)"],
        message: "personas.\(key)：找不到人设文件 \(shown)")
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
      throw InputProblem(path: shown, message: "无法读取人设文件")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw InputProblem(path: shown, message: "人设文件不是有效的 UTF-8 文本")
    }
    return try parse(text, key: key, shownPath: shown, configuration: configuration) {
      profilePath throws(InputProblem) in
      guard loadingProfile else { return nil }
      let full = configuration.resolvedPath(profilePath)
      return try StyleProfile.load(
        path: full, shownPath: PersonaSet.shown(full, workingDirectory: workingDirectory))
    }
  }

  /// Parses persona file `text` (named `shownPath` in messages); `loadProfile` reads the `profile:` path.
  static func parse(
    _ text: String, key: String, shownPath: String, configuration: Configuration,
    loadProfile: (String) throws(InputProblem) -> StyleProfile?
  ) throws(InputProblem) -> Persona {
    if let line = ConfigurationAliasGuard.firstAliasInKey(text) {
      throw InputProblem(path: shownPath, line: line, message: "不支持在键中使用别名（*name）")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw Configuration.yamlProblem(error, path: shownPath, text: text)
    }
    var reader = ConfigurationReader(path: shownPath)
    guard let root, !reader.isNull(root) else {
      throw InputProblem(path: shownPath, line: 1, message: "人设文件是空的，至少要有「name」")
    }
    guard case .mapping = root else {
      throw reader.problem(root, "人设文件应为映射（键: 值），例如「name: 小李」")
    }
    var name: String?
    var selfTerms: [String] = []
    var address: [String] = []
    var avoid: [String] = []
    var avoidNode: Node?
    var emoji: Int?
    var profile: StyleProfile?
    for entry in try reader.entries(root, "", allowed: fileKeys) {
      switch entry.key {
      case "name": name = try reader.string(entry.value, "name")
      case "self": selfTerms = try reader.strings(entry.value, "self")
      case "address": address = try reader.strings(entry.value, "address")
      case "avoid":
        avoid = try reader.strings(entry.value, "avoid")
        avoidNode = entry.value
      case "emoji_per_post": emoji = try reader.count(entry.value, "emoji_per_post")
      default:
        let profilePath = try reader.string(entry.value, "profile")
        do {
          profile = try loadProfile(profilePath)
        } catch  where error.line == nil && error.message.hasPrefix(StyleProfile.unreadableMessage) {
          // A missing file is this line's problem: name it here (`personas/xiaoli.yml:3:`).
          throw reader.problem(entry.value, "profile: \(error.message)（\(error.path)）")
        }
      }
    }
    guard let name else { throw reader.problem(root, "人设文件缺少「name」（显示名，如 name: 小李）") }
    // A word the persona both uses and never uses would be flagged and recommended in one breath.
    if let avoidNode, let clash = avoid.first(where: { selfTerms.contains($0) || address.contains($0) }) {
      let field = selfTerms.contains(clash) ? "self" : "address"
      throw reader.problem(avoidNode, "「\(clash)」同时写在 \(field) 和 avoid 里，人设不能既用又不用这个词")
    }
    return Persona(
      key: key, name: name, selfTerms: selfTerms, addressTerms: address, avoid: avoid, emojiPerPost: emoji,
      profile: profile)
  }
}
