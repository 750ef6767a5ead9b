import Foundation
import SiyuRules
import Testing

@testable import SiyuCore

/// Rule ids SPEC.md lists, with their families: what the tests pass as `knownRuleIDs`.
let specRuleIDs: Set<String> = {
  let ids = [
    "hard-sell/classifier", "hard-sell/price", "hard-sell/urgency", "hard-sell/cta", "hard-sell/contact",
    "hard-sell/emoji-flood", "hard-sell/shouting", "hard-sell/link-density", "ad-law/absolute",
    "ad-law/medical", "ad-law/endorsement", "persona/address", "persona/self", "persona/avoid",
    "persona/emoji", "persona/style", "persona/cold-shelf", "cap/daily", "cap/hard-sell-daily", "cap/gap",
    "cap/quiet-hours", "cap/hard-sell-share", "cap/duplicate",
  ]
  return Set(ids).union(ids.map { String($0.prefix { $0 != "/" }) })
}()

/// Parses `text` as `/base/.siyu.yml`.
func parseConfig(_ text: String, known: Set<String> = specRuleIDs) throws(InputProblem) -> Configuration {
  try Configuration.parse(text, path: "/base/.siyu.yml", baseDirectory: "/base", knownRuleIDs: known)
}

/// The directory of this repository's `Tests/Fixtures/config`.
func configFixtures() -> String {
  let file = URL(fileURLWithPath: #filePath)
  return file.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
    "Fixtures/config"
  ).path
}

@Suite struct ConfigurationTests {
  @Test func defaultsMatchSpec() throws {
    let config = Configuration(baseDirectory: "/base")
    #expect(config.path == nil)
    #expect(config.baseDirectory == "/base")
    #expect(config.timezone.identifier == "Asia/Shanghai")
    #expect(config.defaultChannel == "moments")
    #expect(config.history.isEmpty)
    #expect(config.rules.isEmpty)
    #expect(config.classifier == ClassifierSettings(model: "default", threshold: 0.5, requiredScore: 5))
    let moments = config.caps.limits(for: "moments")
    #expect(moments.perDay == 3)
    #expect(moments.hardSellPerDay == 1)
    #expect(moments.minGap == 7_200)
    #expect(moments.quietHours == QuietHours(start: 22 * 60, end: 8 * 60))
    let group = config.caps.limits(for: "group")
    #expect(group == CapsSettings.Channel(perDay: 3, hardSellPerDay: 1, minGap: 3_600, quietHours: nil))
    #expect(config.caps.limits(for: "private") == CapsSettings.Channel())
    #expect(config.caps.hardSellShare == CapsSettings.HardSellShare(max: 0.3, window: 7 * 86_400))
    #expect(config.caps.duplicate == CapsSettings.Duplicate(window: 30 * 86_400, similarity: 0.85))
    #expect(config.personas.isEmpty && config.lexicons.isEmpty && config.vocabulary.accept.isEmpty)
    #expect(config.scores.isEmpty && config.overrides.isEmpty && config.customRules.isEmpty)
  }

  @Test(arguments: ["", "\n", "# only a comment\n", "---\n", "~\n"])
  func emptyFileGivesDefaults(text: String) throws {
    var config = try parseConfig(text)
    #expect(config.path == "/base/.siyu.yml")
    config.path = nil
    #expect(config == Configuration(baseDirectory: "/base"))
  }

  @Test func specExampleLoads() throws {
    let path = configFixtures() + "/spec-example/.siyu.yml"
    let config = try Configuration.load(path: path, knownRuleIDs: specRuleIDs)
    #expect(config.path == path)
    #expect(config.baseDirectory == configFixtures() + "/spec-example")
    #expect(config.history == ["posts/**/*.md"])
    #expect(config.rules == ["ad-law": .error, "hard-sell/emoji-flood": .off])
    #expect(config.classifier.threshold == 0.5 && config.classifier.model == "default")
    #expect(config.caps.limits(for: "moments").quietHours?.text == "22:00-08:00")
    #expect(config.caps.limits(for: "group").minGap == 3_600)
    #expect(config.personas == ["xiaoli": "personas/xiaoli.yml"])
    #expect(config.lexicons == ["lexicons/my-brand.txt"])
    #expect(config.vocabulary.accept == ["某某旗舰店"])
    #expect(config.scores == ["hard-sell/price": 0.5])
    #expect(
      config.overrides == [
        OverrideSettings(paths: ["posts/live/**"], channels: ["group"], rules: ["hard-sell/urgency": .info])
      ])
    #expect(
      config.customRules == [
        CustomRuleSettings(
          id: "brand/competitor", kind: .existence, matcher: .tokens(["某竞品"]), message: "不提竞品名",
          level: .warning, points: 1.0)
      ])
    #expect(
      config.resolvedPath("personas/xiaoli.yml") == configFixtures() + "/spec-example/personas/xiaoli.yml")
  }

  @Test func renderedYAMLRoundTrips() throws {
    let path = configFixtures() + "/spec-example/.siyu.yml"
    let config = try Configuration.load(path: path, knownRuleIDs: specRuleIDs)
    let again = try Configuration.parse(
      config.renderYAML(), path: path, baseDirectory: config.baseDirectory, knownRuleIDs: specRuleIDs)
    #expect(again == config)
  }

  @Test func renderedDefaultsRoundTripAndReadWell() throws {
    let config = Configuration(baseDirectory: "/base")
    let yaml = config.renderYAML()
    #expect(yaml.hasPrefix("# 内置默认配置"))
    #expect(yaml.contains("\n  moments:\n    per_day: 3\n    hard_sell_per_day: 1\n    min_gap: 2h\n"))
    #expect(yaml.contains("    quiet_hours: \"22:00-08:00\"\n"))
    #expect(yaml.contains("  duplicate:\n    window: 30d\n    similarity: 0.85\n"))
    var again = try parseConfig(yaml)
    again.path = nil
    #expect(again == config)
  }

  @Test func unusualValuesRoundTrip() throws {
    let text = """
      timezone: UTC
      default_channel: xiaohongshu
      history: ["posts/**/*.md", "a b.md", "yes", "123", "-dash", "引号\\"和\\\\反斜杠"]
      rules: { persona: warning, brand: off, brand/name: error }
      classifier: { model: models/m.json, threshold: 0.125, required_score: -2.5 }
      caps:
        xiaohongshu: { per_day: 2, min_gap: 1h30m }
        moments: { quiet_hours: off, per_day: 5 }
        group: off
      scores: { brand: 2, cap/daily: 0 }
      overrides:
        - rules: { ad-law/absolute: off }
        - paths: [drafts/]
          rules: {}
      custom_rules:
        - id: brand/name
          kind: substitution
          regex: "某某\\\\s*店"
          replacement: ""
          message: "用全称: 某某旗舰店"
        - id: style/exclaim
          kind: occurrence
          tokens: ["!", "！"]
          min: 1
          max: 3
          message: 感叹号
          level: info
      """
    let config = try parseConfig(text)
    #expect(config.history.last == "引号\"和\\反斜杠")
    #expect(config.caps.limits(for: "xiaohongshu") == CapsSettings.Channel(perDay: 2, minGap: 5_400))
    #expect(config.caps.limits(for: "moments").perDay == 5)
    #expect(config.caps.limits(for: "moments").hardSellPerDay == 1)
    #expect(config.caps.limits(for: "moments").quietHours == nil)
    #expect(config.caps.limits(for: "group") == CapsSettings.Channel())
    #expect(config.customRules[0].matcher == .regex("某某\\s*店"))
    #expect(config.customRules[0].replacement == "")
    let again = try parseConfig(config.renderYAML())
    #expect(again == config)
  }

  @Test func mergeKeysAndAliasesWork() throws {
    let text = """
      history: &globs ["posts/**/*.md"]
      caps:
        moments: &base { per_day: 2, min_gap: 3h }
        group:
          <<: *base
          per_day: 4
      overrides:
        - paths: *globs
          rules: { hard-sell: info }
      """
    let config = try parseConfig(text)
    #expect(config.caps.limits(for: "group").perDay == 4)
    #expect(config.caps.limits(for: "group").minGap == 10_800)
    #expect(config.overrides.first?.paths == ["posts/**/*.md"])
  }
}

@Suite struct ConfigurationQueryTests {
  static let rule = RuleDescription(
    id: "hard-sell/urgency", defaultLevel: .warning, summary: "", rationale: "", points: 1.5, triggering: [],
    nonTriggering: [])

  @Test func familyThenIDThenOverrides() throws {
    let text = """
      rules: { hard-sell: error, hard-sell/urgency: info, ad-law: off }
      overrides:
        - paths: ["posts/live/**"]
          rules: { hard-sell: warning }
        - channels: [group]
          rules: { hard-sell/urgency: off, hard-sell: error }
        - paths: ["*.txt"]
          channels: [moments]
          rules: { hard-sell/urgency: error }
      """
    let config = try parseConfig(text)
    let rule = Self.rule
    let other = RuleDescription(
      id: "hard-sell/price", defaultLevel: .info, summary: "", rationale: "", points: 1, triggering: [],
      nonTriggering: [])
    let adLaw = RuleDescription(
      id: "ad-law/absolute", defaultLevel: .error, summary: "", rationale: "", points: 1, triggering: [],
      nonTriggering: [])
    // Top-level: the id beats the family.
    #expect(config.level(for: rule, postPath: "/base/posts/a.md", channel: "moments") == .info)
    #expect(config.level(for: other, postPath: "/base/posts/a.md", channel: "moments") == .error)
    #expect(config.level(for: adLaw, postPath: nil, channel: "moments") == .off)
    // A matching override beats the top level, even its family entry over a top-level id.
    #expect(config.level(for: rule, postPath: "/base/posts/live/x/a.md", channel: "moments") == .warning)
    // Later overrides win; within one, the id beats the family.
    #expect(config.level(for: rule, postPath: "/base/posts/live/a.md", channel: "group") == .off)
    #expect(config.level(for: other, postPath: "/base/posts/live/a.md", channel: "group") == .error)
    // Path and channel must both match.
    #expect(config.level(for: rule, postPath: "/base/deep/a.txt", channel: "moments") == .error)
    #expect(config.level(for: rule, postPath: "/base/deep/a.txt", channel: "private") == .info)
    // Paths outside the base and posts without a path match no path-bound override.
    #expect(config.level(for: rule, postPath: "/elsewhere/posts/live/a.md", channel: "moments") == .info)
    #expect(config.level(for: rule, postPath: nil, channel: "moments") == .info)
    // No configuration at all: the default level.
    #expect(
      Configuration(baseDirectory: "/base").level(for: rule, postPath: nil, channel: "group") == .warning)
  }

  @Test func relativePostPathsResolveAgainstWorkingDirectory() throws {
    let cwd = FileManager.default.currentDirectoryPath
    var config = Configuration(baseDirectory: cwd)
    config.overrides = [OverrideSettings(paths: ["posts/live/"], rules: ["hard-sell": .off])]
    #expect(config.level(for: Self.rule, postPath: "posts/live/a.md", channel: "moments") == .off)
    #expect(config.level(for: Self.rule, postPath: "./posts/x/../live/a.md", channel: "moments") == .off)
    #expect(config.level(for: Self.rule, postPath: "posts/other/a.md", channel: "moments") == .warning)
    #expect(config.relativePath(of: cwd + "/a/b.md") == "a/b.md")
  }

  @Test func pointsAndVocabulary() throws {
    let config = try parseConfig(
      "scores: { hard-sell/urgency: 0.25, hard-sell: 3 }\nvocabulary: { accept: [某某旗舰店, iPhone] }")
    #expect(config.points(for: Self.rule) == 0.25)
    var price = Self.rule
    price.id = "hard-sell/price"
    #expect(config.points(for: price) == 3)
    price.id = "persona/self"
    #expect(config.points(for: price) == 1.5)
    #expect(config.isAccepted("某某旗舰店"))
    #expect(config.isAccepted("iphone"))
    #expect(!config.isAccepted("某某"))
  }

  @Test func customRuleDescriptions() throws {
    let config = try parseConfig(
      "custom_rules:\n  - { id: brand/x, kind: existence, tokens: [x], message: 别用 x, level: error }")
    let description = config.customRules[0].ruleDescription
    #expect(description.id == "brand/x" && description.defaultLevel == .error && description.points == 0)
    #expect(config.level(for: description, postPath: nil, channel: "moments") == .error)
  }

  @Test func durationsAndQuietHours() {
    #expect(ConfigurationDuration.parse("90m") == 5_400)
    #expect(ConfigurationDuration.parse("1h30m") == 5_400)
    #expect(ConfigurationDuration.parse("2w") == 14 * 86_400)
    #expect(ConfigurationDuration.parse("0") == 0)
    for bad in ["", "2", "h", "2x", "1.5h", "-1h", "2 h", "99999999999d"] {
      #expect(ConfigurationDuration.parse(bad) == nil, "\(bad)")
    }
    #expect(ConfigurationDuration.format(5_400) == "1h30m")
    #expect(ConfigurationDuration.format(7 * 86_400) == "7d")
    let night = QuietHours("22:00-08:00")
    #expect(night?.contains(minuteOfDay: 23 * 60) == true)
    #expect(night?.contains(minuteOfDay: 7 * 60 + 59) == true)
    #expect(night?.contains(minuteOfDay: 8 * 60) == false)
    #expect(QuietHours("12:00-13:30")?.contains(minuteOfDay: 12 * 60 + 10) == true)
    for bad in ["22:00", "25:00-08:00", "22:60-08:00", "8-9", "22:00-22:00", "aa:bb-cc:dd"] {
      #expect(QuietHours(bad) == nil, "\(bad)")
    }
  }
}
