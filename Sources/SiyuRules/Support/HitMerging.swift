import SiyuCore

/// Helpers for turning matches into one finding per mention.
enum HitMerging {
  /// Source ranges sorted, with overlapping ones and ones separated only by spaces or `:`/`：` merged
  /// (到手价 ¥129 is one mention, not two); empty ranges dropped.
  ///
  /// Works in the array it is given (rules pass one they built and no longer need): it is sorted only
  /// when out of order and merged in place, with no allocation of its own.
  static func merged(_ ranges: consuming [Range<Int>], in document: Document) -> [Range<Int>] {
    var ranges = ranges
    var ordered = true
    var hasEmpty = false
    for index in ranges.indices {
      if ranges[index].isEmpty { hasEmpty = true }
      if index > 0 && ranges[index].lowerBound < ranges[index - 1].lowerBound { ordered = false }
    }
    if hasEmpty { ranges.removeAll { $0.isEmpty } }
    guard ranges.count > 1 else { return ranges }
    if !ordered { ranges.sort { $0.lowerBound < $1.lowerBound } }
    var kept = 1
    document.units.withUnsafeBufferPointer { units in
      for index in 1..<ranges.count {
        let range = ranges[index]
        let last = ranges[kept - 1]
        if range.lowerBound <= last.upperBound + 2,
          units[min(last.upperBound, range.lowerBound)..<range.lowerBound].allSatisfy(isJoiner)
        {
          ranges[kept - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
        } else {
          ranges[kept] = range
          kept += 1
        }
      }
    }
    ranges.removeLast(ranges.count - kept)
    return ranges
  }

  private static func isJoiner(_ unit: UInt16) -> Bool {
    unit == 0x20 || unit == 0x3A || unit == 0xFF1A || unit == 0x3000
  }
}
