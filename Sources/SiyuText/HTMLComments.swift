/// `<!-- … -->` comments in a post's text: where suppression directives live, and what the duplicate
/// signature, the classifier's features and style profiles leave out.
public enum HTMLComments {
  /// The comments of `units`, in order, each from its `<!--` to the end of its `-->`. An unterminated
  /// `<!--` runs to the end of the text when `unterminatedToEnd`; otherwise it is no comment.
  public static func ranges(in units: UnsafeBufferPointer<UInt16>, unterminatedToEnd: Bool) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    let n = units.count
    var i = skipToAngleBracket(units)
    while i + 3 < n {
      guard units[i] == 0x3C, units[i + 1] == 0x21, units[i + 2] == 0x2D, units[i + 3] == 0x2D else {
        i += 1
        continue
      }
      var j = i + 4
      while j + 2 < n && !(units[j] == 0x2D && units[j + 1] == 0x2D && units[j + 2] == 0x3E) { j += 1 }
      guard j + 2 < n else {
        if unterminatedToEnd { ranges.append(i..<n) }
        break
      }
      ranges.append(i..<(j + 3))
      i = j + 3
    }
    return ranges
  }

  /// The start of the first four-unit group of `units` holding a `<`, or where the groups end (most
  /// posts have no `<`): four units at a time, by the zero-lane test on their XOR with `<`s.
  @inline(__always)
  static func skipToAngleBracket(_ units: UnsafeBufferPointer<UInt16>) -> Int {
    guard let base = units.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let n = units.count
    var i = 0
    while i &+ 4 <= n {
      let x = raw.loadUnaligned(fromByteOffset: i &* 2, as: UInt64.self) ^ 0x003C_003C_003C_003C
      if (x &- 0x0001_0001_0001_0001) & ~x & 0x8000_8000_8000_8000 != 0 { break }
      i &+= 4
    }
    return i
  }

  public static func ranges(in units: [UInt16], unterminatedToEnd: Bool) -> [Range<Int>] {
    units.withUnsafeBufferPointer { ranges(in: $0, unterminatedToEnd: unterminatedToEnd) }
  }
}
