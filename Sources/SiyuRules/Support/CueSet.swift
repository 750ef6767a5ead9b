import SiyuCore

/// Every built-in cue list, loaded once, with the two combined matchers `CueScan` runs: all entries
/// on token boundaries, and the entries marked `text` anywhere in the text.
final class CueSet: Sendable {
  static let shared = CueSet()

  /// By `CueList.rawValue`.
  let lexicons: [CueLexicon]
  let words: MultiListMatcher
  let textWords: MultiListMatcher
  /// Bit mask of the lists matched on the de-obfuscated view.
  let obfuscatedLists: UInt32

  private init() {
    lexicons = CueList.allCases.map { CueLexicon($0.path) }
    words = MultiListMatcher(lists: lexicons.map(\.words))
    textWords = MultiListMatcher(lists: lexicons.map(\.textWords))
    obfuscatedLists = CueList.allCases.reduce(0) {
      $0 | ($1.matchesObfuscated ? 1 << UInt32($1.rawValue) : 0)
    }
  }
}
