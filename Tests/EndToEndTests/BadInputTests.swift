import Foundation
import Testing

// Bad input through the real binary: the fixture cases of Tests/Fixtures/bad (format in Fixtures.swift),
// and the inputs that cannot be committed (a 50 MB line, symlink loops, an unreadable file, a write that
// fails or is killed half-way), made here in a temporary folder.

@Suite("bad input, end to end")
struct BadInputTests {
  static let requiredCases = [
    "invalid-utf8", "nul-bytes", "gb18030-post", "bom-crlf-post", "empty-files", "front-matter-malformed",
    "yaml-alias-bomb", "config-alias-bomb", "wrong-field-types", "unknown-channel", "impossible-dates",
    "batch-rows", "device-input", "corrupt-model",
  ]

  @Test("the fixture directory holds the required cases")
  func fixturesArePresent() {
    let names = Fixtures.caseNames("bad")
    for name in Self.requiredCases {
      #expect(names.contains(name), "missing fixture case \(name)")
    }
  }

  @Test("bad-input fixture", arguments: Fixtures.caseNames("bad"))
  func fixture(_ name: String) throws {
    let started = Date()
    try Fixtures.run(suite: "bad", name: name, defaultArgs: ["check", "posts"])
    #expect(Date().timeIntervalSince(started) < 60, "\(name) took more than a minute")
  }

  static let goodPost = "---\nchannel: moments\n---\n今天聊聊换季护肤：早晚各补一次水。\n"
  static let fixablePost = "---\nchannel: moments\n---\n这是顶级的好产品。\n"

  @Test("a 50 MB single line is checked normally, in bounded time and memory")
  func fiftyMegabyteLine() throws {
    let folder = try Scratch()
    let sentence = Array("今天和大家聊聊秋天怎么给皮肤补水，早晚各一次就够了".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(50 << 20)
    while bytes.count + sentence.count <= 50 << 20 { bytes += sentence }
    bytes += Array("这是顶级的好产品。".utf8)
    try Data(bytes).write(to: folder.url("long.md"))
    try folder.write("good.md", Self.goodPost)
    let result = try runSiyu(
      ["check", "--format", "json", "long.md", "good.md"], in: folder.root, timeout: 600)
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    // The largest child so far (every child of this test process is a siyu run): 50 MB of text may take a
    // few dozen times its size while it is segmented, not more.
    #expect(usage.ru_maxrss < 6_000_000, "peak resident size \(usage.ru_maxrss) KB")
    #expect(result.status == 1, "stderr:\n\(result.stderrText)")
    #expect(result.stderr.isEmpty, "\(result.stderrText)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], "output is not JSON")
    let files = try #require(report["files"] as? [[String: Any]])
    #expect(files.count == 2)
    let findings = (files.first?["findings"] as? [[String: Any]]) ?? []
    #expect(findings.contains { $0["rule"] as? String == "ad-law/absolute" })
  }

  @Test("a symlink loop passed as a post is an input error; the other posts are checked")
  func symlinkLoop() throws {
    let folder = try Scratch()
    try folder.write("good.md", Self.fixablePost)
    try FileManager.default.createSymbolicLink(atPath: folder.path("loop.md"), withDestinationPath: "loop.md")
    try FileManager.default.createDirectory(atPath: folder.path("posts"), withIntermediateDirectories: true)
    try folder.write("posts/a.md", Self.goodPost)
    try FileManager.default.createSymbolicLink(atPath: folder.path("posts/self"), withDestinationPath: "..")
    let result = try runSiyu(["check", "loop.md", "posts", "good.md"], in: folder.root)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("loop.md: "), "\(result.stderrText)")
    #expect(result.stderrText.contains("符号链接循环"), "\(result.stderrText)")
    #expect(String(decoding: result.stdout, as: UTF8.self).contains("ad-law/absolute"))
  }

  @Test("an unreadable file is an input error naming it (skipped when running as root)")
  func unreadableFile() throws {
    let folder = try Scratch()
    try folder.write("good.md", Self.fixablePost)
    try folder.write("secret.md", Self.goodPost)
    chmod(folder.path("secret.md"), 0)
    defer { chmod(folder.path("secret.md"), 0o644) }
    if FileManager.default.isReadableFile(atPath: folder.path("secret.md")) {
      // root reads a mode-000 file; nothing to test then.
      withKnownIssue("running as root: chmod 000 does not stop reads, so the case cannot be made") {
        Issue.record("skipped: mode 000 file still readable (uid \(getuid()))")
      }
      return
    }
    let result = try runSiyu(["check", "secret.md", "good.md"], in: folder.root)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("secret.md: 无法读取"), "\(result.stderrText)")
    #expect(String(decoding: result.stdout, as: UTF8.self).contains("ad-law/absolute"))
  }

  // Writes. RLIMIT_FSIZE makes a write fail (EFBIG, with SIGXFSZ ignored) or kills the process in the middle of
  // it (SIGXFSZ), deterministically and also for root; output goes to pipes, which the limit does not touch.

  @Test("--fix killed in the middle of its write leaves the post as it was")
  func fixKilledMidWrite() throws {
    let folder = try Scratch()
    let original = Self.fixablePost + String(repeating: "第二段普通内容，介绍一下用法。\n", count: 400)
    try folder.write("post.md", original)
    let result = try runShell(
      "ulimit -f 4; exec \"$0\" check --fix post.md", in: folder.root)
    #expect(result.signal == SIGXFSZ, "siyu was expected to die of SIGXFSZ; status \(result.status)")
    #expect(try folder.read("post.md") == original)
  }

  @Test("a failed --fix write reports exit 2 with the path and leaves the post and folder as they were")
  func fixWriteFails() throws {
    let folder = try Scratch()
    let original = Self.fixablePost + String(repeating: "第二段普通内容，介绍一下用法。\n", count: 400)
    try folder.write("post.md", original)
    let result = try runShell(
      "trap '' XFSZ; ulimit -f 4; exec \"$0\" check --fix post.md", in: folder.root)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("post.md: 无法写入"), "\(result.stderrText)")
    #expect(try folder.read("post.md") == original)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path) == ["post.md"])
  }

  @Test("--fix keeps the post's permissions and writes through a symlink")
  func fixKeepsModeAndLink() throws {
    let folder = try Scratch()
    try folder.write("real.md", Self.fixablePost)
    chmod(folder.path("real.md"), 0o640)
    try FileManager.default.createSymbolicLink(atPath: folder.path("link.md"), withDestinationPath: "real.md")
    let result = try runSiyu(["check", "--fix", "link.md"], in: folder.root)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(try folder.read("real.md").contains("高端"))
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link.md"))
    #expect(link == "real.md")
    var info = stat()
    #expect(stat(folder.path("real.md"), &info) == 0 && info.st_mode & 0o777 == 0o640)
  }

  @Test("a failed baseline, profile or init write reports exit 2 with the path; old files stay")
  func otherWritesFail() throws {
    let folder = try Scratch()
    for index in 0..<30 { try folder.write("posts/p\(index).md", Self.fixablePost) }
    let oldBaseline = "old baseline\n"
    try folder.write("baseline.json", oldBaseline)
    var result = try runShell(
      "trap '' XFSZ; ulimit -f 1; exec \"$0\" check --write-baseline baseline.json posts", in: folder.root)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("baseline.json: "), "\(result.stderrText)")
    #expect(try folder.read("baseline.json") == oldBaseline)

    try folder.write("old.profile.json", "old profile\n")
    result = try runShell(
      "trap '' XFSZ; ulimit -f 1; exec \"$0\" persona learn xiaoli posts --output old.profile.json",
      in: folder.root)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("old.profile.json: "), "\(result.stderrText)")
    #expect(try folder.read("old.profile.json") == "old profile\n")

    result = try runShell(
      "trap '' XFSZ; ulimit -f 1; exec \"$0\" init --force", in: folder.root)
    #expect(result.status == 2)
    #expect(result.stderrText.contains(".siyu.yml: "), "\(result.stderrText)")
    #expect(!FileManager.default.fileExists(atPath: folder.path(".siyu.yml")))
  }
}

/// The outcome of `runShell`: `signal` is the signal that ended siyu, 0 when it exited.
struct ShellResult {
  var stdout: Data
  var stderr: Data
  var status: Int32
  var signal: Int32

  var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs `/bin/sh -c script` in `directory` with `$0` set to the siyu executable (so the script can set limits
/// and then `exec "$0" …`). Spawned with every signal's default action (a test runner may ignore SIGXFSZ, and
/// a shell cannot undo an ignore it inherits). Output goes to pipes, which RLIMIT_FSIZE does not limit; it
/// must stay small (under a pipe's 64 KB), as it is read once the process has ended.
func runShell(_ script: String, in directory: URL, timeout: TimeInterval = 120) throws -> ShellResult {
  let binary = try Locations.binary.get()
  var outPipe: [Int32] = [0, 0]
  var errPipe: [Int32] = [0, 0]
  guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw E2EError("pipe failed") }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
  posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
  for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var defaults = sigset_t()
  sigfillset(&defaults)
  posix_spawnattr_setsigdefault(&attributes, &defaults)
  var noneBlocked = sigset_t()
  sigemptyset(&noneBlocked)
  posix_spawnattr_setsigmask(&attributes, &noneBlocked)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
  let arguments = ["/bin/sh", "-c", "cd \"$1\" || exit 99; shift; " + script, binary.path, directory.path]
  var environment = ProcessInfo.processInfo.environment
  environment["NO_COLOR"] = nil
  let cArguments = arguments.map { strdup($0) } + [nil]
  let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { for pointer in cArguments + cEnvironment { free(pointer) } }
  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, cArguments, cEnvironment)
  close(outPipe[1])
  close(errPipe[1])
  defer {
    close(outPipe[0])
    close(errPipe[0])
  }
  guard spawned == 0 else { throw E2EError("posix_spawn failed: \(spawned)") }
  let deadline = Date().addingTimeInterval(timeout)
  var status: Int32 = 0
  while waitpid(pid, &status, WNOHANG) == 0 {
    if Date() > deadline {
      kill(pid, SIGKILL)
      waitpid(pid, &status, 0)
      throw E2EError("sh -c \(script) did not finish within \(Int(timeout)) s")
    }
    usleep(5_000)
  }
  let out = FileHandle(fileDescriptor: outPipe[0], closeOnDealloc: false).readDataToEndOfFile()
  let err = FileHandle(fileDescriptor: errPipe[0], closeOnDealloc: false).readDataToEndOfFile()
  let signal = status & 0x7F
  return ShellResult(stdout: out, stderr: err, status: signal == 0 ? (status >> 8) & 0xFF : 0, signal: signal)
}

/// A temporary folder, removed when the value goes away.
final class Scratch {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("siyu-bad-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func url(_ name: String) -> URL { root.appendingPathComponent(name) }
  func path(_ name: String) -> String { url(name).path }

  func write(_ name: String, _ text: String) throws {
    let url = url(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func read(_ name: String) throws -> String {
    String(decoding: try Data(contentsOf: url(name)), as: UTF8.self)
  }
}
