import SiyuCore

/// One cue list's matches in a post (`CueScan.matches(_:)`), in text order: a view of the scan's
/// matches, so that handing a list to a rule copies nothing.
struct CueMatches: RandomAccessCollection {
  typealias Indices = Range<Int>

  let hits: ArraySlice<MultiListMatcher.TokenHit>

  var startIndex: Int { hits.startIndex }
  var endIndex: Int { hits.endIndex }
  subscript(position: Int) -> KindMatch { hits[position].match }
}
