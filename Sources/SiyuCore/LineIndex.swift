/// Converts UTF-16 offsets of a text into 1-based lines and columns (UTF-16 units, and UTF-8 bytes for
/// reviewdog).
public struct LineIndex: Sendable {
  /// UTF-16 offset where each line starts.
  private let lineStarts: [Int]
  private let units: [UInt16]

  public init(_ text: String) {
    self.init(units: Array(text.utf16))
  }

  public init(units: [UInt16]) {
    self.units = units
    var starts = [0]
    for (i, u) in units.enumerated() where u == 0x0A { starts.append(i + 1) }
    lineStarts = starts
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
    var bytes = 0
    var i = lineStarts[line - 1]
    while i < offset {
      let u = units[i]
      if u < 0x80 {
        bytes += 1
      } else if u < 0x800 {
        bytes += 2
      } else if UTF16.isLeadSurrogate(u) {
        bytes += 4
        i += 1
      } else {
        bytes += 3
      }
      i += 1
    }
    return bytes + 1
  }

  /// Number of lines (a text without line ends has one).
  public var lineCount: Int { lineStarts.count }
}
