import Foundation
import SiyuRules
import Testing

@testable import SiyuCore

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("siyu-config-\(UUID())").path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return Configuration.absolute(path)
}

@Suite struct ConfigurationFileTests {
  @Test func discoveryWalksUp() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let nested = root + "/a/b/c"
    try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
    #expect(
      Configuration.discover(from: nested) == nil || !Configuration.discover(from: nested)!.hasPrefix(root))
    try "default_channel: group\n".write(toFile: root + "/a/.siyu.yml", atomically: true, encoding: .utf8)
    #expect(Configuration.discover(from: nested) == root + "/a/.siyu.yml")
    #expect(Configuration.discover(from: root + "/a") == root + "/a/.siyu.yml")
    // A directory named .siyu.yml is not a config file.
    try FileManager.default.createDirectory(atPath: nested + "/.siyu.yml", withIntermediateDirectories: true)
    #expect(Configuration.discover(from: nested) == root + "/a/.siyu.yml")
    try "".write(toFile: root + "/a/b/.siyu.yml", atomically: true, encoding: .utf8)
    #expect(Configuration.discover(from: nested + "/") == root + "/a/b/.siyu.yml")

    let found = try Configuration.resolve(
      configPath: nil, workingDirectory: root + "/a/b/c", knownRuleIDs: [])
    #expect(found.path == root + "/a/b/.siyu.yml")
    #expect(found.baseDirectory == root + "/a/b")
    let explicit = try Configuration.resolve(
      configPath: root + "/a/.siyu.yml", workingDirectory: nested, knownRuleIDs: [])
    #expect(explicit.defaultChannel == "group" && explicit.baseDirectory == root + "/a")
  }

  @Test func resolveFallsBackToDefaults() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    // Only meaningful when no ancestor of the temporary directory has a .siyu.yml.
    if Configuration.discover(from: root) == nil {
      let config = try Configuration.resolve(configPath: nil, workingDirectory: root, knownRuleIDs: [])
      #expect(config == Configuration(baseDirectory: root))
    }
  }

  @Test func initTemplateLoadsCleanly() throws {
    let config = try Configuration.parse(
      Configuration.initTemplate, path: "/base/.siyu.yml", baseDirectory: "/base",
      knownRuleIDs: BuiltinRules.knownIDs)
    var expected = Configuration(baseDirectory: "/base")
    expected.path = "/base/.siyu.yml"
    expected.personas = ["example": "personas/example.yml"]
    #expect(config == expected)
    for line in Configuration.initTemplate.split(separator: "\n") {
      #expect(line.count <= 110, "\(line)")
    }
  }

  @Test func initTemplateCommentedExamplesLoadCleanly() throws {
    // Uncommenting every example block (a `# key:` line and the `#   …` lines under it) in place of the
    // active `key: default` line gives a valid configuration too.
    let exampleKeys = ["history", "rules", "lexicons", "accept", "scores", "overrides", "custom_rules"]
    var lines: [String] = []
    var blockPrefix: String?
    for line in Configuration.initTemplate.split(separator: "\n", omittingEmptySubsequences: false) {
      let prefix = String(line.prefix { $0 == " " })
      let rest = line.dropFirst(prefix.count)
      if let key = exampleKeys.first(where: { rest.hasPrefix("# \($0):") }) {
        if let index = lines.lastIndex(where: { $0.hasPrefix(prefix + key + ": ") }) {
          lines.remove(at: index)
        }
        lines.append(prefix + rest.dropFirst(2))
        blockPrefix = prefix
      } else if let blockPrefix, line.hasPrefix(blockPrefix + "#  ") {
        lines.append(blockPrefix + line.dropFirst(blockPrefix.count + 2))
      } else {
        blockPrefix = nil
        lines.append(String(line))
      }
    }
    let yaml = lines.joined(separator: "\n")
    let known = BuiltinRules.knownIDs.union(["hard-sell/emoji-flood", "hard-sell/price", "hard-sell/urgency"])
    let config = try Configuration.parse(
      yaml, path: "/base/.siyu.yml", baseDirectory: "/base", knownRuleIDs: known)
    #expect(config.history == ["posts/**/*.md"])
    #expect(config.rules == ["ad-law": .error, "hard-sell/emoji-flood": .off])
    #expect(config.lexicons == ["lexicons/my-brand.txt"])
    #expect(config.vocabulary.accept == ["某某旗舰店"])
    #expect(config.scores == ["hard-sell/price": 0.5])
    #expect(config.overrides.count == 1)
    #expect(config.customRules.map(\.kind) == [.existence, .substitution, .occurrence])
  }

  @Test func examplePersonaHasSpecFields() throws {
    let text = Configuration.examplePersonaTemplate
    for key in ["name:", "self:", "address:", "avoid:", "emoji_per_post:"] {
      #expect(text.contains("\n" + key), "\(key)")
    }
  }

  @Test func initWritesFilesAndRefusesToOverwrite() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let target = root + "/project"
    let written = try Configuration.writeInitFiles(to: target, force: false)
    #expect(written == [target + "/.siyu.yml", target + "/personas/example.yml"])
    let config = try Configuration.load(path: target + "/.siyu.yml", knownRuleIDs: BuiltinRules.knownIDs)
    #expect(config.resolvedPath(config.personas["example"] ?? "") == target + "/personas/example.yml")
    #expect(FileManager.default.fileExists(atPath: target + "/personas/example.yml"))

    try "timezone: UTC\n".write(toFile: target + "/.siyu.yml", atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(atPath: target + "/personas/example.yml")
    #expect(throws: InputProblem.self) { try Configuration.writeInitFiles(to: target, force: false) }
    // Nothing was written: the existing file is kept and the missing one not created.
    #expect(try String(contentsOfFile: target + "/.siyu.yml", encoding: .utf8) == "timezone: UTC\n")
    #expect(!FileManager.default.fileExists(atPath: target + "/personas/example.yml"))

    _ = try Configuration.writeInitFiles(to: target, force: true)
    #expect(try String(contentsOfFile: target + "/.siyu.yml", encoding: .utf8) == Configuration.initTemplate)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: target).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(leftovers.isEmpty)
  }
}

@Suite struct ConfigurationAliasTests {
  /// Billion laughs: `levels` anchors under `section`, each a list of nine aliases to the previous one.
  static func bomb(levels: Int, indent: String = "") -> [String] {
    var lines = ["\(indent)a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in 1...levels {
      let aliases = Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ")
      lines.append("\(indent)a\(i): &a\(i) [\(aliases)]")
    }
    return lines
  }

  @Test(.timeLimit(.minutes(1)))
  func classicBombIsRejectedQuickly() throws {
    let start = Date()
    let text = (["personas:"] + Self.bomb(levels: 9, indent: "  ") + ["history: *a9"]).joined(separator: "\n")
    #expect(throws: InputProblem(path: "/base/.siyu.yml", line: 2, message: "「personas.a0」应为字符串")) {
      try parseConfig(text)
    }
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test(.timeLimit(.minutes(1)))
  func wideExpansionTripsTheNodeCounter() throws {
    // 300 uses of one override with 2 × 500 strings: 300 000 nodes from 4 KB of YAML.
    let words = Array(repeating: "y", count: 500).joined(separator: ", ")
    let uses = Array(repeating: "  - *o", count: 300).joined(separator: "\n")
    let text = "overrides:\n  - &o { paths: &w [\(words)], channels: *w }\n\(uses)\n"
    let start = Date()
    do {
      _ = try parseConfig(text)
      Issue.record("alias expansion was accepted")
    } catch {
      #expect(error.message.contains("超过 100000 个节点"), "\(error)")
      #expect(error.line != nil)
    }
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test(.timeLimit(.minutes(1)))
  func aliasKeysAreRejectedBeforeComposing() throws {
    // Yams hashes mapping keys while composing, so an alias key to `a9` (9^9 nodes) would never finish.
    let lines = Self.bomb(levels: 9)
    let keys = [
      ("? *a9\n: 1", 11), ("*a9 : 1", 11), ("[*a9, x]: 1", 11), ("{ *a9 }: 1", 11), ("x: { *a9 }", 11),
      ("x: [*a9: 1]", 11), ("x: {a: 1, *a9 }", 11), ("x: {a: 1,\n  *a9\n  }", 12),
    ]
    for (key, line) in keys {
      let text = (lines + [key]).joined(separator: "\n")
      #expect(ConfigurationAliasGuard.firstAliasInKey(text) == line, "\(key)")
      #expect(throws: InputProblem(path: "/base/.siyu.yml", line: line, message: "不支持在键中使用别名（*name）")) {
        try parseConfig(text)
      }
    }
  }

  @Test func aliasGuardAllowsOrdinaryAliases() {
    let fine = [
      "a: &a [x]\nb: *a\n",
      "a: &a [x]\nb: [*a, *a]  # note: comment\n",
      "a: &a x\nb: {c: *a, d: *a}\n",
      "a: &a x\nb: [{c: *a}, {d: *a}]\n",
      "a: &a x\nb:\n  - *a\n  - \"*a: 1\"\n",
      "a: &a x\nmsg: 用 *重点: 不要\n",
      "a: &a x\nb: |\n  *a : literal text\nc: *a\n",
      "a: &a x\n- b: >-\n    *a : folded\n  c: *a\n",
      "a: &a x\nb: 'it''s *a: fine'\n",
      "a: &a x\nb: \"multi\n  line *a: fine\"\nc: *a\n",
    ]
    for text in fine {
      #expect(ConfigurationAliasGuard.firstAliasInKey(text) == nil, "\(text)")
    }
  }
}
