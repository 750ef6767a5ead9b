import Foundation
import Testing

// Runs the built `siyu` executable as a real process for the end-to-end tests.
//
// Finding the binary: $SIYU_BIN if set; else the nearest directory at or above the running test bundle
// (`CommandLine.arguments[0]`, e.g. .build/x86_64-unknown-linux-gnu/debug/siyuPackageTests.xctest) that
// holds an executable file `siyu`; else <package root>/.build/debug/siyu.

// MARK: - Locations

enum Locations {
  /// The package root, from this file's path (Tests/EndToEndTests/SiyuProcess.swift).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // EndToEndTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// Tests/Fixtures/<suite>.
  static func fixtures(_ suite: String) -> URL {
    packageRoot.appendingPathComponent("Tests/Fixtures/\(suite)", isDirectory: true)
  }

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

struct RunResult {
  var stdout: Data
  var stderr: Data
  var status: Int32

  var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs `siyu args…` in `directory` with `stdin` (or /dev/null) and extra `environment`; output goes to temporary files, so output of any
/// size cannot block the child on a full pipe. `standardOutput`, when given, is the child's stdout instead
/// (e.g. /dev/full); the result's `stdout` is then empty.
func runSiyu(
  _ args: [String], in directory: URL, stdin: Data? = nil, environment: [String: String] = [:],
  standardOutput: FileHandle? = nil, timeout: TimeInterval = 300
) throws -> RunResult {
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
  var stdinURL: URL?
  if let stdin {
    let url = scratch.appendingPathComponent("stdin")
    try stdin.write(to: url)
    stdinURL = url
    process.standardInput = try FileHandle(forReadingFrom: url)
  } else {
    process.standardInput = FileHandle.nullDevice
  }
  _ = stdinURL
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = nil
  for (key, value) in environment { env[key] = value }
  process.environment = env
  process.standardOutput = standardOutput ?? outHandle
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
