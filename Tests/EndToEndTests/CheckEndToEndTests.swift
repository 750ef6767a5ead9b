import Foundation
import Testing

// End-to-end tests of `siyu check` on Tests/Fixtures/check (format in Fixtures.swift): exit codes, human and
// JSON output, configuration errors, suppressions, batch files, stdin and baselines through the real binary.

@Suite("siyu check, end to end")
struct CheckEndToEndTests {
  static let requiredCases = [
    "clean", "warnings-human", "error-level", "json-output", "broken-input", "suppression", "config-error",
    "stdin", "jsonl-batch", "max-warnings", "quiet", "baseline", "siyuignore", "override",
  ]

  @Test("the fixture directory holds the required cases")
  func fixturesArePresent() {
    let names = Fixtures.caseNames("check")
    for name in Self.requiredCases {
      #expect(names.contains(name), "missing fixture case \(name)")
    }
  }

  /// SPEC.md's global options may come before the subcommand: the same run as with them after it.
  @Test("global options before the subcommand")
  func globalOptionsBeforeTheSubcommand() throws {
    let folder = try Scratch()
    try folder.write("a.md", "---\nchannel: moments\n---\n这是国家级的好产品。\n")
    try folder.write("cfg/siyu.yml", "rules:\n  ad-law/absolute: warning\n")
    let after = try runSiyu(
      ["check", "--no-color", "--config", "cfg/siyu.yml", "--format", "json", "a.md"], in: folder.root)
    #expect(after.status == 0, "\(after.stderrText)")
    #expect(String(decoding: after.stdout, as: UTF8.self).contains("\"severity\":\"warning\""))
    for before in [
      ["--no-color", "--config", "cfg/siyu.yml", "--format", "json", "check", "a.md"],
      ["--config=cfg/siyu.yml", "--format=json", "check", "--no-color", "a.md"],
    ] {
      let result = try runSiyu(before, in: folder.root)
      #expect(
        result.status == after.status && result.stdout == after.stdout, "\(before): \(result.stderrText)")
    }
    // A nested subcommand takes them after both names; one that has no such option says so, except for
    // the two display flags before it, which are dropped: the output is the same as without them.
    let persona = try runSiyu(
      ["--config", "cfg/siyu.yml", "persona", "learn", "x", "a.md", "--output", "-"], in: folder.root)
    #expect(persona.status == 0, "\(persona.stderrText)")
    let rules = try runSiyu(["rules", "--format", "json"], in: folder.root)
    #expect(rules.status == 0 && !rules.stdout.isEmpty, "\(rules.stderrText)")
    for flags in [["--quiet"], ["--no-color"], ["--no-color", "--quiet"]] {
      let before = try runSiyu(flags + ["rules", "--format", "json"], in: folder.root)
      #expect(before.status == 0 && before.stdout == rules.stdout, "\(flags): \(before.stderrText)")
      let nested = try runSiyu(
        flags + ["--config", "cfg/siyu.yml", "persona", "learn", "x", "a.md", "--output", "-"],
        in: folder.root)
      #expect(nested.status == 0 && nested.stdout == persona.stdout, "\(flags): \(nested.stderrText)")
    }
    let own = try runSiyu(["rules", "--quiet"], in: folder.root)
    #expect(own.status == 2 && own.stderrText.hasPrefix("错误：未知选项 '--quiet'"), "\(own.stderrText)")
    let format = try runSiyu(["--format", "json", "init"], in: folder.root)
    #expect(format.status == 2 && format.stderrText.hasPrefix("错误：未知选项 '--format'"), "\(format.stderrText)")
  }

  @Test("check fixture", arguments: Fixtures.caseNames("check"))
  func fixture(_ name: String) throws {
    try Fixtures.run(suite: "check", name: name, defaultArgs: ["check", "posts"])
  }
}
