import Foundation
import Testing

/// `siyu check --fix` and `--fix-dry-run` on real files in a scratch folder: substitutions only, front
/// matter, BOM and CRLF kept byte for byte, batch rows and stdin never written.
@Suite struct FixEndToEndTests {
  /// A post with front matter, a BOM and CRLF line ends, two ad-law terms with replacements, one
  /// without (100%), and a price that has no fix.
  static let post = Data(
    ("\u{FEFF}---\r\nchannel: moments\r\n---\r\n这是顶级工艺，全网最低价¥99！\r\n100%有效\r\n").utf8)
  static let fixed = Data(
    ("\u{FEFF}---\r\nchannel: moments\r\n---\r\n这是高端工艺，实惠价¥99！\r\n100%有效\r\n").utf8)

  private func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("siyu-e2e-fix-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func dryRunPrintsADiffAndChangesNothing() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("a.md")
    try Self.post.write(to: file)
    let result = try runSiyu(["check", "--fix-dry-run", "a.md"], in: dir)
    // 100% has no replacement: an error-level finding is left after the fixes, so the exit code is 1.
    #expect(result.status == 1, "stderr:\n\(result.stderrText)")
    #expect(result.stderrText.contains("修复后仍有"), "stderr:\n\(result.stderrText)")
    #expect(
      String(decoding: result.stdout, as: UTF8.self)
        == "--- a/a.md\n+++ b/a.md\n@@ -1,5 +1,5 @@\n \u{FEFF}---\r\n channel: moments\r\n ---\r\n"
        + "-这是顶级工艺，全网最低价¥99！\r\n+这是高端工艺，实惠价¥99！\r\n 100%有效\r\n")
    #expect(try Data(contentsOf: file) == Self.post)
    // GNU patch applies it to the same bytes --fix writes (BOM and CRLF kept).
    let patch = Process()
    patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    patch.arguments = ["patch", "-s", "-p1"]
    patch.currentDirectoryURL = dir
    let input = Pipe()
    patch.standardInput = input
    try patch.run()
    input.fileHandleForWriting.write(result.stdout)
    try input.fileHandleForWriting.close()
    patch.waitUntilExit()
    #expect(patch.terminationStatus == 0)
    #expect(try Data(contentsOf: file) == Self.fixed)
  }

  /// `--fix-dry-run` and `--fix` exit as `check` would on what is left after the fixes: a post whose
  /// only error is fixable exits 0 (plain `check` exits 1), one with an error the fixes leave exits 1,
  /// and `--max-warnings` counts the warnings left.
  @Test func dryRunAndFixExitOnWhatTheFixesLeave() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fixable = "---\nchannel: moments\n---\n这是顶级工艺。\n"
    let unfixable = "---\nchannel: moments\n---\n这是顶级工艺，100%有效。\n"
    let warned = "---\nchannel: moments\n---\n这是顶级工艺。🔥🔥🔥\n"
    for (name, text) in [("fixable.md", fixable), ("unfixable.md", unfixable), ("warned.md", warned)] {
      try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }
    for name in ["fixable.md", "unfixable.md", "warned.md"] {
      #expect(try runSiyu(["check", name], in: dir).status == 1, "check \(name)")
    }
    let cases: [([String], Int32)] = [
      (["fixable.md"], 0),
      (["unfixable.md"], 1),
      (["fixable.md", "unfixable.md"], 1),
      (["warned.md"], 0),
      (["--max-warnings", "1", "warned.md"], 0),
      (["--max-warnings", "0", "warned.md"], 1),
      (["--format", "json", "fixable.md"], 0),
    ]
    for (args, code) in cases {
      let result = try runSiyu(["check", "--fix-dry-run"] + args, in: dir)
      #expect(result.status == code, "--fix-dry-run \(args); stderr:\n\(result.stderrText)")
      #expect(String(decoding: result.stdout, as: UTF8.self).contains("+这是高端工艺"), "\(args)")
      #expect(result.stderrText.contains("修复后仍有") == (code == 1), "\(args): \(result.stderrText)")
    }
    #expect(try Data(contentsOf: dir.appendingPathComponent("fixable.md")) == Data(fixable.utf8))
    // --fix gives the same exit codes, reporting what is left.
    let clean = try runSiyu(["check", "--fix", "fixable.md"], in: dir)
    #expect(clean.status == 0, "stderr:\n\(clean.stderrText)")
    #expect(clean.stderrText.contains("已修改 fixable.md：替换 1 处"), "\(clean.stderrText)")
    #expect(try runSiyu(["check", "fixable.md"], in: dir).status == 0)
    let fixed = try runSiyu(["check", "--fix", "--max-warnings", "0", "warned.md"], in: dir)
    #expect(fixed.status == 1, "stderr:\n\(fixed.stderrText)")
    #expect(fixed.stderrText.contains("已修改 warned.md：替换 1 处"), "\(fixed.stderrText)")
    #expect(String(decoding: fixed.stdout, as: UTF8.self).contains("hard-sell/shouting"))
  }

  @Test func fixRewritesOnlyTheSubstitutionsAndReportsWhatIsLeft() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("a.md")
    try Self.post.write(to: file)
    let result = try runSiyu(["check", "--fix", "--no-color", "a.md"], in: dir)
    #expect(try Data(contentsOf: file) == Self.fixed)
    #expect(result.stderrText.contains("已修改 a.md：替换 2 处"))
    // 100% has no replacement: still an error after the fix, so the exit code is 1.
    #expect(result.status == 1)
    let out = String(decoding: result.stdout, as: UTF8.self)
    #expect(out.contains("「100%」"))
    #expect(!out.contains("「顶级」"))
    // A second run has nothing left to fix.
    let again = try runSiyu(["check", "--fix", "a.md"], in: dir)
    #expect(!again.stderrText.contains("已修改"))
    #expect(try Data(contentsOf: file) == Self.fixed)
  }

  /// A replacement that reads well in some sentences only (最佳 → 优秀, 冠军 → 热门) is offered in the
  /// message and SARIF's fixes but `--fix` leaves the text as it is.
  @Test func suggestOnlyReplacementsAreNotApplied() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = "---\nchannel: moments\n---\n这是最佳选择，用冠军品质的水，全网最低价。\n"
    let file = dir.appendingPathComponent("a.md")
    try Data(text.utf8).write(to: file)
    let result = try runSiyu(["check", "--fix", "--no-color", "a.md"], in: dir)
    #expect(result.stderrText.contains("已修改 a.md：替换 1 处"), "\(result.stderrText)")
    #expect(
      try String(contentsOf: file, encoding: .utf8)
        == "---\nchannel: moments\n---\n这是最佳选择，用冠军品质的水，实惠价。\n")
    let out = String(decoding: result.stdout, as: UTF8.self)
    #expect(out.contains("建议改为「优秀」") && out.contains("建议改为「热门」"), "\(out)")
    let sarif = try runSiyu(["check", "--format", "sarif", "a.md"], in: dir)
    #expect(String(decoding: sarif.stdout, as: UTF8.self).contains("替换为「优秀」"))
    // JSON says which suggestions `--fix` applies, so a tool applying them can do the same.
    let json = try runSiyu(["check", "--format", "json", "a.md"], in: dir)
    let document = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    let files = try #require(document["files"] as? [[String: Any]])
    let findings = try #require(files.first?["findings"] as? [[String: Any]])
    var safety: [String: Bool] = [:]
    for finding in findings {
      guard let suggestion = finding["suggestion"] as? [String: Any],
        let replacement = suggestion["replacement"] as? String
      else { continue }
      safety[replacement] = suggestion["safe"] as? Bool
    }
    #expect(safety == ["优秀": false, "热门": false], "\(safety)")
    try Data("---\nchannel: moments\n---\n这是顶级工艺。\n".utf8).write(to: file)
    let safe = try runSiyu(["check", "--format", "json", "a.md"], in: dir)
    #expect(String(decoding: safe.stdout, as: UTF8.self).contains(#""replacement":"高端","#))
    #expect(String(decoding: safe.stdout, as: UTF8.self).contains(#""safe":true"#))
  }

  /// The re-check after a fix runs the caps too: a cap finding on the fixed post stays in the report.
  @Test func capFindingsSurviveTheRecheckOfAFixedPost() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("caps:\n  moments: { per_day: 1 }\n".utf8).write(to: dir.appendingPathComponent(".siyu.yml"))
    let first = "---\nchannel: moments\npublish_at: 2026-03-02T09:00:00+08:00\n---\n今天去山里走了走，空气很好。\n"
    let second = "---\nchannel: moments\npublish_at: 2026-03-02T15:00:00+08:00\n---\n这是顶级的散步路线。\n"
    try Data(first.utf8).write(to: dir.appendingPathComponent("a.md"))
    try Data(second.utf8).write(to: dir.appendingPathComponent("b.md"))
    let before = try runSiyu(["check", "--format", "json", "a.md", "b.md"], in: dir)
    #expect(String(decoding: before.stdout, as: UTF8.self).contains("cap/daily"))
    let result = try runSiyu(["check", "--fix", "--format", "json", "a.md", "b.md"], in: dir)
    #expect(result.stderrText.contains("已修改 b.md：替换 1 处"), "stderr:\n\(result.stderrText)")
    let out = String(decoding: result.stdout, as: UTF8.self)
    #expect(out.contains("cap/daily"), "stdout:\n\(out)")
    #expect(!out.contains("ad-law/absolute"))
    #expect(result.status == 1)
  }

  @Test func batchFilesAndStdinAreNeverWritten() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let batch = dir.appendingPathComponent("posts.jsonl")
    let rows = Data("{\"text\":\"这是顶级工艺\"}\n".utf8)
    try rows.write(to: batch)
    let named = dir.appendingPathComponent("named.md")
    try Data("原文不动\n".utf8).write(to: named)
    let result = try runSiyu(
      ["check", "--fix", "--stdin-filename", "named.md", "posts.jsonl"], in: dir, stdin: Data("顶级工艺\n".utf8))
    #expect(result.status == 1)
    #expect(try Data(contentsOf: batch) == rows)
    #expect(try Data(contentsOf: named) == Data("原文不动\n".utf8))
  }

  /// A symlink and its target named in one run are one file: changed once, both names checked again
  /// with the fixed text, no "changed since it was read" error; the symlink stays a symlink.
  @Test func aFileReachedByTwoNamesIsFixedOnce() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = Data("---\nchannel: moments\n---\n这是顶级的好产品。\n".utf8)
    let file = dir.appendingPathComponent("a.md")
    try original.write(to: file)
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("link.md").path, withDestinationPath: "a.md")
    let dry = try runSiyu(["check", "--fix-dry-run", "a.md", "link.md"], in: dir)
    #expect(dry.status == 0, "stderr:\n\(dry.stderrText)")
    #expect(String(decoding: dry.stdout, as: UTF8.self).components(separatedBy: "+++ ").count == 2)
    #expect(try Data(contentsOf: file) == original)
    let fix = try runSiyu(["check", "--fix", "a.md", "link.md"], in: dir)
    #expect(fix.status == 0, "stderr:\n\(fix.stderrText)")
    #expect(fix.stderrText == "已修改 a.md：替换 1 处\n")
    #expect(try String(contentsOf: file, encoding: .utf8).contains("这是高端的好产品。"))
    let link = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("link.md").path)
    #expect(link[.type] as? FileAttributeType == .typeSymbolicLink)
  }

  @Test func fixAndDryRunTogetherIsAUsageError() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runSiyu(["check", "--fix", "--fix-dry-run", "."], in: dir)
    #expect(result.status == 2)
  }
}
