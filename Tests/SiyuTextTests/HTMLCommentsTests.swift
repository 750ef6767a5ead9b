import Testing

@testable import SiyuText

/// `HTMLComments.ranges` (which skips four units at a time to the first `<`) against a plain scan, on
/// generated texts with comment pieces at every offset.
@Suite struct HTMLCommentsTests {
  /// The comments of `units` by looking at every position.
  static func plainRanges(_ units: [UInt16], unterminatedToEnd: Bool) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    let open: [UInt16] = Array("<!--".utf16)
    let close: [UInt16] = Array("-->".utf16)
    var i = 0
    while i + open.count <= units.count {
      guard Array(units[i..<(i + open.count)]) == open else {
        i += 1
        continue
      }
      var j = i + open.count
      while j + close.count <= units.count && Array(units[j..<(j + close.count)]) != close { j += 1 }
      guard j + close.count <= units.count else {
        if unterminatedToEnd { ranges.append(i..<units.count) }
        break
      }
      ranges.append(i..<(j + close.count))
      i = j + close.count
    }
    return ranges
  }

  @Test func rangesMatchThePlainScan() {
    let pieces = [
      "<!--", "-->", "<", "!", "-", ">", "a", "限", "😀", " ", "<!-- 备注 -->", "\u{3C00}", "\u{003C}",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var found = 0
    for _ in 0..<3000 {
      let count = Int(next() % 16)
      let text = (0..<count).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
      let units = Array(text.utf16)
      for unterminated in [false, true] {
        let ranges = HTMLComments.ranges(in: units, unterminatedToEnd: unterminated)
        #expect(ranges == Self.plainRanges(units, unterminatedToEnd: unterminated), "\(text)")
        found += ranges.count
      }
    }
    #expect(found > 1000, "the texts have comments")
  }
}
