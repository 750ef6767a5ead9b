import Foundation
import SiyuCore

#if canImport(Glibc)
  import Glibc
#endif

/// Where `siyu score` writes its rows: stdout, or a file written atomically (nothing replaces FILE until
/// every row is written).
final class RowSink {
  private let file: AtomicFile.Writer?
  private var failure: AtomicFile.WriteError?

  init(path: String?) throws(AtomicFile.WriteError) {
    file = try path.map { (path) throws(AtomicFile.WriteError) in try AtomicFile.Writer(path: path) }
  }

  func write(_ bytes: [UInt8]) {
    guard failure == nil, !bytes.isEmpty else { return }
    bytes.withUnsafeBytes { raw in
      if let file {
        do {
          try file.write(raw)
        } catch {
          failure =
            (error as? AtomicFile.WriteError) ?? AtomicFile.WriteError(path: file.path, reason: "写入失败")
        }
      } else {
        var written = 0
        while written < raw.count {
          let n = Glibc.write(1, raw.baseAddress! + written, raw.count - written)
          if n < 0 && errno == EINTR { continue }
          guard n > 0 else { return }
          written += n
        }
      }
    }
  }

  /// Puts the file in place; throws the first write failure.
  func commit() throws(AtomicFile.WriteError) {
    if let failure { throw failure }
    try file?.commit()
  }

  func abandon() {
    file?.abandon()
  }
}
