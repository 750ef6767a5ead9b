import Foundation
import Testing

@testable import SiyuCore

// Golden-output tests of the `check` reporters. One hand-built report (two posts with findings, one clean
// post, a batch row `FILE#ROW`, every severity, a suggestion, an astral character before a finding so UTF-16
// and UTF-8 columns differ, a rule missing from the rule list, two input problems) is rendered by each
// reporter and compared with Tests/Fixtures/reporters/<name>.
//
// To regenerate after an intended change: SIYU_UPDATE_GOLDEN=1 swift test --filter Report
// then review every changed golden by eye (git diff) before committing.

@Suite struct ReporterGoldenTests {
  @Test func human() throws {
    try expectGolden(HumanReporter(color: false), "human.txt")
  }

  @Test func humanWithColor() throws {
    try expectGolden(HumanReporter(color: true), "human-color.txt")
  }

  @Test func json() throws {
    try expectGolden(JSONReporter(), "json.json")
  }

  @Test func sarif() throws {
    try expectGolden(SARIFReporter(toolVersion: "0.1.0"), "sarif.json")
  }

  @Test func rdjson() throws {
    try expectGolden(RDJSONReporter(), "rdjson.json")
  }

  @Test func machineFormatsAreValidJSON() throws {
    let reporters: [any Reporter] = [JSONReporter(), SARIFReporter(toolVersion: "0.1.0"), RDJSONReporter()]
    for reporter in reporters {
      let text = reporter.render(Self.report, rules: Self.rules)
      #expect(text.hasSuffix("}\n"))
      let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
      #expect(object is [String: Any])
    }
  }

  private func expectGolden(_ reporter: any Reporter, _ name: String) throws {
    let actual = reporter.render(Self.report, rules: Self.rules)
    let url = Self.fixtures.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["SIYU_UPDATE_GOLDEN"] == "1" {
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("missing golden \(url.path); run SIYU_UPDATE_GOLDEN=1 swift test --filter Report")
      return
    }
    let same = actual == expected
    #expect(
      same,
      """
      \(name) differs from the golden at \(Self.firstDifference(actual, expected)).
      If the change is intended: SIYU_UPDATE_GOLDEN=1 swift test --filter Report, then review the diff.
      """)
  }

  /// "line N: expected … / actual …" for the first line where the texts differ.
  private static func firstDifference(_ actual: String, _ expected: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, e.count) {
      let lineA = i < a.count ? String(a[i]) : "<end>"
      let lineE = i < e.count ? String(e[i]) : "<end>"
      if lineA != lineE { return "line \(i + 1)\n  expected: \(lineE)\n  actual:   \(lineA)" }
    }
    return "<no line differs>"
  }

  // MARK: - The report

  static let fixtures: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // SiyuCoreTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures/reporters", isDirectory: true)

  /// Rule descriptions written out here (not `BuiltinRules.all`) so the goldens change only with the
  /// reporters. `brand/competitor`, a custom rule, is left out on purpose: its results have no `ruleIndex`.
  static let rules: [RuleDescription] = [
    rule("hard-sell/classifier", .error, 0, "The combined verdict says the post is a hard-sell ad."),
    rule("hard-sell/urgency", .warning, 1.5, "Countdown and scarcity phrases such as 手慢无 and 最后一天."),
    rule("hard-sell/shouting", .warning, 1, "Runs of three or more exclamation marks or identical emoji."),
    rule("hard-sell/price", .info, 0.5, "Prices and discounts."),
    rule("ad-law/absolute", .error, 2, "Absolute terms such as \"最佳\" that advertising law bans."),
    rule("persona/emoji", .info, 0.5, "More emoji than the persona uses."),
    rule("cap/quiet-hours", .off, 1, "Posts scheduled in the channel's quiet hours."),
  ]

  static let report: CheckReport = {
    let morning = "姐妹们早上好☀️\n🔥新品限时抢购！！！手慢无\n这是全网最佳的面霜，比某竞品好用"
    let batchRow = "今晚8点直播间见，¥99 两瓶"
    let morningFindings = [
      located(morning, 0..<0, "hard-sell/classifier", .error, "硬广概率 0.97：价格 + 紧迫感 + 引导加微信", 6.5),
      located(morning, find("☀️", in: morning), "persona/emoji", .info, "表情偏多：人设「小李」每条最多 4 个", 0.5),
      located(
        morning, find("！！！", in: morning), "hard-sell/shouting", .warning, "连续感叹号「！！！」像群发广告，一个感叹号就够了", 1),
      located(morning, find("手慢无", in: morning), "hard-sell/urgency", .warning, "紧迫感话术「手慢无」", 1.5),
      located(
        morning, find("最佳", in: morning), "ad-law/absolute", .error, "广告法禁用绝对化用语「最佳」", 2,
        replacement: "优选"),
      located(morning, find("某竞品", in: morning), "brand/competitor", .warning, "不提竞品名", 1),
    ]
    let rowFindings = [
      located(batchRow, find("¥99", in: batchRow), "hard-sell/price", .info, "价格「¥99」", 0.5)
    ]
    return CheckReport(
      files: [
        PostReport(
          path: "posts/2026-11-24-am.md", verdict: Verdict(class: .hardSell, probability: 0.97, score: 11.5),
          findings: morningFindings),
        PostReport(
          path: "data/batch.jsonl#3", verdict: Verdict(class: .value, probability: 0.3125, score: 0.5),
          findings: rowFindings,
          meta: ["campaign": .string("双11"), "draft": .bool(true), "tags": .array([.string("直播")])]),
        PostReport(
          path: "posts/2026-11-24-pm.md", verdict: Verdict(class: .value, probability: 0.02, score: 0),
          findings: []),
      ],
      errors: [
        InputProblem(
          path: "posts/草稿 1.md", line: 3, message: "front matter 中 publish_at 不是 ISO 8601 时间：「明天早上」"),
        InputProblem(path: "exports/old.csv", message: "既不是 UTF-8 也不是 GB18030 编码（第 118 字节）"),
      ])
  }()

  private static func rule(_ id: String, _ level: RuleLevel, _ points: Double, _ summary: String)
    -> RuleDescription
  {
    RuleDescription(
      id: id, defaultLevel: level, summary: summary, rationale: "Why \(id) matters, in one sentence.",
      points: points, triggering: ["限时抢购！！！"], nonTriggering: ["今天天气真好"])
  }

  /// The UTF-16 range of the first `needle` in `text`.
  static func find(_ needle: String, in text: String) -> Range<Int> {
    let haystack = Array(text.utf16)
    let pattern = Array(needle.utf16)
    for start in 0...(haystack.count - pattern.count)
    where Array(haystack[start..<start + pattern.count]) == pattern {
      return start..<start + pattern.count
    }
    preconditionFailure("\(needle) not in \(text)")
  }

  private static func located(
    _ text: String, _ range: Range<Int>, _ rule: String, _ severity: Severity, _ message: String,
    _ points: Double, replacement: String? = nil
  ) -> LocatedFinding {
    let index = LineIndex(text)
    func position(_ offset: Int) -> FilePosition {
      let (line, column) = index.position(of: offset)
      return FilePosition(line: line, column: column, utf8Column: index.utf8Column(of: offset))
    }
    let suggestion = replacement.map { Suggestion(range: range, replacement: $0) }
    return LocatedFinding(
      finding: Finding(
        rule: rule, severity: severity, range: range, message: message, points: points, suggestion: suggestion
      ),
      start: position(range.lowerBound), end: position(range.upperBound),
      suggestionStart: suggestion.map { position($0.range.lowerBound) },
      suggestionEnd: suggestion.map { position($0.range.upperBound) })
  }
}
