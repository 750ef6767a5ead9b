import Foundation
import Testing

// Fixture cases: Tests/Fixtures/<suite>/<case>/, one directory per case; the binary runs with the case
// directory as its working directory.
//   args           optional; one argument per line (default given by the suite)
//   stdin          optional; fed to the process's stdin (else /dev/null)
//   env            optional; NAME=VALUE lines added to the environment (NO_COLOR is unset by default)
//   expected.out   exact expected stdout (bytes)
//   expected.err   optional; every non-empty line is a substring stderr must contain.
//                  Without it stderr must be empty.
//   expected.code  optional expected exit status (default 0)
//   known-issue    optional; a description of a known bug. expected.out then holds the CORRECT output and the
//                  stdout comparison runs inside `withKnownIssue`: the test passes while the bug is there and
//                  fails ("known issue was not recorded") once it is fixed, so the file can be deleted.
//                  The exit status and stderr are still checked strictly.
// SIYU_UPDATE_FIXTURES=1 swift test --filter EndToEnd rewrites expected.out and expected.code from the binary
// (e.g. after retraining the default model); review the diff before committing.

enum Fixtures {
  /// Every case directory under Tests/Fixtures/<suite>, sorted.
  static func caseNames(_ suite: String) -> [String] {
    let root = Locations.fixtures(suite)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return names.filter { name in
      var isDirectory: ObjCBool = false
      return !name.hasPrefix(".")
        && FileManager.default.fileExists(
          atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }.sorted()
  }

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

  /// Runs case `name` of Tests/Fixtures/<suite>; `defaultArgs` when the case has no `args` file.
  static func run(suite: String, name: String, defaultArgs: [String]) throws {
    let directory = Locations.fixtures(suite).appendingPathComponent(name, isDirectory: true)
    let args =
      try optionalText(directory, "args").map(lines)
      ?? defaultArgs
    let expectedOut = try Data(contentsOf: directory.appendingPathComponent("expected.out"))
    let expectedErr = try optionalText(directory, "expected.err").map {
      lines($0).filter { !$0.isEmpty }
    }
    let expectedCode: Int32
    if let text = try optionalText(directory, "expected.code") {
      expectedCode = try #require(
        Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), "\(name)/expected.code is not a number")
    } else {
      expectedCode = 0
    }
    let knownIssue = try optionalText(directory, "known-issue")?
      .trimmingCharacters(in: .whitespacesAndNewlines)

    let stdin = try optionalText(directory, "stdin").map { Data($0.utf8) }
    var environment: [String: String] = [:]
    for line in try optionalText(directory, "env").map(lines) ?? [] {
      let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
      if parts.count == 2 { environment[parts[0]] = parts[1] }
    }
    let result = try runSiyu(args, in: directory, stdin: stdin, environment: environment)
    if ProcessInfo.processInfo.environment["SIYU_UPDATE_FIXTURES"] == "1" && knownIssue == nil {
      try result.stdout.write(to: directory.appendingPathComponent("expected.out"))
      let codeFile = directory.appendingPathComponent("expected.code")
      if result.status != 0 || FileManager.default.fileExists(atPath: codeFile.path) {
        try Data("\(result.status)\n".utf8).write(to: codeFile)
      }
      return
    }

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
}

/// A readable account of how `actual` differs from `expected` (first differing line, both versions).
func describeDifference(expected: Data, actual: Data) -> String {
  let e = Fixtures.lines(String(decoding: expected, as: UTF8.self))
  let a = Fixtures.lines(String(decoding: actual, as: UTF8.self))
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
