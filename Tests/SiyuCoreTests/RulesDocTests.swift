import Foundation
import SiyuRules
import Testing

@testable import SiyuCore

// docs/rules.md must be what `siyu rules --format markdown` prints for the registered rules.

@Suite struct RulesDocTests {
  static let rulesDoc: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // SiyuCoreTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()
    .appendingPathComponent("docs/rules.md")

  @Test func docsRulesMarkdownIsUpToDate() throws {
    let expected = RuleDocumentation.markdown(BuiltinRules.descriptions)
    let onDisk = try? String(contentsOf: Self.rulesDoc, encoding: .utf8)
    let upToDate = onDisk == expected
    #expect(
      upToDate,
      """
      docs/rules.md is out of date with the registered rules. Regenerate it from the package root:
        swift run siyu rules --format markdown > docs/rules.md
      """)
  }

  @Test func everyRuleHasASection() {
    let rules = BuiltinRules.descriptions
    let markdown = RuleDocumentation.markdown(rules)
    for rule in rules {
      #expect(markdown.contains("\n## `\(rule.id)`\n"))
      #expect(markdown.contains("(#\(RuleDocumentation.anchor(rule.id)))"))
    }
    let json = RuleDocumentation.json(rules)
    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    #expect(RuleDocumentation.text(rules).split(separator: "\n").count == rules.count + 1)
  }

  @Test func markdownExamplesKeepBackticksAndLineBreaks() {
    #expect(RuleDocumentation.inlineCode("a`b") == "`` a`b ``")
    let rule = RuleDescription(
      id: "x/y", defaultLevel: .info, summary: "S | T", rationale: "R", points: 0.25,
      triggering: ["第一行\n第二行"], nonTriggering: [])
    let markdown = RuleDocumentation.markdown([rule])
    #expect(markdown.contains("| [`x/y`](#xy) | info | 0.25 | S \\| T |\n"))
    #expect(markdown.contains("Triggers on:\n\n-\n  ```\n  第一行\n  第二行\n  ```\n"))
  }
}
