import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files atomically: a temporary file in the same folder, flushed to disk, then a rename, so an
/// interrupted run leaves the old file intact (at worst a hidden `.NAME.siyu-PID.tmp` beside it).
///
/// A symbolic link is written through (the link stays, its target changes) and an existing file keeps its
/// permission bits.
public enum AtomicFile {
  /// A write that failed; the file at `path` is unchanged.
  public struct WriteError: LocalizedError, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): 无法写入（\(reason)），原文件未改动" }
    public var errorDescription: String? { reason }
  }

  public static func write(_ data: Data, to path: String) throws {
    var target = path
    var info = stat()
    if lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
      target = String(cString: resolved)
      free(resolved)
    }
    var mode: mode_t = 0o666
    let exists = stat(target, &info) == 0
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
    func failure(_ what: String) -> WriteError {
      WriteError(path: path, reason: "\(what)：\(String(cString: strerror(errno)))")
    }

    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard fd >= 0 else { throw failure("无法创建临时文件") }
    var written = 0
    let complete = data.withUnsafeBytes { raw -> Bool in
      while written < raw.count {
        let n = writeBytes(fd, raw.baseAddress! + written, raw.count - written)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        written += n
      }
      return true
    }
    var error: WriteError?
    if !complete {
      error = failure("写入失败")
    } else if exists && fchmod(fd, mode) != 0 {
      error = failure("无法设置权限")
    } else if fsync(fd) != 0 {
      error = failure("无法写入磁盘")
    }
    if close(fd) != 0 && error == nil { error = failure("写入失败") }
    if error == nil && rename(temporary, target) != 0 { error = failure("无法替换原文件") }
    if let error {
      unlink(temporary)
      throw error
    }
  }
}

/// `write(2)`, out of reach of `AtomicFile.write` by name.
private func writeBytes(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}
