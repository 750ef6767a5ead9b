import Foundation
import Testing

@testable import SiyuCore

/// A temporary directory tree for input tests, removed by `remove()`.
final class TemporaryTree {
  let root: String

  init() throws {
    let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
    root = IgnoreRules.absolute(base + "siyu-inputs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  /// The absolute path of `relative`.
  func path(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

  /// Writes `text` as UTF-8 to `relative`, creating folders.
  @discardableResult
  func write(_ relative: String, _ text: String = "") throws -> String {
    try write(relative, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ relative: String, bytes: [UInt8]) throws -> String {
    let full = path(relative)
    let folder = (full as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }

  func makeDirectory(_ relative: String) throws {
    try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
  }

  /// Creates a symbolic link at `relative` pointing to `destination` (as written).
  func symlink(_ relative: String, to destination: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
  }

  func remove() {
    // Restore permissions a test may have removed, so the tree can be deleted.
    if let paths = FileManager.default.enumerator(atPath: root) {
      for case let relative as String in paths {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path(relative))
      }
    }
    try? FileManager.default.removeItem(atPath: root)
  }
}

/// `Tests/Fixtures/inputs/NAME`.
func inputFixture(_ name: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/inputs/\(name)").path
}

@Suite struct InputWalkerTests {
  @Test func walksDirectoriesSortedForPostFilesOnly() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("posts/b.md")
    try tree.write("posts/a.txt")
    try tree.write("posts/A.MD")
    try tree.write("posts/notes.json")
    try tree.write("posts/sub/c.md")
    try tree.write("posts/.git/config.md")
    try tree.write("posts/.md")
    let (files, problems) = InputWalker.expand([tree.path("posts")], baseDirectory: tree.root)
    #expect(problems.isEmpty)
    #expect(files == ["A.MD", "a.txt", "b.md", "sub/c.md"].map { tree.path("posts/\($0)") })
  }

  @Test func keepsTheUsersSpelling() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("posts/a.md")
    let withSlash = InputWalker.expand([tree.path("posts") + "/"], baseDirectory: tree.root)
    #expect(withSlash.files == [tree.path("posts/a.md")])
    // A relative spelling from the working directory.
    let cwd = IgnoreRules.absolute(FileManager.default.currentDirectoryPath)
    let ups = cwd.split(separator: "/").map { _ in ".." }.joined(separator: "/")
    let relative = ups + tree.path("posts")
    let result = InputWalker.expand([relative], baseDirectory: tree.root)
    #expect(result.problems.isEmpty)
    #expect(result.files == [relative + "/a.md"])
  }

  @Test func explicitFilesPassThroughAndDuplicatesDrop() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("batch.csv", "text\n")
    try tree.write("a.md")
    try tree.write(".siyuignore", "*.csv\na.md\n")
    let args = [tree.path("batch.csv"), "-", tree.path("a.md"), tree.path("batch.csv")]
    let (files, problems) = InputWalker.expand(args, baseDirectory: tree.root)
    #expect(problems.isEmpty)
    #expect(files == [tree.path("batch.csv"), "-", tree.path("a.md")])
  }

  @Test func missingPathIsAProblemAndOthersContinue() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("a.md")
    let missing = tree.path("nope")
    let (files, problems) = InputWalker.expand([missing, tree.path("a.md")], baseDirectory: tree.root)
    #expect(files == [tree.path("a.md")])
    #expect(problems == [InputProblem(path: missing, message: "没有这个文件或目录")])
    #expect(problems[0].description == "\(missing): 没有这个文件或目录")
  }

  @Test func siyuignoreAtTheBaseAndNested() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".siyuignore", "# drafts are not checked\ndrafts/\n*.txt\n!keep.txt\n/posts/old/\n")
    try tree.write("posts/a.md")
    try tree.write("posts/b.txt")
    try tree.write("posts/keep.txt")
    try tree.write("posts/drafts/x.md")
    try tree.write("posts/old/y.md")
    try tree.write("posts/live/old/z.md")
    // Nested: applies to its subtree only, and re-includes what the base excluded.
    try tree.write("posts/live/.siyuignore", "secret.md\n!*.txt\n")
    try tree.write("posts/live/secret.md")
    try tree.write("posts/live/c.txt")
    try tree.write("posts/secret.md")
    let (files, problems) = InputWalker.expand([tree.path("posts")], baseDirectory: tree.root)
    #expect(problems.isEmpty)
    let expected = ["a.md", "keep.txt", "live/c.txt", "live/old/z.md", "secret.md"]
    #expect(files == expected.map { tree.path("posts/\($0)") })
  }

  @Test func ignoreFilesBetweenTheBaseAndAWalkedDirectoryApply() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("posts/.siyuignore", "skip.md\n")
    try tree.write("posts/live/skip.md")
    try tree.write("posts/live/ok.md")
    let (files, _) = InputWalker.expand([tree.path("posts/live")], baseDirectory: tree.root)
    #expect(files == [tree.path("posts/live/ok.md")])
  }

  @Test func ignoredDirectoryNamedExplicitlyIsStillWalked() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".siyuignore", "drafts/\n")
    try tree.write("drafts/a.md")
    let (files, _) = InputWalker.expand([tree.path("drafts")], baseDirectory: tree.root)
    #expect(files == [tree.path("drafts/a.md")])
    let (all, _) = InputWalker.expand([tree.root], baseDirectory: tree.root)
    #expect(all.isEmpty)
  }

  @Test func symlinkLoopIsReportedOnceAndDoesNotHang() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("posts/a.md")
    try tree.write("posts/sub/b.md")
    try tree.symlink("posts/sub/back", to: "..")
    try tree.symlink("posts/self", to: tree.path("posts/self"))
    try tree.symlink("posts/dangling.md", to: "nowhere.md")
    let (files, problems) = InputWalker.expand([tree.path("posts")], baseDirectory: tree.root)
    #expect(files == [tree.path("posts/a.md"), tree.path("posts/sub/b.md")])
    #expect(problems.filter { $0.message == "符号链接循环，已跳过" }.map(\.path) == [tree.path("posts/sub/back")])
    #expect(problems.contains { $0.path == tree.path("posts/self") })
    #expect(problems.contains { $0.path == tree.path("posts/dangling.md") && $0.message == "符号链接指向的文件不存在" })
    #expect(problems.count == 3)
  }

  @Test func symlinkToASiblingDirectoryIsFollowedOnce() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("real/a.md")
    try tree.symlink("zlink", to: "real")
    let (files, problems) = InputWalker.expand([tree.root], baseDirectory: tree.root)
    #expect(problems.isEmpty)
    #expect(files == [tree.path("real/a.md")])
    let (linked, _) = InputWalker.expand([tree.path("zlink")], baseDirectory: tree.root)
    #expect(linked == [tree.path("zlink/a.md")])
  }

  @Test func unreadableDirectoryIsAProblem() throws {
    guard getuid() != 0 else { return }  // root reads everything
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("posts/a.md")
    try tree.write("posts/locked/b.md")
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: tree.path("posts/locked"))
    let (files, problems) = InputWalker.expand([tree.path("posts")], baseDirectory: tree.root)
    #expect(files == [tree.path("posts/a.md")])
    #expect(problems.map(\.path) == [tree.path("posts/locked")])
  }
}

@Suite struct IgnoreRulesTests {
  @Test func negationAndLastMatchWins() {
    let rules = IgnoreRules(text: "*.md\n!keep.md\n# comment\n\n  \nkeep.md.bak\n", base: "/p")
    #expect(rules.isIgnored("/p/a.md", isDirectory: false))
    #expect(!rules.isIgnored("/p/keep.md", isDirectory: false))
    #expect(!rules.isIgnored("/p/x/keep.md", isDirectory: false))
    #expect(rules.isIgnored("/p/keep.md.bak", isDirectory: false))
    #expect(!rules.isIgnored("/p/a.txt", isDirectory: false))
    #expect(rules.decision(for: "/p/keep.md", isDirectory: false) == false)
    #expect(rules.decision(for: "/p/a.txt", isDirectory: false) == nil)
  }

  @Test func excludedDirectoryExcludesEverythingUnderIt() {
    let rules = IgnoreRules(text: "drafts/\n!drafts/keep.md\n", base: "/p")
    #expect(rules.isIgnored("/p/drafts", isDirectory: true))
    #expect(!rules.isIgnored("/p/drafts", isDirectory: false))
    #expect(rules.isIgnored("/p/drafts/a.md", isDirectory: false))
    // As in git, a file cannot be re-included when its folder is excluded.
    #expect(rules.isIgnored("/p/drafts/keep.md", isDirectory: false))
    #expect(rules.isIgnored("/p/x/drafts/deep/a.md", isDirectory: false))
  }

  @Test func anchoredAndOutsideTheBase() {
    let rules = IgnoreRules(text: "/old\nposts/**/tmp.md\n", base: "/p/q/")
    #expect(rules.isIgnored("/p/q/old/a.md", isDirectory: false))
    #expect(!rules.isIgnored("/p/q/x/old/a.md", isDirectory: false))
    #expect(rules.isIgnored("/p/q/posts/tmp.md", isDirectory: false))
    #expect(rules.isIgnored("/p/q/posts/a/b/tmp.md", isDirectory: false))
    #expect(!rules.isIgnored("/p/old/a.md", isDirectory: false))
    #expect(!rules.isIgnored("/p/q", isDirectory: true))
    #expect(rules.isIgnored("/p/q/./x/../old", isDirectory: true))
  }

  @Test func escapesSpacesCRLFAndRelativePaths() {
    let rules = IgnoreRules(text: "\\#hash.md\r\n\\!bang.md  \ntrail\\ \n", base: "sub")
    let cwd = FileManager.default.currentDirectoryPath
    #expect(rules.base == IgnoreRules.absolute(cwd + "/sub"))
    #expect(rules.isIgnored("sub/#hash.md", isDirectory: false))
    #expect(rules.isIgnored("sub/!bang.md", isDirectory: false))
    #expect(rules.isIgnored("sub/trail ", isDirectory: false))
    #expect(!rules.isIgnored("sub/trail", isDirectory: false))
    #expect(IgnoreRules(text: "# only comments\n", base: "/").isEmpty)
  }
}
