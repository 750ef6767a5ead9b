import Foundation
import Testing

/// A FIFO given as a path (mkfifo, or bash's `<(…)`) is read once, like stdin: a second open would find it
/// empty or wait for a writer that never comes. Each test makes a real FIFO and writes the post into it
/// from a child process; a run that opens the FIFO twice hangs and fails on the time limit.
@Suite("FIFO inputs, end to end")
struct FIFOInputTests {
  static let post = "---\nchannel: moments\n---\n这是最佳的产品。\n"

  /// A FIFO named `name` in `folder` with a `/bin/sh` child that writes `text` into it once a reader
  /// opens it.
  private func fifo(_ name: String, in folder: Scratch, text: String) throws -> Process {
    let path = folder.path(name)
    #expect(mkfifo(path, 0o600) == 0, "mkfifo \(path): errno \(errno)")
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/sh")
    writer.arguments = ["-c", "printf '%s' \"$1\" > \"$2\"", "sh", text, path]
    writer.standardInput = FileHandle.nullDevice
    try writer.run()
    return writer
  }

  /// Ends the writer if siyu never read the FIFO to its end, so that no test leaves it behind.
  private func finish(_ writer: Process) {
    if writer.isRunning { writer.terminate() }
    writer.waitUntilExit()
  }

  @Test("check reads a FIFO post: its findings, positions and exit code")
  func checkHuman() throws {
    let folder = try Scratch()
    let writer = try fifo("post.md", in: folder, text: Self.post)
    defer { finish(writer) }
    let result = try runSiyu(["check", "--no-color", "post.md"], in: folder.root, timeout: 60)
    let out = String(decoding: result.stdout, as: UTF8.self)
    #expect(result.status == 1, "stdout:\n\(out)\nstderr:\n\(result.stderrText)")
    #expect(out.hasPrefix("post.md\n"), "\(out)")
    #expect(out.contains("4:3 "), "\(out)")
    #expect(out.contains("「最佳」"), "\(out)")
    #expect(out.contains("ad-law/absolute"), "\(out)")
  }

  @Test("check --format json: the FIFO is one post with its findings, next to a regular file")
  func checkJSON() throws {
    let folder = try Scratch()
    try folder.write("b.md", Self.post)
    let writer = try fifo("a.md", in: folder, text: Self.post)
    defer { finish(writer) }
    let result = try runSiyu(["check", "--format", "json", "a.md", "b.md"], in: folder.root, timeout: 60)
    #expect(result.status == 1, "stderr:\n\(result.stderrText)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], "output is not JSON")
    let files = try #require(report["files"] as? [[String: Any]])
    #expect(files.map { $0["path"] as? String } == ["a.md", "b.md"])
    // The FIFO gives exactly what the regular file with the same bytes gives.
    let findings = files.map { file in
      ((file["findings"] as? [[String: Any]]) ?? []).map { "\($0["rule"] ?? "") \($0["line"] ?? "")" }
    }
    #expect(findings[0] == findings[1])
    #expect(findings[0].contains("ad-law/absolute 4"), "\(findings[0])")
  }

  @Test("check --fix leaves a FIFO alone, without opening it again")
  func checkFix() throws {
    let folder = try Scratch()
    let writer = try fifo("post.md", in: folder, text: Self.post)
    defer { finish(writer) }
    let result = try runSiyu(["check", "--fix", "post.md"], in: folder.root, timeout: 60)
    #expect(result.status == 1, "stderr:\n\(result.stderrText)")
    #expect(!result.stderrText.contains("已修改"), "\(result.stderrText)")
    #expect(String(decoding: result.stdout, as: UTF8.self).contains("ad-law/absolute"))
    var info = stat()
    #expect(lstat(folder.path("post.md"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path) == ["post.md"])
  }

  @Test("score and segment --file read a FIFO too")
  func scoreAndSegment() throws {
    let folder = try Scratch()
    var writer = try fifo("post.md", in: folder, text: Self.post)
    let score = try runSiyu(
      ["score", "--format", "jsonl", "--summary", "none", "post.md"], in: folder.root, timeout: 60)
    finish(writer)
    #expect(score.status == 0, "stderr:\n\(score.stderrText)")
    #expect(String(decoding: score.stdout, as: UTF8.self).contains("\"rules\":[\"ad-law/absolute\"]"))
    try FileManager.default.removeItem(atPath: folder.path("post.md"))
    writer = try fifo("post.md", in: folder, text: "第一行最佳\n第二行\n")
    let segment = try runSiyu(["segment", "--file", "post.md"], in: folder.root, timeout: 60)
    finish(writer)
    #expect(segment.status == 0, "stderr:\n\(segment.stderrText)")
    #expect(String(decoding: segment.stdout, as: UTF8.self) == "第一 行 最佳\n第二 行\n")
  }
}
