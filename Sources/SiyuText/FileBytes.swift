import Glibc

/// Reads everything a file descriptor holds into one array: a regular file at the size `fstat` gives
/// (read on if it grew meanwhile), a pipe or stdin in growing blocks.
public enum FileBytes {
  /// The bytes of `fd` up to its end, or the `errno` of the read that failed (`EINTR` is retried).
  public static func read(fd: Int32) -> Result<[UInt8], ReadError> {
    var info = stat()
    let isRegular = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    var size = isRegular ? max(Int(info.st_size), 0) : 1 << 16
    var bytes: [UInt8] = []
    while true {
      let start = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: size + 1 - start))
      var filled = start
      var failure: Int32?
      bytes.withUnsafeMutableBytes { raw in
        while filled < raw.count {
          let n = Glibc.read(fd, raw.baseAddress! + filled, raw.count - filled)
          if n < 0 && errno == EINTR { continue }
          if n < 0 { failure = errno }
          if n <= 0 { break }
          filled += n
        }
      }
      if let failure { return .failure(ReadError(code: failure)) }
      if filled < bytes.count {
        bytes.removeSubrange(filled...)
        return .success(bytes)
      }
      size = bytes.count * 2
    }
  }

  /// A failed `read`: its `errno`.
  public struct ReadError: Error, Sendable {
    public var code: Int32
  }
}
