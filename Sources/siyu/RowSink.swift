import Foundation
import SiyuCore

/// Where `siyu score` writes its rows: stdout (a failed write ends the run, see `StandardOutput`), or a
/// file written atomically (nothing replaces FILE until every row is written).
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
        StandardOutput.write(raw)
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
