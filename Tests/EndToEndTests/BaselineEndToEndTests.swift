import Foundation
import Testing

// `--write-baseline` / `--baseline` on real files: the same post named another way, and an unrelated
// edit that moves the classifier's probability, still match; a new finding does not.

@Suite("check: baselines")
struct BaselineEndToEndTests {
  @Test func pathsAndEditsDoNotResurrectBaselinedFindings() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-baseline-\(UUID().uuidString)", isDirectory: true)
    let folder = root.appendingPathComponent("帖子 目录")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data().write(to: root.appendingPathComponent(".siyu.yml"))
    let post = folder.appendingPathComponent("a.md")
    try Data("---\nchannel: moments\n---\n这件大衣原价899，今天只要399元，私聊我！\n".utf8).write(to: post)
    let written = try runSiyu(["check", "--write-baseline", "base.json", "帖子 目录"], in: root)
    #expect(written.status == 0, "\(written.stderrText)")
    let base = try Data(contentsOf: root.appendingPathComponent("base.json"))
    #expect(base.last == 0x0A)
    for (arguments, directory) in [
      (["帖子 目录"], root), (["./帖子 目录"], root), ([folder.path], root), (["."], folder),
    ] {
      let baseline = directory == root ? "base.json" : "../base.json"
      let result = try runSiyu(["check", "--baseline", baseline] + arguments, in: directory)
      #expect(result.status == 0, "\(arguments): \(String(decoding: result.stdout, as: UTF8.self))")
    }
    // An unrelated sentence changes the classifier's probability, not what was baselined.
    try Data("---\nchannel: moments\n---\n衣服会有淡淡的香味。\n这件大衣原价899，今天只要399元，私聊我！\n".utf8).write(
      to: post)
    #expect(try runSiyu(["check", "--baseline", "base.json", "帖子 目录"], in: root).status == 0)
    // A new finding is still reported.
    try Data("---\nchannel: moments\n---\n这件大衣原价899，今天只要399元，私聊我！国家级品质。\n".utf8).write(to: post)
    let new = try runSiyu(["check", "--baseline", "base.json", "帖子 目录"], in: root)
    #expect(new.status == 1)
    #expect(String(decoding: new.stdout, as: UTF8.self).contains("ad-law/absolute"))
  }
}
