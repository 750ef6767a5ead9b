import Testing

@testable import SiyuText

@Suite struct TrieTests {
  /// The scan for where keys may start stops exactly where a unit-by-unit `mayMatch` would, and never
  /// passes a position where a key is a prefix of the text.
  @Test func firstPossibleMatchAgreesWithMayMatch() {
    let words = ["私域", "私域流量", "流量", "扫码", "码", "加微信", "V信", "ab", "𠮷野"]
    let trie = Trie(words: words)
    let alphabet = Array("私域流量扫码加微信Vab𠮷野的了，。 x".utf16)
    var state: UInt64 = 3
    for length in 0..<60 {
      let text = (0..<length).map { _ -> UInt16 in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return alphabet[Int((state >> 33) % UInt64(alphabet.count))]
      }
      text.withUnsafeBufferPointer { t in
        var naive: [Int] = []
        var i = 0
        while i < t.count {
          while i < t.count && !trie.mayMatch(in: t, at: i) { i += 1 }
          naive.append(i)
          i += 1
        }
        var fast: [Int] = []
        i = 0
        while i < t.count {
          i = trie.firstPossibleMatch(in: t, from: i)
          fast.append(i)
          i += 1
        }
        #expect(fast == naive)
        for start in 0..<t.count where trie.longestPrefix(in: t, from: start, limit: t.count) != nil {
          #expect(naive.contains(start))
        }
      }
    }
  }
}
