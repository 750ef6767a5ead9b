// `@preconcurrency`: C stdio's `stdout` is a global variable, which Swift 6 otherwise refuses to read.
import SiyuText

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// siyu's standard output. Every byte a command prints goes through `write`, which checks each
/// `write(2)`: the first that fails (a full disk, a closed descriptor, a reader that went away while
/// SIGPIPE is ignored) prints `标准输出: 写入失败：REASON` on stderr and ends the process with exit code 2,
/// as `cat` and `grep` do: going on would only do work whose output is lost.
///
/// With SIGPIPE at its default, a reader that goes away still ends the process by the signal, as for any
/// command-line tool; only a write that returns an error is reported here.
enum StandardOutput {
  /// Writes all of `bytes` to descriptor 1, or reports the failure and exits.
  static func write(_ bytes: UnsafeRawBufferPointer) {
    if let code = writeAll(1, bytes) { fail(code) }
  }

  /// Writes all of `bytes` to `fd`, retrying partial and interrupted writes; the `errno` of a write that
  /// failed, or nil when all was written.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard var next = bytes.baseAddress else { return nil }
    var left = bytes.count
    while left > 0 {
      let n = Glibc.write(fd, next, left)
      if n < 0 && errno == EINTR { continue }
      // write(2) returns 0 for a non-empty buffer only when nothing could be written; treat it as full.
      guard n > 0 else { return n < 0 ? errno : ENOSPC }
      next += n
      left -= n
    }
    return nil
  }

  /// Writes `string` as UTF-8.
  static func write(_ string: String) {
    var string = string
    string.withUTF8 { write(UnsafeRawBufferPointer($0)) }
  }

  /// Writes `bytes`.
  static func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { write($0) }
  }

  /// Reports a failed write of standard output and exits with 2, at once: `_exit` skips the exit
  /// handlers (this one among them) and the other threads (`score`'s workers) are not waited for.
  static func fail(_ code: Int32) -> Never {
    printError("标准输出: 写入失败：\(reason(code))")
    _exit(2)
  }

  /// The final check, run at exit (`Siyu.main` registers it): C stdio's buffer of standard output (the
  /// help and version text of ArgumentParser, which prints with `print`) is flushed and its error flag
  /// read, then descriptor 1 is closed, which reports errors a file system delays until then.
  static func close() {
    if fflush(stdout) != 0 { fail(errno) }
    if ferror(stdout) != 0 { fail(EIO) }
    if Glibc.close(1) != 0 && errno != EBADF && errno != EINTR { fail(errno) }
  }

  /// Opens `/dev/null` on any of descriptors 0, 1 and 2 that is closed (`siyu check >&-`), so that no file
  /// siyu opens later (a post, a `--fix` temporary file) takes the number and receives output meant for
  /// the terminal. Standard output and error get it read-only and standard input write-only: using a
  /// closed stream still fails (`EBADF`) and is reported, as it would have been.
  static func reserveClosedDescriptors() {
    for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY)
      if opened >= 0 && opened != fd {
        dup2(opened, fd)
        Glibc.close(opened)
      }
    }
  }

  /// Why standard output could not be written, in Chinese.
  static func reason(_ code: Int32) -> String {
    code == EBADF ? "标准输出没有打开" : SystemErrorText.describe(code, .writing)
  }
}
