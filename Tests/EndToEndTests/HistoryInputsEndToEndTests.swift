import Foundation
import Testing

// How `siyu check` tells drafts from history outside git: a draft reached through a symbolic link is
// still its own history file, and a draft that cannot be read is reported once, not again as history.

@Suite("check: drafts and history files")
struct HistoryInputsEndToEndTests {
  static func folder() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-history-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("posts"), withIntermediateDirectories: true)
    try Data("history: [\"posts/**/*.md\"]\n".utf8).write(to: root.appendingPathComponent(".siyu.yml"))
    let post = "---\nchannel: moments\npublish_at: 2026-11-24T10:00+08:00\n---\n今天分享一个煮粥的小窍门：米先泡半小时。\n"
    try Data(post.utf8).write(to: root.appendingPathComponent("posts/a.md"))
    return root
  }

  @Test func draftThroughASymlinkIsNotItsOwnDuplicate() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("current").path, withDestinationPath: "posts")
    let direct = try runSiyu(["check", "posts"], in: root)
    let linked = try runSiyu(["check", "current"], in: root)
    let text = String(decoding: linked.stdout, as: UTF8.self)
    #expect(direct.status == 0)
    #expect(linked.status == 0, "\(text)")
    #expect(!text.contains("cap/duplicate") && !text.contains("cap/gap"), "\(text)")
  }

  @Test func unreadableDraftIsReportedOnce() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    var bytes = Array("---\nchannel: moments\n---\n今天".utf8)
    bytes += [0xFF] + Array("给大家\n".utf8)
    try Data(bytes).write(to: root.appendingPathComponent("posts/broken.md"))
    let result = try runSiyu(["check", "posts/broken.md"], in: root)
    #expect(result.status == 2)
    let lines = result.stderrText.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderrText)")
    #expect(lines.first?.hasPrefix("posts/broken.md:4: ") == true, "\(result.stderrText)")
  }
}
