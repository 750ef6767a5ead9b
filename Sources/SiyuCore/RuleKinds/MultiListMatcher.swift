import SiyuText

/// Several word lists behind one trie, matched in one pass over a document: each list's matches are
/// the same as over that list alone (`TokenMatcher` is the one-list case), but the tokens and
/// the text are walked once for all lists instead of once per list.
///
/// A key shared by several lists carries one posting per list; within a list a later duplicate of a
/// word replaces the earlier entry, as in `Trie`.
public struct MultiListMatcher: Sendable {
  /// A match of list `list`'s word `entry` at `range` (in `substringMatches`, a range of the units
  /// searched).
  public struct Hit: Sendable {
    public var list: Int
    public var entry: Int
    public var range: Range<Int>
  }

  /// A whole-token match of list `list` (`tokenMatches`).
  public struct TokenHit: Sendable {
    public var list: Int
    public var match: KindMatch

    public init(list: Int, match: KindMatch) {
      self.list = list
      self.match = match
    }
  }

  private let trie: Trie
  /// Postings of trie payload `p`: `postingList[postingStart[p]..<postingStart[p + 1]]` (the lists)
  /// with the matching entry indexes in `postingEntry`.
  private let postingStart: [Int32]
  private let postingList: [UInt8]
  private let postingEntry: [Int32]
  /// Per trie payload, bit `l` set when list `l` has the key.
  private let keyLists: [UInt32]
  /// Number of lists; results have one array per list.
  public let listCount: Int

  /// The most lists one matcher takes (bits of a mask).
  public static let maximumLists = 32

  /// - Parameter lists: the words of each list; a match's `entry` is the word's index in its list.
  ///   Empty words and words that normalize to nothing are ignored.
  public init(lists: [[String]]) {
    precondition(lists.count <= Self.maximumLists, "too many lists for one matcher")
    listCount = lists.count
    let normalizer = Normalizer()
    var keyIndex: [[UInt16]: Int] = [:]
    keyIndex.reserveCapacity(lists.reduce(0) { $0 + $1.count })
    var postings: [[(list: UInt8, entry: Int32)]] = []
    for (list, words) in lists.enumerated() {
      for (entry, word) in words.enumerated() where !word.isEmpty {
        // The normalized units, not a String made of them: at start-up, for every word of every list.
        let key = Array(word.utf16).withUnsafeBufferPointer {
          normalizer.normalize($0)
          return normalizer.units
        }
        guard !key.isEmpty else { continue }
        if let index = keyIndex[key] {
          if let same = postings[index].firstIndex(where: { $0.list == UInt8(list) }) {
            postings[index][same].entry = Int32(entry)
          } else {
            postings[index].append((UInt8(list), Int32(entry)))
          }
        } else {
          keyIndex[key] = postings.count
          postings.append([(UInt8(list), Int32(entry))])
        }
      }
    }
    trie = Trie(keyIndex.map { ($0.key, Int32($0.value)) })
    var start: [Int32] = [0]
    var lists: [UInt8] = []
    var entries: [Int32] = []
    var masks: [UInt32] = []
    for group in postings {
      var mask: UInt32 = 0
      for posting in group {
        lists.append(posting.list)
        entries.append(posting.entry)
        mask |= 1 << UInt32(posting.list)
      }
      start.append(Int32(lists.count))
      masks.append(mask)
    }
    postingStart = start
    postingList = lists
    postingEntry = entries
    keyLists = masks
  }

  public var isEmpty: Bool { trie.isEmpty }

  /// Per list, the longest token-aligned match at each token, left to right, not overlapping; a token
  /// made entirely of two or more of one list's words matches that list with entry -1 (see
  /// `TokenMatcher`).
  /// The hits of all lists come in token order; per list, that is `TokenMatcher`'s order.
  public func tokenMatches(in document: Document) -> [TokenHit] {
    var found: [TokenHit] = []
    guard !trie.isEmpty else { return found }
    let tokens = document.tokens
    let count = listCount
    document.normalized.withUnsafeBufferPointer { text in
      // Per list: the last token a match at the current token reaches (-1: none), its entry, the
      // first token a new match may start at, and whether a word ends inside the current token.
      withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * count) { state in
        state.initialize(repeating: 0)
        var i = 0
        while i < tokens.count {
          defer { i += 1 }
          let start = Int(tokens[i].normalizedStart)
          guard start < text.count, trie.mayMatch(in: text, at: start) else { continue }
          let tokenEnd = Int(tokens[i].normalizedEnd)
          var touched: UInt32 = 0
          var endsInside: UInt32 = 0
          var j = i
          trie.forEachPrefix(in: text, from: start, limit: text.count) { end, payload in
            while j < tokens.count && Int(tokens[j].normalizedEnd) < end { j += 1 }
            let aligned = j < tokens.count && Int(tokens[j].normalizedEnd) == end
            let mask = keyLists[Int(payload)]
            if end < tokenEnd { endsInside |= mask }
            for p in Int(postingStart[Int(payload)])..<Int(postingStart[Int(payload) + 1]) {
              let list = Int(postingList[p])
              if touched & (1 << UInt32(list)) == 0 {
                touched |= 1 << UInt32(list)
                state[3 * list] = -1
              }
              if aligned {
                state[3 * list] = j
                state[3 * list + 1] = Int(postingEntry[p])
              }
            }
            return j < tokens.count
          }
          var lists = touched
          while lists != 0 {
            let list = lists.trailingZeroBitCount
            lists &= lists - 1
            guard i >= state[3 * list + 2] else { continue }
            let last = state[3 * list]
            if last >= 0 {
              found.append(
                TokenHit(
                  list: list,
                  match: KindMatch(
                    sourceRange: Int(tokens[i].sourceStart)..<Int(tokens[last].sourceEnd),
                    normalizedRange: start..<Int(tokens[last].normalizedEnd), entry: state[3 * list + 1])))
              state[3 * list + 2] = last + 1
            } else if endsInside & (1 << UInt32(list)) != 0,
              isCompound(text, start, tokenEnd, list: UInt32(list))
            {
              found.append(
                TokenHit(
                  list: list,
                  match: KindMatch(
                    sourceRange: tokens[i].sourceRange, normalizedRange: start..<tokenEnd, entry: -1)
                ))
            }
          }
        }
      }
    }
    return found
  }

  /// For each list in `mask` (bit `l` for list `l`), every occurrence of its words in `units` (any
  /// text, e.g. a de-obfuscated view), longest at each position, left to right, not overlapping within
  /// the list; ranges index `units`. Lists outside `mask` get no matches. The hits of all lists come in
  /// text order.
  public func substringMatches(in units: UnsafeBufferPointer<UInt16>, lists mask: UInt32 = .max) -> [Hit] {
    var found: [Hit] = []
    guard !trie.isEmpty else { return found }
    let count = listCount
    // Per list: the end of the longest match at the current position, its entry, and the first
    // position a new match may start at.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * count) { state in
      state.initialize(repeating: 0)
      var i = nextCandidate(in: units, from: 0)
      while i < units.count {
        defer { i = nextCandidate(in: units, from: i + 1) }
        var touched: UInt32 = 0
        trie.forEachPrefix(in: units, from: i, limit: units.count) { end, payload in
          guard keyLists[Int(payload)] & mask != 0 else { return true }
          for p in Int(postingStart[Int(payload)])..<Int(postingStart[Int(payload) + 1]) {
            let list = Int(postingList[p])
            guard mask & (1 << UInt32(list)) != 0, i >= state[3 * list + 2] else { continue }
            touched |= 1 << UInt32(list)
            state[3 * list] = end
            state[3 * list + 1] = Int(postingEntry[p])
          }
          return true
        }
        var lists = touched
        while lists != 0 {
          let list = lists.trailingZeroBitCount
          lists &= lists - 1
          found.append(Hit(list: list, entry: state[3 * list + 1], range: i..<state[3 * list]))
          state[3 * list + 2] = state[3 * list]
        }
      }
    }
    return found
  }

  /// The first position at or after `start` where a word may start (`units.count` when there is
  /// none). Not inlined: on its own, the scan over the units that start no word keeps its state in
  /// registers, where inside `substringMatches` it is spilled to the stack.
  @inline(never)
  private func nextCandidate(in units: UnsafeBufferPointer<UInt16>, from start: Int) -> Int {
    var i = start
    while i < units.count && !trie.mayMatch(in: units, at: i) { i += 1 }
    return i
  }

  /// Whether `text[start..<end]` splits into two or more words of list `list`.
  private func isCompound(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int, list: UInt32)
    -> Bool
  {
    let length = end - start
    guard length >= 2, length <= 32 else { return false }
    let bit: UInt32 = 1 << list
    // parts[k]: the fewest words text[start..<start+k] splits into (Int.max: it does not).
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: length + 1) { parts in
      parts.initialize(repeating: Int.max)
      parts[0] = 0
      for k in 0..<length where parts[k] != Int.max {
        trie.forEachPrefix(in: text, from: start + k, limit: end) { wordEnd, payload in
          if keyLists[Int(payload)] & bit != 0 {
            parts[wordEnd - start] = min(parts[wordEnd - start], parts[k] + 1)
          }
          return true
        }
      }
      return parts[length] != Int.max && parts[length] >= 2
    }
  }
}
