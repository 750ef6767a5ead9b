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

  @Test("check fixture", arguments: Fixtures.caseNames("check"))
  func fixture(_ name: String) throws {
    try Fixtures.run(suite: "check", name: name, defaultArgs: ["check", "posts"])
  }
}
