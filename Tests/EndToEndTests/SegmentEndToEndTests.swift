import Foundation
import Testing

// End-to-end tests of `siyu segment`: each test runs the built `siyu` executable as a real process.
//
// Finding the binary: $SIYU_BIN if set; else the nearest directory at or above the running test bundle
// (`CommandLine.arguments[0]`, e.g. .build/x86_64-unknown-linux-gnu/debug/siyuPackageTests.xctest) that
// holds an executable file `siyu`; else <package root>/.build/debug/siyu.
//
// Fixtures: Tests/Fixtures/segment/<case>/, one directory per case; the binary runs with the case directory
// as its working directory.
//   input.txt      raw input bytes (may be invalid UTF-8, GB18030, CRLF, BOM); read by the default args
//   args           optional; one argument per line (default: segment --file input.txt)
//   expected.out   exact expected stdout (bytes)
//   expected.err   optional; every non-empty line is a substring stderr must contain.
//                  Without it stderr must be empty.
//   expected.code  optional expected exit status (default 0)
//   known-issue    optional; a description of a known bug. expected.out then holds the CORRECT output and the
//                  stdout comparison runs inside `withKnownIssue`: the test passes while the bug is there and
//                  fails ("known issue was not recorded") once it is fixed, so the file can be deleted.
//                  The exit status and stderr are still checked strictly.

// MARK: - Locations

private enum Locations {
  /// The package root, from this file's path (Tests/EndToEndTests/SegmentEndToEndTests.swift).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // EndToEndTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static let fixtures: URL = packageRoot.appendingPathComponent("Tests/Fixtures/segment", isDirectory: true)

  /// The `siyu` executable, or a message saying where it was looked for.
  static let binary: Result<URL, E2EError> = locateBinary()

  private static func isExecutableFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
    else {
      return false
    }
    return FileManager.default.isExecutableFile(atPath: path)
  }

  private static func locateBinary() -> Result<URL, E2EError> {
    if let fromEnvironment = ProcessInfo.processInfo.environment["SIYU_BIN"], !fromEnvironment.isEmpty {
      let url = URL(fileURLWithPath: fromEnvironment).standardizedFileURL
      guard isExecutableFile(url.path) else {
        return .failure(E2EError("SIYU_BIN=\(fromEnvironment) is not an executable file"))
      }
      return .success(url)
    }
    var searched: [String] = []
    if let argv0 = CommandLine.arguments.first, !argv0.isEmpty {
      let start = URL(fileURLWithPath: argv0).standardizedFileURL.resolvingSymlinksInPath().path
      var directory = (start as NSString).deletingLastPathComponent
      for _ in 0..<64 {
        let candidate = (directory as NSString).appendingPathComponent("siyu")
        searched.append(candidate)
        if isExecutableFile(candidate) { return .success(URL(fileURLWithPath: candidate)) }
        let parent = (directory as NSString).deletingLastPathComponent
        if parent.isEmpty || parent == directory { break }
        directory = parent
      }
    }
    let fallback = packageRoot.appendingPathComponent(".build/debug/siyu")
    searched.append(fallback.path)
    if isExecutableFile(fallback.path) { return .success(fallback) }
    return .failure(
      E2EError(
        """
        could not find the siyu executable. Build it (swift build) or set SIYU_BIN. Looked for:
        \(searched.joined(separator: "\n"))
        """))
  }
}

struct E2EError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

// MARK: - Running the binary

private struct RunResult {
  var stdout: Data
  var stderr: Data
  var status: Int32

  var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs `siyu args…` in `directory` with stdin at /dev/null; output goes to temporary files, so output of any
/// size cannot block the child on a full pipe.
private func runSiyu(_ args: [String], in directory: URL, timeout: TimeInterval = 300) throws -> RunResult {
  let binary = try Locations.binary.get()
  let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("siyu-e2e-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  let outURL = scratch.appendingPathComponent("stdout")
  let errURL = scratch.appendingPathComponent("stderr")
  guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
  else { throw E2EError("could not create output files in \(scratch.path)") }
  let outHandle = try FileHandle(forWritingTo: outURL)
  let errHandle = try FileHandle(forWritingTo: errURL)

  let process = Process()
  process.executableURL = binary
  process.arguments = args
  process.currentDirectoryURL = directory
  process.standardInput = FileHandle.nullDevice
  process.standardOutput = outHandle
  process.standardError = errHandle
  do {
    try process.run()
  } catch {
    try? outHandle.close()
    try? errHandle.close()
    throw E2EError("could not start \(binary.path): \(error)")
  }
  let deadline = Date().addingTimeInterval(timeout)
  while process.isRunning {
    if Date() > deadline {
      process.terminate()
      process.waitUntilExit()
      try? outHandle.close()
      try? errHandle.close()
      throw E2EError("siyu \(args.joined(separator: " ")) did not finish within \(Int(timeout)) s")
    }
    usleep(5_000)
  }
  process.waitUntilExit()
  try outHandle.close()
  try errHandle.close()
  let result = RunResult(
    stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL),
    status: process.terminationStatus)
  if process.terminationReason == .uncaughtSignal {
    throw E2EError(
      "siyu \(args.joined(separator: " ")) was killed by signal \(result.status); stderr:\n\(result.stderrText)"
    )
  }
  return result
}

// MARK: - Fixtures

private enum SegmentFixtures {
  /// Every case directory under Tests/Fixtures/segment, sorted.
  static func caseNames() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Locations.fixtures.path)) ?? []
    return names.filter { name in
      var isDirectory: ObjCBool = false
      return !name.hasPrefix(".")
        && FileManager.default.fileExists(
          atPath: Locations.fixtures.appendingPathComponent(name).path, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }.sorted()
  }

  /// The cases the suite must always have.
  static let required = [
    "plain-mixed", "json-offsets", "crlf-bom", "gb18030", "invalid-bytes", "missing-file", "text-argument",
    "empty", "emoji-only",
  ]

  static func optionalText(_ directory: URL, _ name: String) throws -> String? {
    let url = directory.appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    return String(decoding: try Data(contentsOf: url), as: UTF8.self)
  }

  /// The lines of `text` without the final line end (a trailing CR is kept out too).
  static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
    }
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}

/// A readable account of how `actual` differs from `expected` (first differing line, both versions).
private func describeDifference(expected: Data, actual: Data) -> String {
  let e = SegmentFixtures.lines(String(decoding: expected, as: UTF8.self))
  let a = SegmentFixtures.lines(String(decoding: actual, as: UTF8.self))
  var report =
    "stdout differs (expected \(expected.count) bytes, \(e.count) lines; got \(actual.count) bytes, "
  report += "\(a.count) lines)"
  if let index = (0..<max(e.count, a.count)).first(where: { $0 >= e.count || $0 >= a.count || e[$0] != a[$0] }
  ) {
    report += "\nfirst difference at line \(index + 1):"
    report += "\n  expected: " + (index < e.count ? e[index].debugDescription : "<no line>")
    report += "\n  actual:   " + (index < a.count ? a[index].debugDescription : "<no line>")
  } else {
    report += "\n(lines are equal; the difference is in line ends or the final newline)"
  }
  if actual.count <= 4_000 {
    report += "\nfull stdout:\n" + String(decoding: actual, as: UTF8.self)
  }
  return report
}

@Suite("siyu segment, end to end")
struct SegmentEndToEndTests {
  @Test("the fixture directory holds the required cases, each with expected.out")
  func fixturesArePresent() throws {
    let names = SegmentFixtures.caseNames()
    #expect(!names.isEmpty, "no fixture cases under \(Locations.fixtures.path)")
    for name in SegmentFixtures.required {
      #expect(names.contains(name), "missing fixture case \(name)")
    }
    for name in names {
      let expected = Locations.fixtures.appendingPathComponent(name).appendingPathComponent("expected.out")
      #expect(FileManager.default.fileExists(atPath: expected.path), "\(name) has no expected.out")
    }
  }

  @Test("the siyu executable can be found")
  func binaryIsFound() throws {
    _ = try Locations.binary.get()
  }

  @Test("segment fixture", arguments: SegmentFixtures.caseNames())
  func fixture(_ name: String) throws {
    let directory = Locations.fixtures.appendingPathComponent(name, isDirectory: true)
    let args =
      try SegmentFixtures.optionalText(directory, "args").map(SegmentFixtures.lines)
      ?? ["segment", "--file", "input.txt"]
    let expectedOut = try Data(contentsOf: directory.appendingPathComponent("expected.out"))
    let expectedErr = try SegmentFixtures.optionalText(directory, "expected.err").map {
      SegmentFixtures.lines($0).filter { !$0.isEmpty }
    }
    let expectedCode: Int32
    if let text = try SegmentFixtures.optionalText(directory, "expected.code") {
      expectedCode = try #require(
        Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), "\(name)/expected.code is not a number")
    } else {
      expectedCode = 0
    }
    let knownIssue = try SegmentFixtures.optionalText(directory, "known-issue")?
      .trimmingCharacters(in: .whitespacesAndNewlines)

    let result = try runSiyu(args, in: directory)

    #expect(
      result.status == expectedCode,
      "exit status \(result.status), expected \(expectedCode); stderr:\n\(result.stderrText)")
    if let expectedErr {
      for needle in expectedErr {
        #expect(
          result.stderrText.contains(needle), "stderr lacks \(needle.debugDescription):\n\(result.stderrText)"
        )
      }
    } else {
      #expect(result.stderr.isEmpty, "unexpected stderr:\n\(result.stderrText)")
    }

    let compareStdout = {
      let matches = result.stdout == expectedOut
      #expect(matches, "\(describeDifference(expected: expectedOut, actual: result.stdout))")
    }
    if let knownIssue {
      withKnownIssue(Comment(rawValue: knownIssue)) { compareStdout() }
    } else {
      compareStdout()
    }
  }

  /// One line of about 3 MB (far more than TextInput.pieceLimit UTF-16 units, so it is segmented in pieces):
  /// the output must be exactly one line, and all non-space text must survive in order.
  @Test("a 3 MB single-line post", arguments: [true, false])
  func longSingleLine(finalNewline: Bool) throws {
    let phrases = [
      "家人们", "限时秒杀", "🔥", "👨‍👩‍👧‍👦", "👍🏻", "原价¥399", "只要99元", "低至3.8折", "直降50%", "#双十一必买#",
      "@小美老师", "https://m.example.cn/p/8848?from=pyq", " ", "　", "\t", "，", "！！！", "這個價格", "ＡＢＣ１２３",
      "𠮷野家", "new arrival", "包邮到家", "私信我领券", "2024年", "加我微信", "13800138000", "手慢无～", "😭",
      "🇨🇳", "宝子们冲鸭", "\"好评\"", "a\\b",
    ].map { Array($0.utf8) }
    // Exactly 3 MiB of text (a whole number of TextInput's 256 KiB read blocks), deterministic.
    let size = 3 << 20
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size + 1)
    var state: UInt64 = 0x5EED_1234_ABCD_0001
    while true {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let phrase = phrases[Int((state >> 33) % UInt64(phrases.count))]
      if bytes.count + phrase.count > size - 64 { break }
      bytes.append(contentsOf: phrase)
    }
    // End on a whole ASCII character, so the file ends exactly at a block boundary.
    bytes.append(contentsOf: Array(repeating: UInt8(ascii: "x"), count: size - bytes.count))
    if finalNewline { bytes.append(0x0A) }

    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("siyu-e2e-long-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    try Data(bytes).write(to: scratch.appendingPathComponent("long.txt"))

    let result = try runSiyu(["segment", "--file", "long.txt"], in: scratch)
    #expect(result.status == 0, "exit status \(result.status); stderr:\n\(result.stderrText)")
    #expect(result.stderr.isEmpty, "unexpected stderr:\n\(result.stderrText)")

    func withoutWhitespace(_ text: String) -> String {
      var scalars = String.UnicodeScalarView()
      for scalar in text.unicodeScalars where !scalar.properties.isWhitespace { scalars.append(scalar) }
      return String(scalars)
    }
    let input = withoutWhitespace(String(decoding: bytes, as: UTF8.self))
    let checkOutput = {
      let newlines = result.stdout.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      #expect(
        newlines == 1 && result.stdout.last == 0x0A,
        "expected exactly one output line, got \(newlines) line ends")
      let output = withoutWhitespace(String(decoding: result.stdout, as: UTF8.self))
      if output != input {
        let i = zip(output.unicodeScalars, input.unicodeScalars).prefix { $0 == $1 }.count
        let context = { (s: String) in
          String(String.UnicodeScalarView(s.unicodeScalars.dropFirst(max(0, i - 20)).prefix(40)))
        }
        Issue.record(
          """
          tokens joined without spaces differ from the input without whitespace: \
          \(output.unicodeScalars.count) vs \(input.unicodeScalars.count) scalars, first difference at scalar \(i)
            output: \(context(output).debugDescription)
            input:  \(context(input).debugDescription)
          """)
      }
    }
    checkOutput()
  }
}
