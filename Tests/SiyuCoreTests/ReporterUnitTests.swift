import Foundation
import Testing

@testable import SiyuCore

@Suite struct ReporterUnitTests {
  @Test func displayWidth() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("手慢无") == 6)
    #expect(DisplayWidth.of("「」，：！") == 10)
    #expect(DisplayWidth.of("𠮷") == 2)
    #expect(DisplayWidth.of("🔥") == 2)
    #expect(DisplayWidth.of("☀️") == 2)  // U+2600 with emoji presentation
    #expect(DisplayWidth.of("👩‍👩‍👧") == 2)  // one ZWJ sequence
    #expect(DisplayWidth.of("é") == 1)  // e + combining acute
    #expect(DisplayWidth.of("¥99") == 3)
    #expect(DisplayWidth.pad("价格", to: 6) == "价格  ")
  }

  /// Text of scalars that are always their own cluster is summed per scalar; every scalar in those
  /// ranges must give the width its one-scalar cluster gives, and mixed text the per-cluster sum.
  @Test func displayWidthPerScalarAgreesWithClusters() {
    for value in UInt32(0)...0xFFFF where DisplayWidth.isAlwaysOwnCluster(value) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(scalar)
      #expect(text.count == 1, "U+\(String(value, radix: 16)) joins a cluster")
      #expect(DisplayWidth.of(text) == DisplayWidth.of(Character(scalar)), "U+\(String(value, radix: 16))")
    }
    for text in [
      "到手价「¥129」，限时！", "a\r\nb", "e\u{301}手", "한국어", "🇨🇳价格", "家\u{302A}", "ｶﾞ", "价格\u{FE0F}", "tab\there",
    ] {
      #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text)")
    }
  }

  @Test func reportPath() {
    #expect(
      ReportPath("data/batch.jsonl#3").file == "data/batch.jsonl" && ReportPath("data/batch.jsonl#3").row == 3
    )
    #expect(ReportPath("posts/a#b.md").file == "posts/a#b.md" && ReportPath("posts/a#b.md").row == nil)
    #expect(ReportPath("posts/#12").file == "posts/" && ReportPath("posts/#12").row == 12)
    #expect(ReportPath("#12").file == "#12" && ReportPath("#12").row == nil)
    #expect(ReportPath("posts/早安 1.md").fileURI == "posts/%E6%97%A9%E5%AE%89%201.md")
    // Absolute paths are file:// URIs; `.` and `a/..` steps are resolved, leading `..` kept.
    #expect(ReportPath("/abs/a-b_c.~d").fileURI == "file:///abs/a-b_c.~d")
    #expect(ReportPath("sub/../posts/./a.md").fileURI == "posts/a.md")
    #expect(ReportPath("../posts/a.md").fileURI == "../posts/a.md")
    #expect(ReportPath("/tmp/我 的/a.md").fileURI == "file:///tmp/%E6%88%91%20%E7%9A%84/a.md")
  }

  @Test func emptyReports() {
    let empty = CheckReport(files: [], errors: [])
    #expect(HumanReporter(color: true).render(empty, rules: []) == "")
    #expect(
      JSONReporter().render(empty, rules: [])
        == #"{"version":1,"files":[],"errors":[],"summary":{"files":0,"errors":0,"warnings":0,"infos":0}}"#
        + "\n")
    #expect(
      SARIFReporter(toolVersion: "1").render(empty, rules: []).contains("\"executionSuccessful\": true"))
    #expect(
      RDJSONReporter().render(empty, rules: [])
        == "{\n  \"source\": {\n    \"name\": \"siyu\"\n  },\n  \"diagnostics\": []\n}\n")
  }

  @Test func humanPrintsOnlyInputProblemsWhenThereAreNoFindings() {
    let report = CheckReport(
      files: [
        PostReport(path: "a.md", verdict: Verdict(class: .value, probability: 0.1, score: 0), findings: [])
      ],
      errors: [InputProblem(path: "b.md", line: 2, message: "坏了")])
    #expect(HumanReporter().render(report, rules: []) == "b.md:2: 坏了\n")
  }

  @Test func sarifRuleNamesAndLevels() {
    #expect(SARIFReporter.name(of: "hard-sell/emoji-flood") == "HardSellEmojiFlood")
    #expect(SARIFReporter.level(of: RuleLevel.off) == "none")
    #expect(SARIFReporter.level(of: Severity.info) == "note")
  }

  @Test func prettyJSON() {
    let node = JSONNode.object(["a": .array([.int(1), .string("x\"")]), "b": .members([]), "c": nil])
    #expect(node.prettyText == "{\n  \"a\": [\n    1,\n    \"x\\\"\"\n  ],\n  \"b\": {}\n}")
    #expect(node.compactText == "{\"a\":[1,\"x\\\"\"],\"b\":{}}")
  }
}

/// Human output goes to terminals: text from posts and file names must not carry escape sequences or
/// bidirectional overrides there.
@Suite struct HumanReporterSafetyTests {
  @Test func controlAndBidiCharactersAreShownNotObeyed() {
    #expect(HumanReporter.singleLine("普通文字") == "普通文字")
    #expect(HumanReporter.singleLine("一\n二\t三") == "一 二 三")
    #expect(HumanReporter.singleLine("红\u{1B}[31m色") == "红<U+001B>[31m色")
    #expect(HumanReporter.singleLine("价格\u{202E}991") == "价格<U+202E>991")
    #expect(HumanReporter.singleLine("a\u{7F}b\u{2066}c") == "a<U+007F>b<U+2066>c")
    // Emoji sequences with ZWJ and variation selectors are ordinary text.
    #expect(HumanReporter.singleLine("👩‍👩‍👧❤️") == "👩‍👩‍👧❤️")
  }
}

@Suite struct SARIFSourceRootTests {
  /// With a source root, relative artifact URIs name `%SRCROOT%` and the run maps it to the folder.
  @Test func relativeURIsNameTheSourceRoot() throws {
    let finding = Finding(rule: "ad-law/absolute", severity: .error, range: 0..<2, message: "m", points: 1)
    let located = LocatedFinding(
      finding: finding, start: FilePosition(line: 1, column: 1, utf8Column: 1),
      end: FilePosition(line: 1, column: 3, utf8Column: 1))
    let report = CheckReport(
      files: [
        PostReport(
          path: "posts/a.md", verdict: Verdict(class: .value, probability: 0.1, score: 0), findings: [located]
        ),
        PostReport(
          path: "/abs/b.md", verdict: Verdict(class: .value, probability: 0.1, score: 0), findings: [located]),
      ], errors: [])
    let text = SARIFReporter(toolVersion: "1", sourceRoot: "/work/repo").render(report, rules: [])
    let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let bases = run["originalUriBaseIds"] as? [String: [String: String]]
    #expect(bases?["%SRCROOT%"]?["uri"] == "file:///work/repo/")
    let locations = (run["results"] as? [[String: Any]] ?? []).compactMap { result in
      ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
        "artifactLocation"] as? [String: Any]
    }
    #expect(locations.count == 2)
    #expect(locations.first?["uri"] as? String == "posts/a.md")
    #expect(locations.first?["uriBaseId"] as? String == "%SRCROOT%")
    #expect(locations.last?["uri"] as? String == "file:///abs/b.md")
    #expect(locations.last?["uriBaseId"] == nil)
    #expect(!SARIFReporter(toolVersion: "1").render(report, rules: []).contains("SRCROOT"))
  }
}
