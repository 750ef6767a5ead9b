/// `<!-- … -->` comments in a post's text: where suppression directives live, and what the duplicate
/// signature, the classifier's features and style profiles leave out.
public enum HTMLComments {
  /// The comments of `units`, in order, each from its `<!--` to the end of its `-->`. An unterminated
  /// `<!--` runs to the end of the text when `unterminatedToEnd`; otherwise it is no comment.
  public static func ranges(in units: UnsafeBufferPointer<UInt16>, unterminatedToEnd: Bool) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    let n = units.count
    var i = 0
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

  public static func ranges(in units: [UInt16], unterminatedToEnd: Bool) -> [Range<Int>] {
    units.withUnsafeBufferPointer { ranges(in: $0, unterminatedToEnd: unterminatedToEnd) }
  }
}
