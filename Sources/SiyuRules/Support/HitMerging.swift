import SiyuCore

/// Helpers for turning matches into one finding per mention.
enum HitMerging {
  /// Source ranges sorted, with overlapping ones and ones separated only by spaces or `:`/`：` merged
  /// (到手价 ¥129 is one mention, not two).
  static func merged(_ ranges: [Range<Int>], in document: Document) -> [Range<Int>] {
    if ranges.count == 1 && !ranges[0].isEmpty { return ranges }
    var sorted = ranges
    sorted.removeAll { $0.isEmpty }
    sorted.sort { $0.lowerBound < $1.lowerBound }
    var result: [Range<Int>] = []
    for range in sorted {
      if let last = result.last, range.lowerBound <= last.upperBound + 2,
        document.units[min(last.upperBound, range.lowerBound)..<range.lowerBound].allSatisfy(isJoiner)
      {
        result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        result.append(range)
      }
    }
    return result
  }

  private static func isJoiner(_ unit: UInt16) -> Bool {
    unit == 0x20 || unit == 0x3A || unit == 0xFF1A || unit == 0x3000
  }
}
