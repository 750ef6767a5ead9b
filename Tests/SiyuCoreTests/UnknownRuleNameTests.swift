import SiyuRules
import Testing

@testable import SiyuCore

/// `siyu/unknown-rule`: misspelt names in suppressions and unknown `siyu-` comments, with suggestions.
@Suite struct UnknownRuleNameTests {
  static func messages(_ text: String, historyRuleIDs: [String]? = CapRules.descriptions.map(\.id)) throws
    -> [String]
  {
    let linter = try Linter(
      rules: BuiltinRules.all, configuration: Configuration(), historyRuleIDs: historyRuleIDs)
    let report = linter.check(Post(id: "a.md", path: "a.md", text: text, channel: "moments"))
    return report.findings.filter { $0.finding.rule == UnknownRuleNameRule.description.id }.map(
      \.finding.message)
  }

  @Test func misspeltNamesGetTheClosestIdOrFamily() throws {
    let found = try Self.messages("<!-- siyu-disable hard-sell/pricee hardsell cap/dayly zzz -->\n今天天气很好。")
    #expect(
      found == [
        "siyu-disable 里的「hard-sell/pricee」不是已知的规则，什么也屏蔽不了；是不是「hard-sell/price」？",
        "siyu-disable 里的「hardsell」不是已知的规则，什么也屏蔽不了；是不是「hard-sell」？",
        "siyu-disable 里的「cap/dayly」不是已知的规则，什么也屏蔽不了；是不是「cap/daily」？",
        "siyu-disable 里的「zzz」不是已知的规则，什么也屏蔽不了（siyu rules 列出所有规则）",
      ])
    // Without the history rules' ids every cap/ name is taken on trust.
    #expect(try Self.messages("<!-- siyu-disable cap/dayly -->\n今天天气很好。", historyRuleIDs: nil).isEmpty)
  }

  @Test func knownNamesAreNotReportedAndUnknownOnesAreNotCalledUnused() throws {
    let linter = try Linter(
      rules: BuiltinRules.all, configuration: Configuration(),
      historyRuleIDs: CapRules.descriptions.map(\.id))
    let text = "<!-- siyu-disable ad-law cap/daily hard-sell/pricee -->\n今天天气很好。"
    let findings = linter.check(Post(id: "a.md", path: "a.md", text: text, channel: "moments")).findings
    let unused = findings.filter { $0.finding.rule == UnusedSuppressionRule.description.id }
    #expect(unused.map(\.finding.message) == ["这条 siyu-disable 没有屏蔽任何问题（ad-law、cap/daily），可以删除"])
    #expect(findings.filter { $0.finding.rule == UnknownRuleNameRule.description.id }.count == 1)
  }

  @Test func unknownDirectives() throws {
    let found = try Self.messages(
      "今天。<!-- siyu-disable-line -->\n<!-- siyu-disabel -->\n<!-- siyu-enable -->")
    #expect(found.count == 3)
    #expect(found[0].contains("请在上一行写 <!-- siyu-disable-next-line 规则 -->"))
    #expect(found[1].hasSuffix("是不是「siyu-disable」？"))
    #expect(found[2].hasSuffix("（可用：siyu-disable、siyu-disable-next-line）"))
    // Other comments are not directives.
    #expect(try Self.messages("今天。<!-- 备注：siyu 以后再看 -->").isEmpty)
  }

  @Test func editDistance() {
    func d(_ a: String, _ b: String) -> Int {
      UnknownRuleNameRule.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
    #expect(d("", "abc") == 3 && d("abc", "") == 3 && d("kitten", "sitting") == 3 && d("同一", "同一") == 0)
  }
}
