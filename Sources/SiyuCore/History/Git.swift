import Foundation

/// Runs the real `git` (found on PATH) in a folder, inheriting the environment, so a hook's
/// `GIT_INDEX_FILE` and `GIT_DIR` are honoured.
public struct Git: Sendable {
  /// Why a git command failed: the message is for users (Chinese), exit code 2.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) {
      self.message = message
    }
  }

  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// Runs `git args…` with `input` on stdin; its stdout, or a `Failure` with git's stderr.
  public func run(_ args: [String], input: Data? = nil) throws(Failure) -> Data {
    let (status, out, err) = try launch(args, input: input)
    guard status == 0 else {
      let text = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw Failure(message: "git \(args.first ?? "") 失败：\(text.isEmpty ? "退出码 \(status)" : text)")
    }
    return out
  }

  /// Runs `git args…`; its exit status and output, whatever the status.
  public func launch(_ args: [String], input: Data? = nil) throws(Failure) -> (Int32, Data, Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + args
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    // `waitUntilExit` polls the run loop every 50 ms on Linux; a termination handler returns at once.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    do {
      try process.run()
    } catch {
      throw Failure(message: "无法运行 git：\(error.localizedDescription)")
    }
    let errors = Collected()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errors.set(stderr.fileHandleForReading.readDataToEndOfFile())
      group.leave()
    }
    if let input {
      let writer = stdin.fileHandleForWriting
      group.enter()
      DispatchQueue.global().async {
        writer.write(input)
        try? writer.close()
        group.leave()
      }
    }
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    exited.wait()
    group.wait()
    let status = process.terminationStatus
    if status == 127 && out.isEmpty {
      throw Failure(message: "找不到 git：请安装 git 并确认它在 PATH 中")
    }
    return (status, out, errors.value)
  }

  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    var value: Data { lock.withLock { data } }
  }
}
