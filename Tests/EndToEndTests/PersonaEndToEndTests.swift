import Foundation
import Testing

// End-to-end tests of `siyu persona` on Tests/Fixtures/persona (format in Fixtures.swift): learning a profile,
// attributing posts in TSV and JSON, and refusing profiles of another version or broken JSON. Checks against
// personas run in Tests/Fixtures/check/persona*.

@Suite("siyu persona, end to end")
struct PersonaEndToEndTests {
  static let requiredCases = [
    "learn", "learn-no-posts", "attribute-tsv", "attribute-json", "attribute-bad-profile",
    "attribute-corrupt-profile",
  ]

  @Test("the fixture directories hold the required cases")
  func fixturesArePresent() {
    let names = Fixtures.caseNames("persona")
    for name in Self.requiredCases {
      #expect(names.contains(name), "missing fixture case \(name)")
    }
    let checks = Fixtures.caseNames("check")
    for name in ["persona", "persona-unknown", "persona-unknown-flag", "persona-file-error"] {
      #expect(checks.contains(name), "missing check fixture case \(name)")
    }
  }

  @Test("persona fixture", arguments: Fixtures.caseNames("persona"))
  func fixture(_ name: String) throws {
    try Fixtures.run(suite: "persona", name: name, defaultArgs: ["persona", "--help"])
  }
}
