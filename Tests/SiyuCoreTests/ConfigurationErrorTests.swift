import Foundation
import Testing

@testable import SiyuCore

@Suite struct ConfigurationErrorTests {
  struct Case: CustomStringConvertible, Sendable {
    var yaml: String
    var line: Int?
    /// A substring the message must contain.
    var message: String
    var description: String { "\(message) @ \(line.map(String.init) ?? "-")" }
  }

  static let cases: [Case] = [
    // Unknown keys, at every level.
    Case(yaml: "timezone: UTC\nfoo: 1\n", line: 2, message: "未知的配置项「foo」"),
    Case(
      yaml: "classifier:\n  model: default\n  treshold: 0.4\n", line: 3,
      message: "「classifier」中未知的配置项「treshold」"),
    Case(yaml: "caps:\n  moments:\n    per_week: 3\n", line: 3, message: "「caps.moments」中未知的配置项「per_week」"),
    Case(yaml: "caps:\n  duplicate: { window: 3d, ratio: 1 }\n", line: 2, message: "未知的配置项「ratio」"),
    Case(yaml: "vocabulary:\n  reject: [a]\n", line: 2, message: "未知的配置项「reject」"),
    Case(yaml: "overrides:\n  - paths: [a]\n    rule: { ad-law: off }\n", line: 3, message: "未知的配置项「rule」"),
    Case(
      yaml: "custom_rules:\n  - id: a/b\n    kind: existence\n    tokens: [x]\n    message: m\n    swap: y\n",
      line: 6, message: "未知的配置项「swap」"),
    // Unknown rule ids.
    Case(
      yaml: "rules:\n  ad-law: error\n  hard-sell/nope: off\n", line: 3,
      message: "「rules」中未知的规则「hard-sell/nope」"),
    Case(yaml: "rules:\n  brand: off\n", line: 2, message: "未知的规则「brand」"),
    Case(yaml: "scores:\n  hard-sell/prize: 1\n", line: 2, message: "「scores」中未知的规则「hard-sell/prize」"),
    Case(
      yaml: "overrides:\n  - channels: [group]\n    rules:\n      spam: info\n", line: 4,
      message: "「overrides[1].rules」中未知的规则「spam」"),
    // Wrong types.
    Case(yaml: "- a\n- b\n", line: 1, message: "配置文件应为映射"),
    Case(yaml: "history: posts/**/*.md\n", line: 1, message: "「history」应为列表"),
    Case(yaml: "history:\n  - [a]\n", line: 2, message: "「history」应为字符串"),
    Case(yaml: "rules: [ad-law]\n", line: 1, message: "「rules」应为映射"),
    Case(yaml: "timezone: [a]\n", line: 1, message: "「timezone」应为字符串"),
    Case(yaml: "scores: { hard-sell/price: high }\n", line: 1, message: "「scores.hard-sell/price」应为数字"),
    Case(yaml: "scores:\n  hard-sell/price: \"1\"\n", line: 2, message: "应为数字"),
    Case(yaml: "caps:\n  moments:\n    per_day: three\n", line: 3, message: "「caps.moments.per_day」应为非负整数"),
    Case(yaml: "caps:\n  group: { per_day: 2.5 }\n", line: 2, message: "应为非负整数"),
    Case(yaml: "personas:\n  xiaoli: { file: a }\n", line: 2, message: "「personas.xiaoli」应为字符串"),
    // Bad values.
    Case(yaml: "rules:\n  ad-law: loud\n", line: 2, message: "级别应为 error、warning、info 或 off"),
    Case(yaml: "rules:\n  ad-law:\n", line: 2, message: "级别应为 error、warning、info 或 off"),
    Case(yaml: "classifier:\n  threshold: 1.5\n", line: 2, message: "「classifier.threshold」应为 0 到 1 之间的数字"),
    Case(yaml: "classifier:\n  threshold: high\n", line: 2, message: "应为 0 到 1 之间的数字"),
    Case(yaml: "classifier: { required_score: .nan }\n", line: 1, message: "「classifier.required_score」应为数字"),
    Case(yaml: "caps:\n  moments:\n    per_day: -1\n", line: 3, message: "应为非负整数"),
    Case(yaml: "caps:\n  moments:\n    min_gap: 2 hours\n", line: 3, message: "「caps.moments.min_gap」应为时长"),
    Case(yaml: "caps:\n  hard_sell_share: { max: 0.3, window: 0 }\n", line: 2, message: "应为大于 0 的时长"),
    Case(yaml: "caps:\n  hard_sell_share:\n    max: 30%\n", line: 3, message: "0 到 1 之间"),
    Case(yaml: "caps:\n  duplicate:\n    similarity: 2\n", line: 3, message: "0 到 1 之间"),
    Case(yaml: "caps:\n  duplicate:\n    similarity: 0\n", line: 3, message: "应为大于 0、不超过 1 的数字"),
    Case(
      yaml: "custom_rules:\n  - id: team/price\n    kind: substitution\n"
        + "    regex: \"(\\\\d+)块\"\n    replacement: \"$1元\"\n    message: m\n",
      line: 5, message: "不支持 $1、\\1 这类分组引用"),
    Case(yaml: "caps:\n  duplicate:\n    window: 999999999999d\n", line: 3, message: "的时长太长：每个数字最多 9 位"),
    Case(yaml: "caps:\n  moments:\n    quiet_hours: 22-8\n", line: 3, message: "应为「HH:MM-HH:MM」"),
    Case(yaml: "\n\ntimezone: Mars/Olympus\n", line: 3, message: "未知的时区「Mars/Olympus」"),
    Case(yaml: "default_channel: my channel\n", line: 1, message: "不能含空白"),
    Case(yaml: "default_channel: \"\"\n", line: 1, message: "不能为空"),
    // A typo would become a channel of its own, with no caps; a channel configured under caps is fine.
    Case(yaml: "default_channel: moment\n", line: 1, message: "default_channel 中的渠道「moment」未配置"),
    Case(yaml: "caps:\n  xhs: { per_day: 2 }\n\ndefault_channel: xhs2\n", line: 4, message: "未配置"),
    // Custom rules.
    Case(
      yaml: "custom_rules:\n  - id: competitor\n    kind: existence\n    tokens: [x]\n    message: m\n",
      line: 2,
      message: "应为「族/名称」形式"),
    Case(
      yaml: "custom_rules:\n  - id: a/b\n    kind: exists\n    tokens: [x]\n    message: m\n", line: 3,
      message: "existence、substitution、occurrence 或 repetition"),
    Case(
      yaml:
        "custom_rules:\n  - id: a/b\n    kind: existence\n    tokens: [x]\n    regex: x\n    message: m\n",
      line: 5, message: "只能有「tokens」或「regex」之一"),
    Case(
      yaml: "custom_rules:\n  - id: a/b\n    kind: existence\n    message: m\n", line: 2,
      message: "需要「tokens」或「regex」"),
    Case(
      yaml: "custom_rules:\n  - id: a/b\n    kind: existence\n    tokens: []\n    message: m\n", line: 4,
      message: "「tokens」不能为空"),
    Case(
      yaml: "custom_rules:\n  - id: a/b\n    kind: substitution\n    tokens: [x]\n    message: m\n", line: 2,
      message: "需要「replacement」"),
    Case(
      yaml:
        "custom_rules:\n  - id: a/b\n    kind: existence\n    tokens: [x]\n    replacement: y\n"
        + "    message: m\n",
      line: 5, message: "「replacement」只用于 substitution 规则"),
    Case(
      yaml: "custom_rules:\n  - id: a/b\n    kind: occurrence\n    tokens: [x]\n    message: m\n", line: 2,
      message: "需要「max」或「min」"),
    Case(
      yaml:
        "custom_rules:\n  - id: a/b\n    kind: occurrence\n    tokens: [x]\n    max: 1\n    min: 2\n"
        + "    message: m\n",
      line: 6, message: "「min」（2）大于「max」（1）"),
    Case(
      yaml: "custom_rules:\n  - id: a/b\n    kind: repetition\n    tokens: [x]\n    max: 2\n    message: m\n",
      line: 5, message: "「max」只用于 occurrence 规则"),
    Case(
      yaml: "custom_rules:\n  - id: a/b\n    kind: existence\n    tokens: [x]\n", line: 2,
      message: "缺少「message」"),
    Case(
      yaml: "custom_rules:\n  - id: hard-sell/price\n    kind: existence\n    tokens: [x]\n    message: m\n",
      line: 2,
      message: "与内置规则重名"),
    Case(
      yaml: "custom_rules:\n  - { id: a/b, kind: existence, tokens: [x], message: m }\n"
        + "  - { id: a/b, kind: existence, tokens: [y], message: m }\n",
      line: 3, message: "重复定义"),
    Case(
      yaml:
        "custom_rules:\n  - id: a/b\n    kind: existence\n    tokens: [x]\n    message: m\n"
        + "    level: fatal\n",
      line: 6, message: "级别应为"),
    // YAML syntax.
    Case(yaml: "timezone: UTC\nrules: [a\n", line: 3, message: "YAML 语法错误"),
    Case(yaml: "timezone: UTC\n  rules: x\n", line: 2, message: "YAML 语法错误"),
    // The repeat is reported, with where the key was first written.
    Case(yaml: "rules:\n  ad-law: error\n  ad-law: off\n", line: 3, message: "重复的键「ad-law」（第一次出现在第 2 行）"),
    Case(
      yaml: "timezone: UTC\nrules: {}\ndefault_channel: group\n\"rules\": {}\n", line: 4,
      message: "重复的键「rules」（第一次出现在第 2 行）"),
    Case(yaml: "history: [*nothing]\n", line: 1, message: "YAML 语法错误"),
    Case(yaml: "a: 1\n---\nb: 2\n", line: 2, message: "YAML 语法错误"),
  ]

  @Test(arguments: cases)
  func reportsLine(_ c: Case) {
    do {
      _ = try parseConfig(c.yaml)
      Issue.record("no error for \(c.yaml.debugDescription)")
    } catch {
      #expect(error.path == "/base/.siyu.yml")
      #expect(error.line == c.line, "\(error)")
      #expect(error.message.contains(c.message), "\(error)")
    }
  }

  @Test func firstErrorInDocumentOrderWins() {
    #expect(
      throws: InputProblem(
        path: "/base/.siyu.yml", line: 2,
        message: "未知的配置项「a」（可用：\(ConfigurationParser.topLevelKeys.joined(separator: "、"))）")
    ) {
      try parseConfig("timezone: UTC\na: 1\nb: 2\n")
    }
  }

  @Test func customRuleIDsAreKnownAboveTheirDefinition() throws {
    let config = try parseConfig(
      "rules: { brand/competitor: error, brand: info }\nscores: { brand/competitor: 2 }\n"
        + "custom_rules:\n  - { id: brand/competitor, kind: existence, tokens: [某竞品], message: 不提竞品名 }\n")
    #expect(config.rules["brand/competitor"] == .error)
  }

  @Test func builtinIDsComeFromTheRegistry() throws {
    // Families SPEC.md defines are accepted even before a rule of the family is registered.
    _ = try parseConfig("rules: { ad-law: error, cap: off, persona: info }", known: [])
    #expect(throws: InputProblem.self) { try parseConfig("rules: { hard-sell/urgency: off }", known: []) }
    _ = try parseConfig("rules: { hard-sell/urgency: off }", known: ["hard-sell/urgency"])
  }

  @Test func fileProblems() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("siyu-config-\(UUID())")
      .path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(throws: InputProblem(path: directory + "/missing.yml", message: "找不到配置文件")) {
      try Configuration.load(path: directory + "/missing.yml", knownRuleIDs: [])
    }
    let bad = directory + "/bad.yml"
    try Data([0x74, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: bad))
    #expect(throws: InputProblem(path: bad, line: 1, message: "字节偏移 3 处不是有效的 UTF-8，配置文件应为 UTF-8 文本")) {
      try Configuration.load(path: bad, knownRuleIDs: [])
    }
    let badAfterBOM = directory + "/bad-bom.yml"
    try Data([0xEF, 0xBB, 0xBF] + Array("a: 1\nb: ".utf8) + [0xFF]).write(
      to: URL(fileURLWithPath: badAfterBOM))
    #expect(
      throws: InputProblem(path: badAfterBOM, line: 2, message: "字节偏移 11 处不是有效的 UTF-8，配置文件应为 UTF-8 文本")
    ) {
      try Configuration.load(path: badAfterBOM, knownRuleIDs: [])
    }
    #expect(throws: InputProblem(path: directory, message: "无法读取配置文件：是目录，不是文件")) {
      try Configuration.load(path: directory, knownRuleIDs: [])
    }
    let bom = directory + "/bom.yml"
    try Data([0xEF, 0xBB, 0xBF] + Array("default_channel: group\n".utf8)).write(to: URL(fileURLWithPath: bom))
    #expect(try Configuration.load(path: bom, knownRuleIDs: []).defaultChannel == "group")
  }
}
