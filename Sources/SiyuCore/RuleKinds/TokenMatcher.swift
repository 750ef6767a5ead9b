import SiyuText

/// Matches lexicon words against whole tokens: a word matches only where it starts at a token's start and
/// ends at a token's end, so segmentation decides (秒杀 does not match inside a token 秒杀价), not substring
/// search. A single token made entirely of lexicon words (限时秒杀 = 限时 + 秒杀) matches as well, so a
/// compound in the segmentation lexicon does not hide its parts. Words are normalized like posts (NFKC,
/// lower case, Simplified) and matched on `Document`'s normalized text; matches report source ranges.
public struct TokenMatcher: Sendable {
  private let trie: Trie

  /// - Parameter words: the lexicon; empty words and words that normalize to nothing are ignored. A
  ///   match's `entry` is the index of its word here.
  public init(words: [String]) {
    let normalizer = Normalizer()
    var keys: [([UInt16], Int32)] = []
    for (index, word) in words.enumerated() {
      let key = Array(normalizer.normalize(word).utf16)
      if !key.isEmpty { keys.append((key, Int32(index))) }
    }
    trie = Trie(keys)
  }

  public var isEmpty: Bool { trie.isEmpty }

  /// The longest token-aligned match at each token, left to right, not overlapping.
  public func matches(in document: Document) -> [KindMatch] {
    guard !trie.isEmpty else { return [] }
    let tokens = document.tokens
    var found: [KindMatch] = []
    document.normalized.withUnsafeBufferPointer { text in
      var i = 0
      while i < tokens.count {
        let start = Int(tokens[i].normalizedStart)
        guard start < text.count, trie.hasKeys(startingWith: text[start]) else {
          i += 1
          continue
        }
        var last = -1
        var lastEntry: Int32 = -1
        var j = i
        let tokenEnd = Int(tokens[i].normalizedEnd)
        // A word ending inside the token: without one the token cannot be a compound of words.
        var endsInside = false
        trie.forEachPrefix(in: text, from: start, limit: text.count) { end, payload in
          if end < tokenEnd { endsInside = true }
          while j < tokens.count && Int(tokens[j].normalizedEnd) < end { j += 1 }
          if j < tokens.count && Int(tokens[j].normalizedEnd) == end {
            last = j
            lastEntry = payload
          }
          return j < tokens.count
        }
        if last >= 0 {
          found.append(
            KindMatch(
              sourceRange: Int(tokens[i].sourceStart)..<Int(tokens[last].sourceEnd),
              normalizedRange: start..<Int(tokens[last].normalizedEnd), entry: Int(lastEntry)))
          i = last + 1
        } else {
          if endsInside, isCompound(text, start, tokenEnd) {
            found.append(
              KindMatch(
                sourceRange: tokens[i].sourceRange, normalizedRange: start..<tokenEnd, entry: -1))
          }
          i += 1
        }
      }
    }
    return found
  }

  /// Every occurrence of a lexicon word in `units` (any text, e.g. a de-obfuscated view), longest at each
  /// position, left to right, not overlapping; ranges index `units`.
  public func substringMatches(in units: UnsafeBufferPointer<UInt16>) -> [(range: Range<Int>, entry: Int)] {
    guard !trie.isEmpty else { return [] }
    var found: [(range: Range<Int>, entry: Int)] = []
    var i = 0
    while i < units.count {
      if trie.hasKeys(startingWith: units[i]),
        let longest = trie.longestPrefix(in: units, from: i, limit: units.count)
      {
        found.append((i..<longest.end, Int(longest.payload)))
        i = longest.end
      } else {
        i += 1
      }
    }
    return found
  }

  /// Whether `text[start..<end]` splits into two or more lexicon words.
  private func isCompound(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
    let length = end - start
    guard length >= 2, length <= 32 else { return false }
    // parts[k]: the fewest words text[start..<start+k] splits into (Int.max: it does not).
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: length + 1) { parts in
      parts.initialize(repeating: Int.max)
      parts[0] = 0
      for k in 0..<length where parts[k] != Int.max {
        trie.forEachPrefix(in: text, from: start + k, limit: end) { wordEnd, _ in
          parts[wordEnd - start] = min(parts[wordEnd - start], parts[k] + 1)
          return true
        }
      }
      return parts[length] != Int.max && parts[length] >= 2
    }
  }
}
