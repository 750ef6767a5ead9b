import ArgumentParser
import SiyuCore
import SiyuRules

/// `siyu rules`: lists every built-in rule with its id, default level, points, description and examples.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "列出所有内置规则：id、默认级别、分值、说明和示例。",
    discussion: """
      human: one rule a line (id, default level, points, summary).
      markdown: the full reference, the content of docs/rules.md (\(RuleDocumentation.markdownCommand)).
      json: {"version":1,"rules":[{"id","family","default_level","points","summary","rationale",\
      "triggering","non_triggering"}]}.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case human
    case markdown
    case json
  }

  @Option(name: .long, help: "Output format: human, markdown or json.")
  var format: Format = .human

  func run() throws {
    let rules = BuiltinRules.descriptions
    let out = ByteWriter()
    switch format {
    case .human: out.write(RuleDocumentation.text(rules))
    case .markdown: out.write(RuleDocumentation.markdown(rules))
    case .json: out.write(RuleDocumentation.json(rules))
    }
    out.flush()
  }
}
