import Foundation
import Testing

/// Standard output that cannot be written: every command that prints reports it on stderr and exits 2,
/// never crashes and never exits 0 with its output lost. /dev/full fails every write with ENOSPC; a
/// closed stdout (`>&-`) fails with EBADF.
@Suite("stdout write failures, end to end")
struct OutputFailureTests {
  static let post = "---\nchannel: moments\n---\n这是顶级的好产品，赶紧下单！\n"

  /// Commands with output on stdout, run with stdout on /dev/full in a folder holding `a.md` (`post`).
  static let commands: [[String]] = [
    ["check", "a.md"],
    ["check", "--format", "json", "a.md"],
    ["check", "--format", "sarif", "a.md"],
    ["check", "--fix-dry-run", "a.md"],
    ["score", "--summary", "none", "a.md"],
    ["score", "--format", "jsonl", "--summary", "none", "a.md"],
    ["rules"],
    ["rules", "--format", "json"],
    ["segment", "这是顶级的好产品"],
    ["explain", "--file", "a.md"],
    ["config"],
    ["--help"],
    ["--version"],
  ]

  @Test("stdout on /dev/full: exit 2 and 标准输出: 写入失败 on stderr", arguments: commands)
  func fullDevice(_ args: [String]) throws {
    let folder = try Scratch()
    try folder.write("a.md", Self.post)
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"), "/dev/full cannot be opened")
    defer { try? full.close() }
    let result = try runSiyu(args, in: folder.root, standardOutput: full)
    #expect(result.status == 2, "siyu \(args.joined(separator: " ")); stderr:\n\(result.stderrText)")
    #expect(
      result.stderrText.contains("标准输出: 写入失败：设备上没有空间"),
      "siyu \(args.joined(separator: " ")); stderr:\n\(result.stderrText)")
    #expect(!result.stderrText.contains("Fatal error"), "\(result.stderrText)")
  }

  @Test("stdout on /dev/full with check --fix: the fix is written, the report is not, exit 2")
  func fixThenFullDevice() throws {
    let folder = try Scratch()
    try folder.write("a.md", Self.post)
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let result = try runSiyu(["check", "--fix", "a.md"], in: folder.root, standardOutput: full)
    #expect(result.status == 2, "stderr:\n\(result.stderrText)")
    #expect(result.stderrText.contains("已修改 a.md：替换 1 处"), "\(result.stderrText)")
    #expect(result.stderrText.contains("标准输出: 写入失败"), "\(result.stderrText)")
    #expect(try folder.read("a.md").contains("高端"))
  }

  @Test("a closed stdout (>&-) is an error, and no file siyu opens takes its place")
  func closedStandardOutput() throws {
    let folder = try Scratch()
    try folder.write("a.md", Self.post)
    let result = try runShell("exec \"$0\" check --fix a.md >&-", in: folder.root)
    #expect(result.status == 2, "stderr:\n\(result.stderrText)")
    #expect(result.stderrText.contains("标准输出: 写入失败：标准输出没有打开"), "\(result.stderrText)")
    // The fixed post holds the post, not the report (a file opened on descriptor 1 would get it).
    let fixed = try folder.read("a.md")
    #expect(fixed == Self.post.replacingOccurrences(of: "顶级", with: "高端"), "\(fixed)")
  }

  @Test("nothing to print on a closed stdout is no error")
  func closedStandardOutputUnused() throws {
    let folder = try Scratch()
    try folder.write("clean.md", "今天去山里走了走，空气很好。\n")
    let result = try runShell("exec \"$0\" check clean.md >&-", in: folder.root)
    #expect(result.status == 0, "stderr:\n\(result.stderrText)")
    #expect(result.stderr.isEmpty, "\(result.stderrText)")
  }

  @Test(
    "a reader that went away, with SIGPIPE ignored: 管道已断开, exit 2",
    arguments: [["check", "a.md"], ["score", "--summary", "none", "a.md"]])
  func brokenPipe(_ args: [String]) throws {
    let folder = try Scratch()
    try folder.write("a.md", Self.post)
    // Descriptor 5 is the write end of a FIFO whose only reader has opened it and closed it again, so
    // every write to it fails with EPIPE, with no race against the reader.
    let script = """
      mkfifo pipe || exit 98
      ( exec 4<pipe ) &
      exec 5>pipe
      wait
      trap '' PIPE
      exec "$0" \(args.joined(separator: " ")) >&5
      """
    let result = try runShell(script, in: folder.root)
    #expect(result.signal == 0, "ended by signal \(result.signal)")
    #expect(result.status == 2, "stderr:\n\(result.stderrText)")
    #expect(result.stderrText.contains("标准输出: 写入失败：管道已断开"), "\(result.stderrText)")
  }
}
