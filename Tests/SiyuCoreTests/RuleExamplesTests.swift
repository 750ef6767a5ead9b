import Foundation
import SiyuRules
import Testing

@testable import SiyuCore

/// Runs every registered rule's triggering and non-triggering examples through the real linter, plus
/// variants that catch offset and suppression bugs (DESIGN.md): an astral character before the hit, text
/// after it, and suppression comments.
@Suite struct RuleExamplesTests {
  /// A linter with every rule off except `id` (at warning), so examples see only their own rule. The
  /// unused-suppression rule judges the other rules' suppressions, so for it they stay at their defaults.
  /// A persona rule's linter knows its example persona.
  static func linter(only id: String) throws -> Linter {
    var configuration = Configuration()
    for description in BuiltinRules.all.map(\.description) where id != UnusedSuppressionRule.description.id {
      configuration.rules[description.id] = description.id == id ? .warning : .off
    }
    let personas = examplePersona(id).map { PersonaSet([$0]) } ?? PersonaSet()
    return try Linter(rules: BuiltinRules.all, configuration: configuration, personas: personas)
  }

  /// The persona a persona rule's examples are written for.
  static func examplePersona(_ id: String) -> Persona? {
    let type = BuiltinRules.types.first { $0.description.id == id }
    return (type as? any PersonaExamples.Type)?.examplePersona
  }

  static func ranges(_ text: String, _ id: String, _ linter: Linter) -> [Range<Int>] {
    let persona = examplePersona(id)?.key
    let post = Post(id: "example.md", path: "example.md", text: text, channel: "moments", persona: persona)
    let report = linter.check(post)
    #expect(report.problems.isEmpty)
    return report.findings.filter { $0.finding.rule == id }.map(\.finding.range)
  }

  static let ids = BuiltinRules.all.map(\.description.id)

  @Test(arguments: ids)
  func examples(id: String) throws {
    let rule = try #require(BuiltinRules.all.first { $0.description.id == id })
    let description = rule.description
    let linter = try Self.linter(only: id)
    #expect(!description.triggering.isEmpty, "\(id) has no triggering example")
    #expect(!description.nonTriggering.isEmpty, "\(id) has no non-triggering example")
    for example in description.triggering {
      let plain = Self.ranges(example, id, linter)
      #expect(!plain.isEmpty, "\(id) should trigger on \(example.debugDescription)")
      // An astral character (two UTF-16 units) and a line before the hit shift every range exactly.
      let prefix = "𠮷\n"
      let shifted = Self.ranges(prefix + example, id, linter)
      let delta = prefix.utf16.count
      #expect(shifted == plain.map { ($0.lowerBound + delta)..<($0.upperBound + delta) }, "\(id): \(example)")
      // Text after the hit changes nothing.
      #expect(Self.ranges(example + "\n𠮷", id, linter) == plain, "\(id): \(example)")
      if id != UnusedSuppressionRule.description.id {
        // Suppressed for the whole post, and on the next line when the example is one line.
        #expect(Self.ranges("<!-- siyu-disable \(id) -->\n" + example, id, linter).isEmpty)
        #expect(Self.ranges("<!-- siyu-disable \(description.family) -->\n" + example, id, linter).isEmpty)
        if !example.contains("\n") {
          #expect(Self.ranges("<!-- siyu-disable-next-line \(id) -->\n" + example, id, linter).isEmpty)
        }
      }
    }
    for example in description.nonTriggering {
      #expect(
        Self.ranges(example, id, linter).isEmpty, "\(id) should not trigger on \(example.debugDescription)")
    }
  }

  @Test func idsAreUniqueAndWellFormed() {
    let ids = Self.ids
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(id.contains("/") && id == id.lowercased() && !id.contains(" "), "bad rule id \(id)")
    }
  }

  /// Every file under Sources/SiyuRules and Sources/SiyuCore that defines a `…Rule` type conforming to
  /// `BuiltinRule` is registered in `BuiltinRules` (`KindRule` and the rule protocols are not built in).
  @Test func everyRuleFileIsRegistered() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let registered = Set(BuiltinRules.types.map { String(describing: $0) })
    var files: [String] = []
    for directory in ["Sources/SiyuRules", "Sources/SiyuCore"] {
      let url = root.appendingPathComponent(directory)
      let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
      while let file = walker?.nextObject() as? URL {
        let name = file.deletingPathExtension().lastPathComponent
        guard file.pathExtension == "swift" && name.hasSuffix("Rule") else { continue }
        let source = try String(contentsOf: file, encoding: .utf8)
        if source.contains("\(name): BuiltinRule") { files.append(name) }
      }
    }
    #expect(!files.isEmpty)
    for name in files {
      #expect(registered.contains(name), "\(name).swift is not listed in BuiltinRules.types")
    }
  }

  @Test func unusedSuppressionIsReportedAsInfo() throws {
    let linter = try Linter(rules: BuiltinRules.all, configuration: Configuration())
    let post = Post(
      id: "a.md", text: "<!-- siyu-disable hard-sell/shouting -->\n今天天气不错", bodyLine: 5, channel: "moments")
    let report = linter.check(post)
    let finding = try #require(report.findings.first { $0.finding.rule == "siyu/unused-disable" })
    #expect(finding.finding.severity == .info)
    #expect(finding.start.line == 5)
  }
}
