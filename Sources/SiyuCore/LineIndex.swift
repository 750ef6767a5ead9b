/// Converts UTF-16 offsets of a text into 1-based lines and columns (UTF-16 units, and UTF-8 bytes for
/// reviewdog).
public struct LineIndex: Sendable {
  /// UTF-16 offset where each line starts.
  private let lineStarts: [Int]
  private let units: [UInt16]

  public init(_ text: String) {
    self.init(units: Array(text.utf16))
  }

  /// UTF-8 bytes before unit `k * checkpointStride`, for every such unit and the end of the text, so a
  /// UTF-8 column costs at most `checkpointStride` steps however long its line is.
  private let utf8Checkpoints: [Int]
  private static let checkpointStride = 1024

  public init(units: [UInt16]) {
    self.units = units
    if units.count < Self.checkpointStride {
      // A short text (most posts) needs no UTF-8 counting up front: its one checkpoint is 0.
      utf8Checkpoints = Self.zero
      let breaks = units.withUnsafeBufferPointer { u in
        var found = 0
        for unit in u where unit == 0x0A { found += 1 }
        return found
      }
      if breaks == 0 {
        lineStarts = Self.zero
        return
      }
      var starts = [Int]()
      starts.reserveCapacity(breaks + 1)
      starts.append(0)
      for (i, u) in units.enumerated() where u == 0x0A { starts.append(i + 1) }
      lineStarts = starts
      return
    }
    var starts = [0]
    var checkpoints: [Int] = []
    checkpoints.reserveCapacity(units.count / Self.checkpointStride + 1)
    var bytes = 0
    for (i, u) in units.enumerated() {
      if i % Self.checkpointStride == 0 { checkpoints.append(bytes) }
      if u == 0x0A { starts.append(i + 1) }
      bytes += Self.utf8Width(u)
    }
    if units.count % Self.checkpointStride == 0 { checkpoints.append(bytes) }
    lineStarts = starts
    utf8Checkpoints = checkpoints
  }

  /// `[0]`, shared by the short texts that need nothing more as line starts or checkpoints.
  private static let zero = [0]

  /// UTF-8 bytes a UTF-16 unit stands for: a surrogate pair counts 4 on its lead unit.
  @inline(__always) private static func utf8Width(_ u: UInt16) -> Int {
    if u < 0x80 { return 1 }
    if u < 0x800 { return 2 }
    if UTF16.isLeadSurrogate(u) { return 4 }
    if UTF16.isTrailSurrogate(u) { return 0 }
    return 3
  }

  /// UTF-8 bytes before UTF-16 offset `offset` (at most `units.count`).
  private func utf8Offset(_ offset: Int) -> Int {
    let checkpoint = offset / Self.checkpointStride
    return utf8Checkpoints[checkpoint] + utf8Bytes(in: (checkpoint * Self.checkpointStride)..<offset)
  }

  /// UTF-8 bytes the units in `range` stand for.
  private func utf8Bytes(in range: Range<Int>) -> Int {
    var bytes = 0
    units.withUnsafeBufferPointer { units in
      // utf8Width without branches: 1, +1 from U+0080, +1 from U+0800, a lead surrogate +1 (4), a
      // trail surrogate -3 (0).
      for u in units[range] {
        let surrogate = u & 0xFC00
        // Wrapping arithmetic: overflow checks would keep the loop from being vectorized.
        bytes =
          bytes &+ 1 &+ (u >= 0x80 ? 1 : 0) &+ (u >= 0x800 ? 1 : 0) &+ (surrogate == 0xD800 ? 1 : 0)
          &- (surrogate == 0xDC00 ? 3 : 0)
      }
    }
    return bytes
  }

  /// 1-based line and 1-based UTF-16 column of `offset` (clamped to the text).
  public func position(of offset: Int) -> (line: Int, column: Int) {
    let offset = max(0, min(offset, units.count))
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return (lo + 1, offset - lineStarts[lo] + 1)
  }

  /// 1-based UTF-8 byte column of `offset` within its line.
  public func utf8Column(of offset: Int) -> Int {
    let offset = max(0, min(offset, units.count))
    let (line, _) = position(of: offset)
    let lineStart = lineStarts[line - 1]
    // Within a checkpoint's stride of the line start, counting from there is cheaper than two offsets.
    if offset - lineStart <= Self.checkpointStride { return utf8Bytes(in: lineStart..<offset) + 1 }
    return utf8Offset(offset) - utf8Offset(lineStart) + 1
  }

  /// 1-based UTF-8 byte columns of both ends of `range` (clamped to the text), each within its line;
  /// when both are on one line, the end's is counted on from the start's.
  public func utf8Columns(of range: Range<Int>) -> (start: Int, end: Int) {
    let start = utf8Column(of: range.lowerBound)
    let lower = max(0, min(range.lowerBound, units.count))
    let upper = max(0, min(range.upperBound, units.count))
    guard upper - lower <= Self.checkpointStride, position(of: upper).line == position(of: lower).line else {
      return (start, utf8Column(of: upper))
    }
    return (start, start + utf8Bytes(in: lower..<upper))
  }

  /// Number of lines (a text without line ends has one).
  public var lineCount: Int { lineStarts.count }
}
