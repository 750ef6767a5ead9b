import SiyuText

/// Matches lexicon words against whole tokens: a word matches only where it starts at a token's start and
/// ends at a token's end, so segmentation decides (秒杀 does not match inside a token 秒杀价), not substring
/// search. Words are normalized like posts (NFKC, lower case, Simplified) and matched on `Document`'s
/// normalized text; matches report source ranges.
public struct TokenMatcher: Sendable {
  private let trie: Trie

  /// - Parameter words: the lexicon; empty words and words that normalize to nothing are ignored.
  public init(words: [String]) {
    let normalizer = Normalizer()
    var keys: [[UInt16]] = []
    for word in words {
      let key = Array(normalizer.normalize(word).utf16)
      if !key.isEmpty { keys.append(key) }
    }
    trie = Trie(keys.enumerated().map { ($0.element, Int32($0.offset)) })
  }

  /// The longest token-aligned match at each token, left to right, not overlapping.
  public func matches(in document: Document) -> [KindMatch] {
    guard !trie.isEmpty else { return [] }
    let tokens = document.tokens
    var found: [KindMatch] = []
    document.normalized.withUnsafeBufferPointer { text in
      var i = 0
      while i < tokens.count {
        let start = Int(tokens[i].normalizedStart)
        guard start < text.count, trie.root(text[start]) != 0 else {
          i += 1
          continue
        }
        var last = -1
        var j = i
        trie.forEachPrefix(in: text, from: start, limit: text.count) { end, _ in
          while j < tokens.count && Int(tokens[j].normalizedEnd) < end { j += 1 }
          if j < tokens.count && Int(tokens[j].normalizedEnd) == end { last = j }
          return j < tokens.count
        }
        if last >= 0 {
          found.append(
            KindMatch(
              sourceRange: Int(tokens[i].sourceStart)..<Int(tokens[last].sourceEnd),
              normalizedRange: start..<Int(tokens[last].normalizedEnd)))
          i = last + 1
        } else {
          i += 1
        }
      }
    }
    return found
  }
}
