import Foundation
import SiyuText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files atomically: a temporary file in the same folder, flushed to disk, then a rename, so an
/// interrupted run leaves the old file intact (at worst a hidden `.NAME.siyu-PID.tmp` beside it).
///
/// A symbolic link is written through (the link stays, its target changes) and an existing file keeps its
/// permission bits. A device, a pipe and a name for one of the process's own descriptors (`/dev/stdout`,
/// `/dev/fd/N`, `/proc/self/fd/N`) are written directly, appending: they are streams, and replacing
/// them would put the output where the caller does not read it (or, for an unresolvable `/dev/stdout`,
/// replace the link itself).
public enum AtomicFile {
  /// A write that failed; the file at `path` is unchanged.
  public struct WriteError: LocalizedError, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): 无法写入（\(reason)），原文件未改动" }

    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }
    public var errorDescription: String? { reason }
  }

  /// Whether `path` names one of the process's own descriptors: `/dev/fd/N`, `/proc/self/fd/N`, or a
  /// link to one such as `/dev/stdout` and `/dev/stderr`.
  static func namesDescriptor(_ path: String) -> Bool {
    let prefixes = ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"]
    if prefixes.contains(where: { path.hasPrefix($0) }) { return true }
    var buffer = [CChar](repeating: 0, count: 64)
    let n = readlink(path, &buffer, buffer.count - 1)
    guard n > 0 else { return false }
    let link = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return prefixes.contains { link.hasPrefix($0) }
  }

  public static func write(_ data: Data, to path: String) throws {
    let writer = try Writer(path: path)
    do {
      try data.withUnsafeBytes { raw in
        try writer.write(UnsafeRawBufferPointer(raw))
      }
    } catch {
      writer.abandon()
      throw error
    }
    try writer.commit()
  }

  /// A file written in pieces (`siyu score --output`): everything goes to the temporary file, and only
  /// `commit` puts it in place. `abandon` (or a failure) removes the temporary file.
  public final class Writer {
    public let path: String
    private let target: String
    /// nil when the target is a device or pipe, written directly.
    private let temporary: String?
    private let mode: mode_t
    private let exists: Bool
    private var fd: Int32

    public init(path: String) throws(WriteError) {
      self.path = path
      var target = path
      var info = stat()
      let isLink = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
      if isLink && !AtomicFile.namesDescriptor(path) {
        guard let resolved = realpath(path, nil) else {
          // A dangling link: renaming onto `path` would replace the link with a file.
          throw WriteError(path: path, reason: "符号链接无法解析：\(SystemErrorText.describe(errno, .writing))")
        }
        target = String(cString: resolved)
        free(resolved)
      }
      var mode: mode_t = 0o666
      let exists = stat(target, &info) == 0
      self.target = target
      if AtomicFile.namesDescriptor(path)
        || exists && (info.st_mode & S_IFMT == S_IFCHR || info.st_mode & S_IFMT == S_IFIFO)
      {
        // A device, pipe or descriptor (`/dev/null`, `>(…)`, `/dev/stdout`): there is nothing to
        // replace, so it is written directly, after what the descriptor already holds.
        temporary = nil
        self.mode = 0
        self.exists = true
        fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else {
          throw WriteError(path: path, reason: "无法打开：\(SystemErrorText.describe(errno, .writing))")
        }
        return
      }
      if exists {
        guard info.st_mode & S_IFMT == S_IFREG else {
          throw WriteError(path: path, reason: "不是普通文件")
        }
        mode = info.st_mode & 0o7777
      }
      let slash = target.lastIndex(of: "/")
      let folder = slash.map { String(target[...$0]) } ?? ""
      let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
      let temporary = "\(folder).\(name).siyu-\(getpid()).tmp"
      self.temporary = temporary
      self.mode = mode
      self.exists = exists
      fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
      guard fd >= 0 else {
        throw WriteError(path: path, reason: "无法创建临时文件：\(SystemErrorText.describe(errno, .writing))")
      }
    }

    deinit {
      abandon()
    }

    private func failure(_ what: String) -> WriteError {
      WriteError(path: path, reason: "\(what)：\(SystemErrorText.describe(errno, .writing))")
    }

    /// Appends `bytes`; on failure the temporary file is removed.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {
      guard fd >= 0 else { throw WriteError(path: path, reason: "文件已关闭") }
      var written = 0
      while written < bytes.count {
        let n = writeBytes(fd, bytes.baseAddress! + written, bytes.count - written)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
          let error = failure("写入失败")
          abandon()
          throw error
        }
        written += n
      }
    }

    /// Flushes the file to disk and renames it into place.
    public func commit() throws(WriteError) {
      guard fd >= 0 else { throw WriteError(path: path, reason: "文件已关闭") }
      guard let temporary else {
        let closed = close(fd)
        fd = -1
        if closed != 0 { throw failure("写入失败") }
        return
      }
      var error: WriteError?
      if exists && fchmod(fd, mode) != 0 {
        error = failure("无法设置权限")
      } else if fsync(fd) != 0 {
        error = failure("无法写入磁盘")
      }
      if close(fd) != 0 && error == nil { error = failure("写入失败") }
      fd = -1
      if error == nil && rename(temporary, target) != 0 { error = failure("无法替换原文件") }
      if let error {
        unlink(temporary)
        throw error
      }
    }

    /// Drops what was written; the file at `path` stays as it was.
    public func abandon() {
      guard fd >= 0 else { return }
      close(fd)
      fd = -1
      if let temporary { unlink(temporary) }
    }
  }
}

/// `write(2)`, out of reach of `AtomicFile.write` by name.
private func writeBytes(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}
