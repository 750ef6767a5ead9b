import Foundation
import SiyuText

#if canImport(Glibc)
  import Glibc
#endif

/// The progress line of `siyu score` on a terminal's stderr: posts done, posts a second and, when the
/// inputs are files, the time left (estimated from their line count, counted once at the start).
final class ScoreProgress {
  private let enabled: Bool
  private let start = Date()
  private var last = Date.distantPast
  private var estimate: Int?
  private var shown = false

  init(enabled: Bool, inputs: [String]) {
    self.enabled = enabled
    guard enabled else { return }
    var lines = 0
    for path in inputs where path != "-" {
      let name = path.lowercased()
      guard name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") || name.hasSuffix(".csv") else {
        lines += 1
        continue
      }
      // Only regular files are counted: opening a FIFO here would take the rows the scorer reads.
      guard !TextInput.isSpecialFile(path), let handle = FileHandle(forReadingAtPath: path) else { continue }
      defer { try? handle.close() }
      while let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
        lines += block.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      }
    }
    estimate = lines > 0 ? lines : nil
  }

  func update(_ done: Int) {
    guard enabled else { return }
    let now = Date()
    guard now.timeIntervalSince(last) >= 0.25 else { return }
    last = now
    let elapsed = now.timeIntervalSince(start)
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    var line = "已评分 \(done) 条 · \(Int(rate)) 条/秒"
    if let estimate, rate > 0, estimate > done {
      let left = Int(Double(estimate - done) / rate)
      line += " · 预计还需 \(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60)"
    }
    printError("\r\u{1B}[K" + line, terminator: "")
    shown = true
  }

  /// Clears the line (before other messages and at the end).
  func clear() {
    guard enabled, shown else { return }
    printError("\r\u{1B}[K", terminator: "")
    shown = false
  }
}
