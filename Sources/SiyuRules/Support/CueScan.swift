import SiyuCore
import SiyuText

/// What the built-in cue lists find in one document, computed once (`Document.analysis`) and read by
/// every cue rule: one walk of the tokens and one scan of the text for all lists, instead of one per
/// list and rule.
///
/// Matches are kept in flat arrays ordered by list, with each match's list alongside: a post has few
/// matches, so finding a list's run is a short scan, and nested arrays would cost a runtime
/// generic-metadata lookup at each creation, more than the matching itself.
final class CueScan: DocumentAnalysis {
  /// Per list: whole-token matches, plus anywhere-matches of the entries marked `text` that no token
  /// match overlaps, in text order.
  private let plain: [KindMatch]
  private let plainLists: [UInt8]
  /// Per list (`CueList.matchesObfuscated` only): matches that only show once separators and
  /// look-alikes are undone, mapped back to the source.
  private let obfuscated: [KindMatch]
  private let obfuscatedLists: [UInt8]
  /// Runs of digits and digit masks with at least one mask (`NumberShapes.maskedRuns`).
  let maskedRuns: [Range<Int>]
  /// The document's inventory, kept here so that rules reading both look up one analysis.
  let inventory: TextInventory

  init(_ document: Document) {
    let cues = CueSet.shared
    let tokens = cues.words.tokenMatches(in: document)
    let anywhere = document.normalized.withUnsafeBufferPointer { cues.textWords.substringMatches(in: $0) }
    var hits = tokens
    for hit in anywhere
    where !tokens.contains(where: { $0.list == hit.list && $0.match.normalizedRange.overlaps(hit.range) }) {
      hits.append(
        MultiListMatcher.TokenHit(
          list: hit.list,
          match: KindMatch(
            sourceRange: document.sourceRange(ofNormalized: hit.range), normalizedRange: hit.range,
            entry: hit.entry)))
    }
    (plain, plainLists) = Self.grouped(hits)
    (obfuscated, obfuscatedLists) = Self.obfuscatedMatches(in: document, cues: cues)
    inventory = document.analysis(TextInventory.self)
    maskedRuns =
      inventory.characters.contains(.digitMask) ? NumberShapes.maskedRuns(in: document.normalized) : []
  }

  /// `list`'s matches on token boundaries and its `text` entries' matches anywhere, in text order.
  func matches(_ list: CueList) -> ArraySlice<KindMatch> {
    Self.run(of: list, in: plain, lists: plainLists)
  }

  /// `list`'s matches that need separators or look-alikes undone (empty unless
  /// `list.matchesObfuscated`).
  func obfuscatedMatches(_ list: CueList) -> ArraySlice<KindMatch> {
    Self.run(of: list, in: obfuscated, lists: obfuscatedLists)
  }

  private static func run(of list: CueList, in matches: [KindMatch], lists: [UInt8]) -> ArraySlice<KindMatch>
  {
    let wanted = UInt8(list.rawValue)
    guard let start = lists.firstIndex(of: wanted) else { return [] }
    var end = start + 1
    while end < lists.count && lists[end] == wanted { end += 1 }
    return matches[start..<end]
  }

  private static func obfuscatedMatches(in document: Document, cues: CueSet) -> ([KindMatch], [UInt8]) {
    let view = document.deobfuscated
    guard view.hasChanges else { return ([], []) }
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
    return grouped(hits)
  }

  /// `hits` ordered by list and, within a list, by position (the order each list's matches come in
  /// already), with each match's list.
  private static func grouped(_ hits: [MultiListMatcher.TokenHit]) -> ([KindMatch], [UInt8]) {
    var ordered = hits
    if ordered.count > 1 {
      ordered.sort {
        ($0.list, $0.match.normalizedRange.lowerBound) < ($1.list, $1.match.normalizedRange.lowerBound)
      }
    }
    return (ordered.map { $0.match }, ordered.map { UInt8($0.list) })
  }
}
