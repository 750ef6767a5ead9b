import Testing

@testable import SiyuCore

/// UTF-8 columns on long lines, where `LineIndex` counts from checkpoints instead of the line start (a
/// 400 KB line with many findings took minutes when every column was counted from the line start).
@Suite struct LineIndexLongLineTests {
  /// The UTF-8 column counted the plain way, from the start of the line.
  static func reference(_ units: [UInt16], _ offset: Int) -> Int {
    var start = offset
    while start > 0 && units[start - 1] != 0x0A { start -= 1 }
    let prefix = String(decoding: units[start..<offset], as: UTF16.self)
    // An offset between the halves of a pair counts the whole character, as the reporters expect.
    if offset > start, UTF16.isLeadSurrogate(units[offset - 1]) {
      return String(decoding: units[start..<(offset + 1)], as: UTF16.self).utf8.count + 1
    }
    return prefix.utf8.count + 1
  }

  @Test func columnsMatchAcrossCheckpointsAndLines() {
    // Mixed widths (1, 2, 3 and 4 bytes) so surrogate pairs straddle the 1024-unit checkpoints.
    let piece = "a¢好𠮷"
    var text = String(repeating: piece, count: 700)
    text += "\n" + String(repeating: "好a𠮷", count: 900) + "\n\n" + String(repeating: "¢", count: 1023)
    let units = Array(text.utf16)
    let index = LineIndex(text)
    for offset in Array(stride(from: 0, through: units.count, by: 7)) + [units.count, 1023, 1024, 1025, 2048]
    {
      #expect(index.utf8Column(of: offset) == Self.reference(units, offset), "offset \(offset)")
    }
  }

  @Test func rangeColumnsMatchSingleColumns() {
    // Ranges within a line (counted on from the start), across lines and across checkpoints.
    let text = String(repeating: "a¢好𠮷", count: 400) + "\n" + String(repeating: "好a𠮷\n", count: 300)
    let count = text.utf16.count
    let index = LineIndex(text)
    for lower in stride(from: 0, through: count, by: 13) {
      for length in [0, 1, 2, 5, 40, 1100] {
        let upper = min(lower + length, count)
        let columns = index.utf8Columns(of: lower..<upper)
        #expect(columns.start == index.utf8Column(of: lower), "\(lower)..<\(upper)")
        #expect(columns.end == index.utf8Column(of: upper), "\(lower)..<\(upper)")
      }
    }
  }

  @Test func textsWhoseLengthIsAMultipleOfTheStride() {
    for count in [0, 1024, 2048] {
      let text = String(repeating: "x", count: count)
      let index = LineIndex(text)
      #expect(index.utf8Column(of: count) == count + 1)
      #expect(index.utf8Column(of: count + 5) == count + 1)
    }
  }
}
