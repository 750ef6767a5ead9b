import Foundation
import Testing

// `siyu hook install` and `siyu check --staged` in a real git repository in a temporary folder: the hook
// blocks a commit that breaks a cap and lets the fixed one through; content comes from the index, not the
// work tree; file names with spaces and Chinese characters work; the history cache survives corruption.

/// A throwaway git repository.
struct GitRepository {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-git-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try git("init", "-q")
    try git("config", "user.name", "siyu test")
    try git("config", "user.email", "test@example.invalid")
    try git("config", "commit.gpgsign", "false")
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  /// Runs git; its exit status and combined output.
  @discardableResult
  func git(_ args: String...) throws -> (status: Int32, output: String) {
    try run(args)
  }

  func run(_ args: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + args
    process.currentDirectoryURL = root
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = root.path
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let output = root.appendingPathComponent(".git-output-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    let handle = try FileHandle(forWritingTo: output)
    defer { try? FileManager.default.removeItem(at: output) }
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, String(decoding: try Data(contentsOf: output), as: UTF8.self))
  }

  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// A moments post published at `time` (`2026-11-24T09:00`).
  static func post(_ time: String, _ text: String) -> String {
    "---\nchannel: moments\npublish_at: \(time)+08:00\n---\n\(text)\n"
  }
}

@Suite("git pre-commit hook, end to end", .serialized)
struct GitHookEndToEndTests {
  static let tips = [
    "今天分享一个护肤小技巧：洗脸水温别太高，三十七度左右最合适。",
    "午间分享：防晒要每两三个小时补涂一次，阴天也一样。",
    "晚上回答群里问得最多的问题：敏感肌可以用果酸吗？先从低浓度开始。",
    "周末带孩子去公园，发现银杏叶全黄了，拍了几张给大家看看。",
  ]
  static let lastWeek = "冬天手干裂怎么办？分享三个小方法：洗手后马上涂护手霜，晚上厚涂再戴棉手套，洗碗一定戴手套。"

  /// A repository with `.siyu.yml`, three moments posts on 11月24日 and one from the week before,
  /// committed, and the hook installed.
  static func repository() throws -> GitRepository {
    let repo = try GitRepository()
    try repo.write(".siyu.yml", "history: [\"posts/**/*.md\"]\n")
    try repo.write("posts/11月24日 早安.md", GitRepository.post("2026-11-24T09:00", tips[0]))
    try repo.write("posts/11月24日 午间.md", GitRepository.post("2026-11-24T12:00", tips[1]))
    try repo.write("posts/11月24日 晚上.md", GitRepository.post("2026-11-24T18:00", tips[2]))
    try repo.write("posts/上周/护手.md", GitRepository.post("2026-11-17T09:00", lastWeek))
    try repo.git("add", "-A")
    let commit = try repo.git("commit", "-q", "-m", "history")
    #expect(commit.status == 0, "\(commit.output)")
    let install = try runSiyu(["hook", "install"], in: repo.root)
    #expect(install.status == 0, "\(install.stderrText)")
    return repo
  }

  @Test func fourthPostOfTheDayBlocksTheCommitAndTheNextDayPasses() throws {
    let repo = try Self.repository()
    defer { repo.remove() }
    let path = "posts/11月24日 晚安 draft.md"
    try repo.write(path, GitRepository.post("2026-11-24T20:30", Self.tips[3]))
    try repo.git("add", path)
    let blocked = try repo.git("commit", "-m", "4th post")
    #expect(blocked.status != 0, "commit went through:\n\(blocked.output)")
    #expect(blocked.output.contains("cap/daily"), "\(blocked.output)")
    #expect(blocked.output.contains("朋友圈 11月24日第 4 条，超过每日上限 3 条"), "\(blocked.output)")
    #expect(blocked.output.contains(path), "\(blocked.output)")
    #expect(
      try repo.git("rev-list", "--count", "HEAD").output.trimmingCharacters(in: .whitespacesAndNewlines)
        == "1")

    try repo.write(path, GitRepository.post("2026-11-25T09:00", Self.tips[3]))
    try repo.git("add", path)
    let passed = try repo.git("commit", "-m", "next day")
    #expect(passed.status == 0, "\(passed.output)")
    #expect(
      try repo.git("rev-list", "--count", "HEAD").output.trimmingCharacters(in: .whitespacesAndNewlines)
        == "2")
  }

  @Test func nearDuplicateOfLastWeeksPostIsCaught() throws {
    let repo = try Self.repository()
    defer { repo.remove() }
    let repost = Self.lastWeek.replacingOccurrences(of: "三个", with: "3个")
      .replacingOccurrences(of: "洗碗一定戴手套。", with: "洗碗一定要戴手套！")
    try repo.write("posts/repost.md", GitRepository.post("2026-11-23T10:00", repost))
    try repo.git("add", "posts/repost.md")
    let blocked = try repo.git("commit", "-m", "repost")
    #expect(blocked.status != 0, "\(blocked.output)")
    #expect(
      blocked.output.contains("cap/duplicate") && blocked.output.contains("posts/上周/护手.md"),
      "\(blocked.output)")
  }

  @Test func unstagedEditsDoNotChangeTheResult() throws {
    let repo = try Self.repository()
    defer { repo.remove() }
    // Staged: a clean post on the next day. Work tree: the same file moved to the full day.
    try repo.write("posts/draft.md", GitRepository.post("2026-11-25T09:00", Self.tips[3]))
    try repo.git("add", "posts/draft.md")
    let clean = try runSiyu(["check", "--staged"], in: repo.root)
    try repo.write("posts/draft.md", GitRepository.post("2026-11-24T20:30", Self.tips[3]))
    let afterEdit = try runSiyu(["check", "--staged"], in: repo.root)
    #expect(clean.status == 0 && afterEdit.status == 0, "\(afterEdit.stderrText)")
    #expect(clean.stdout == afterEdit.stdout)
    // The other way round: the staged version breaks the cap, the work tree is fixed but not staged.
    try repo.git("add", "posts/draft.md")
    try repo.write("posts/draft.md", GitRepository.post("2026-11-25T09:00", Self.tips[3]))
    let staged = try runSiyu(["check", "--staged"], in: repo.root)
    #expect(staged.status == 1)
    #expect(String(decoding: staged.stdout, as: UTF8.self).contains("cap/daily"))
    // Without --staged the work tree is checked.
    #expect(try runSiyu(["check", "posts/draft.md"], in: repo.root).status == 0)
  }

  @Test func deletedFilesDropOutOfTheHistory() throws {
    let repo = try Self.repository()
    defer { repo.remove() }
    try repo.write("posts/draft.md", GitRepository.post("2026-11-24T20:30", Self.tips[3]))
    try repo.git("add", "posts/draft.md")
    #expect(try runSiyu(["check", "--staged"], in: repo.root).status == 1)
    try repo.git("rm", "-q", "posts/11月24日 午间.md")
    let result = try runSiyu(["check", "--staged"], in: repo.root)
    #expect(result.status == 0, "\(String(decoding: result.stdout, as: UTF8.self))")
  }

  @Test func corruptCacheIsRebuilt() throws {
    let repo = try Self.repository()
    defer { repo.remove() }
    try repo.write("posts/draft.md", GitRepository.post("2026-11-24T20:30", Self.tips[3]))
    try repo.git("add", "posts/draft.md")
    let first = try runSiyu(["check", "--staged"], in: repo.root)
    let cache = repo.root.appendingPathComponent(".git/siyu/history-cache")
    let written = try Data(contentsOf: cache)
    #expect(written.count > 100)
    try Data("not a cache".utf8).write(to: cache)
    let second = try runSiyu(["check", "--staged"], in: repo.root)
    #expect(first.status == 1 && second.status == 1 && first.stdout == second.stdout)
    #expect(try Data(contentsOf: cache) == written)
  }

  @Test func hookHonoursHooksPathAndLeavesForeignHooksAlone() throws {
    let repo = try GitRepository()
    defer { repo.remove() }
    try repo.git("config", "core.hooksPath", "team hooks")
    let foreign = "#!/bin/sh\necho team hook\n"
    try repo.write("team hooks/pre-commit", foreign)
    let refused = try runSiyu(["hook", "install"], in: repo.root)
    #expect(refused.status == 2 && refused.stderrText.contains("--force"))
    #expect(
      try String(contentsOf: repo.root.appendingPathComponent("team hooks/pre-commit"), encoding: .utf8)
        == foreign)
    #expect(try runSiyu(["hook", "uninstall"], in: repo.root).status == 2)
    let forced = try runSiyu(["hook", "install", "--force"], in: repo.root)
    #expect(forced.status == 0)
    // The team's hook is kept next to siyu's, executable.
    let backup = repo.root.appendingPathComponent("team hooks/pre-commit.siyu-backup")
    #expect(try String(contentsOf: backup, encoding: .utf8) == foreign)
    #expect(FileManager.default.isExecutableFile(atPath: backup.path))
    #expect(forced.stderrText.contains("原来的钩子已备份为"), "\(forced.stderrText)")
    let hook = repo.root.appendingPathComponent("team hooks/pre-commit")
    #expect(try String(contentsOf: hook, encoding: .utf8).contains("siyu-hook"))
    #expect(FileManager.default.isExecutableFile(atPath: hook.path))
    #expect(
      !FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".git/hooks/pre-commit").path))
    #expect(try runSiyu(["hook", "uninstall"], in: repo.root).status == 0)
    #expect(!FileManager.default.fileExists(atPath: hook.path))
  }

  /// `history: ["posts/"]` covers everything under posts/ (gitignore syntax), so the staged draft is found
  /// and judged; `!` takes a folder back out.
  @Test func folderPatternsSelectTheHistoryAndNegationsExclude() throws {
    let repo = try Self.repository()
    defer { repo.remove() }
    try repo.write(".siyu.yml", "history: [\"posts/\"]\n")
    try repo.write("posts/draft.md", GitRepository.post("2026-11-24T20:30", Self.tips[3]))
    try repo.git("add", "-A")
    let blocked = try runSiyu(["check", "--staged"], in: repo.root)
    #expect(blocked.status == 1, "\(blocked.stderrText)")
    #expect(String(decoding: blocked.stdout, as: UTF8.self).contains("超过每日上限 3 条"))
    // Two of the day's three posts moved to an excluded folder: the draft is the 2nd of the day.
    try repo.write(".siyu.yml", "history: [\"posts/\", \"!posts/旧/\"]\n")
    try FileManager.default.createDirectory(
      at: repo.root.appendingPathComponent("posts/旧"), withIntermediateDirectories: true)
    #expect(try repo.git("mv", "posts/11月24日 早安.md", "posts/旧/早安.md").status == 0)
    #expect(try repo.git("mv", "posts/11月24日 午间.md", "posts/旧/午间.md").status == 0)
    try repo.git("add", "-A")
    let passed = try runSiyu(["check", "--staged"], in: repo.root)
    #expect(passed.status == 0, "\(String(decoding: passed.stdout, as: UTF8.self))")
  }

  /// `pre-commit run --all-files` passes every file and stages none: a named file that is not staged is
  /// checked from the work tree (the committed version), a named batch file whatever its extension, and
  /// a name that does not exist is an error rather than a silent pass.
  @Test func namedFilesAreCheckedEvenWhenNothingIsStaged() throws {
    let repo = try GitRepository()
    defer { repo.remove() }
    try repo.write("posts/new.md", "---\nchannel: moments\n---\n这款是国家级好物，全网最低价！\n")
    try repo.write("data/rows.jsonl", "{\"text\":\"顶级好物，全网最低价\",\"channel\":\"moments\"}\n")
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "posts")
    #expect(try runSiyu(["check", "--staged"], in: repo.root).status == 0)
    let named = try runSiyu(["check", "--staged", "posts/new.md", "data/rows.jsonl"], in: repo.root)
    let out = String(decoding: named.stdout, as: UTF8.self)
    #expect(named.status == 1, "\(named.stderrText)")
    #expect(out.contains("posts/new.md") && out.contains("data/rows.jsonl#1"), "\(out)")
    let missing = try runSiyu(["check", "--staged", "nothere.md"], in: repo.root)
    #expect(missing.status == 2)
    #expect(missing.stderrText.contains("nothere.md: 没有这个文件或目录"))
  }

  /// Without `history` (`siyu init` writes `history: []`), the hook's history is the index's posts, so a
  /// fourth post on a day with three committed ones is still blocked.
  @Test func withoutHistoryTheIndexPostsAreTheHistory() throws {
    let repo = try Self.repository()
    defer { repo.remove() }
    try repo.write(".siyu.yml", "history: []\n")
    try repo.write("posts/draft.md", GitRepository.post("2026-11-24T20:30", Self.tips[3]))
    try repo.git("add", "-A")
    let blocked = try runSiyu(["check", "--staged"], in: repo.root)
    #expect(blocked.status == 1, "\(blocked.stderrText)")
    #expect(String(decoding: blocked.stdout, as: UTF8.self).contains("超过每日上限 3 条"))
    // What .siyuignore excludes is not history either.
    try repo.write(".siyuignore", "posts/11月24日 早安.md\n")
    try repo.git("add", "-A")
    let passed = try runSiyu(["check", "--staged"], in: repo.root)
    #expect(passed.status == 0, "\(String(decoding: passed.stdout, as: UTF8.self))")
  }

  /// Without `history`, `--staged` skips what `.siyuignore` files in subfolders exclude, as `check .` does.
  @Test func stagedHonoursNestedIgnoreFiles() throws {
    let repo = try GitRepository()
    defer { repo.remove() }
    try repo.write("posts/.siyuignore", "old/\n")
    try repo.write("posts/old/blast.md", "家人们限时秒杀原价399现在99元！！！扫码下单加微信abc12345\n")
    try repo.write("posts/new.md", Self.tips[0] + "\n")
    try repo.git("add", "-A")
    let staged = try runSiyu(["check", "--staged", "--format", "json"], in: repo.root)
    let walked = try runSiyu(["check", ".", "--format", "json"], in: repo.root)
    let stagedText = String(decoding: staged.stdout, as: UTF8.self)
    #expect(staged.status == 0, "\(stagedText)")
    #expect(!stagedText.contains("blast.md") && stagedText.contains("new.md"), "\(stagedText)")
    #expect(walked.status == 0 && !String(decoding: walked.stdout, as: UTF8.self).contains("blast.md"))
  }

  @Test func outsideARepositoryIsAClearError() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-nogit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runSiyu(
      ["check", "--staged"], in: folder,
      environment: ["GIT_CEILING_DIRECTORIES": folder.deletingLastPathComponent().path])
    #expect(result.status == 2 && result.stderrText.contains("不是 git 仓库"), "\(result.stderrText)")
  }
}
