import SiyuCore
import SiyuText

/// What the built-in cue lists find in one document, computed once (`Document.analysis`) and read by
/// every cue rule: one walk of the tokens and one scan of the text for all lists, instead of one per
/// list and rule.
///
/// Matches are kept in one flat array ordered by list (and within a list by position), each with its
/// list: a post has few matches, so finding a list's run is a short scan, and nested arrays would cost a
/// runtime generic-metadata lookup at each creation, more than the matching itself. The array the
/// token walk returns is extended, ordered and kept in place, with no copy.
final class CueScan: DocumentAnalysis {
  /// Whole-token matches of every list, plus anywhere-matches of the entries marked `text` that no
  /// token match of the same list overlaps.
  private let plain: [MultiListMatcher.TokenHit]
  /// Matches that only show once separators and look-alikes are undone, mapped back to the source
  /// (lists with `CueList.matchesObfuscated` only).
  private let obfuscated: [MultiListMatcher.TokenHit]
  /// Bit `l` set when list `l` has a match in `plain`, or in `obfuscated`: most lists have none in a
  /// post, and their lookups end here.
  private let plainLists: UInt32
  private let obfuscatedLists: UInt32
  /// Runs of digits and digit masks with at least one mask (`NumberShapes.maskedRuns`).
  let maskedRuns: [Range<Int>]
  /// The document's inventory (`TextInventory.of`), kept here so that a post with a scan needs no
  /// inventory analysis of its own.
  let inventory: TextInventory

  init(_ document: borrowing Document) {
    let cues = CueSet.shared
    var hits = cues.words.tokenMatches(in: document)
    let anywhere = document.normalized.withUnsafeBufferPointer { cues.textWords.substringMatches(in: $0) }
    let tokenHits = hits.count
    for hit in anywhere
    where !hits[..<tokenHits].contains(where: {
      $0.list == hit.list && $0.match.normalizedRange.overlaps(hit.range)
    }) {
      hits.append(
        MultiListMatcher.TokenHit(
          list: hit.list,
          match: KindMatch(
            sourceRange: document.sourceRange(ofNormalized: hit.range), normalizedRange: hit.range,
            entry: hit.entry)))
    }
    Self.order(&hits)
    plain = hits
    plainLists = Self.lists(in: hits)
    obfuscated = Self.obfuscatedMatches(in: document, cues: cues)
    obfuscatedLists = Self.lists(in: obfuscated)
    inventory =
      document.withExistingAnalysis(TextInventory.Analysis.self) { $0.inventory } ?? TextInventory(document)
    maskedRuns =
      inventory.characters.contains(.digitMask) ? NumberShapes.maskedRuns(in: document.normalized) : []
  }

  /// Whether `list` has a match in `matches(_:)`: a bit test, inlined into the rule, so that a rule
  /// whose lists are absent (most rules in most posts) makes no `CueMatches` and calls nothing.
  @inline(__always)
  func contains(_ list: CueList) -> Bool {
    plainLists & (1 << UInt32(list.rawValue)) != 0
  }

  /// Whether `list` has a match in `obfuscatedMatches(_:)` (as `contains(_:)`).
  @inline(__always)
  func containsObfuscated(_ list: CueList) -> Bool {
    obfuscatedLists & (1 << UInt32(list.rawValue)) != 0
  }

  /// `list`'s matches on token boundaries and its `text` entries' matches anywhere, in text order.
  func matches(_ list: CueList) -> CueMatches {
    Self.run(of: list, in: plain, present: plainLists)
  }

  /// `list`'s matches (as `matches(_:)`) that lie inside no match of `exempt`, the list of phrases in
  /// which its words are allowed (第一次 for `ad-law/absolute`, 好治愈 for `ad-law/medical`).
  func matches(_ list: CueList, outside exempt: CueList) -> [KindMatch] {
    let allowed = matches(exempt).map(\.normalizedRange)
    return matches(list).filter { match in
      let range = match.normalizedRange
      return !allowed.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
    }
  }

  /// `list`'s matches that need separators or look-alikes undone (empty unless
  /// `list.matchesObfuscated`).
  func obfuscatedMatches(_ list: CueList) -> CueMatches {
    Self.run(of: list, in: obfuscated, present: obfuscatedLists)
  }

  /// Inlined into each rule's lookup: most lists have no match in a post, and their lookup is then a
  /// bit test, with no call.
  @inline(__always)
  private static func run(of list: CueList, in hits: [MultiListMatcher.TokenHit], present: UInt32)
    -> CueMatches
  {
    let wanted = list.rawValue
    guard present & (1 << UInt32(wanted)) != 0, let start = hits.firstIndex(where: { $0.list == wanted })
    else { return CueMatches(hits: []) }
    var end = start + 1
    while end < hits.count && hits[end].list == wanted { end += 1 }
    return CueMatches(hits: hits[start..<end])
  }

  private static func obfuscatedMatches(in document: Document, cues: CueSet) -> [MultiListMatcher.TokenHit] {
    let view = document.deobfuscated
    guard view.hasChanges else { return [] }
    let found = view.units.withUnsafeBufferPointer {
      cues.words.substringMatches(in: $0, lists: cues.obfuscatedLists)
    }
    var hits: [MultiListMatcher.TokenHit] = []
    for hit in found where hit.range.count >= 2 && view.isChanged(hit.range) {
      let normalized = view.normalizedRange(hit.range)
      hits.append(
        MultiListMatcher.TokenHit(
          list: hit.list,
          match: KindMatch(
            sourceRange: document.sourceRange(ofNormalized: normalized), normalizedRange: normalized,
            entry: hit.entry)))
    }
    order(&hits)
    return hits
  }

  private static func lists(in hits: [MultiListMatcher.TokenHit]) -> UInt32 {
    hits.reduce(0) { $0 | 1 << UInt32($1.list) }
  }

  /// Orders `hits` by list and, within a list, by position (the order each list's matches come in
  /// already).
  private static func order(_ hits: inout [MultiListMatcher.TokenHit]) {
    guard hits.count > 1 else { return }
    hits.sort {
      ($0.list, $0.match.normalizedRange.lowerBound) < ($1.list, $1.match.normalizedRange.lowerBound)
    }
  }
}
