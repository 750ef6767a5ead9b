import Testing

@testable import SiyuText

@Suite struct LexiconTests {
  @Test func format() {
    let text = "# comment\n\n私域\n  社群运营 \n元\tprice\textra\n#not an entry\n\t\n"
    let lexicon = Lexicon(name: "t.txt", text: text)
    #expect(lexicon.words == ["私域", "社群运营", "元"])
    #expect(lexicon.entries[2].fields == ["price", "extra"])
    #expect(lexicon.entries.map(\.line) == [3, 4, 5])
  }

  @Test func builtinLexiconsAreEmbedded() {
    let words = Segmenter.builtinWordLexicons().flatMap(\.words)
    #expect(words.count >= 4000, "segmentation lexicons hold \(words.count) entries")
    #expect(Set(words).count == words.count, "duplicate entries in lexicons/seg")
    #expect(BuiltinLexicons.lexicon("units.txt")?.words.contains("元") == true)
  }

  @Test func trieFindsEveryPrefixShortestFirst() {
    let trie = Trie(words: ["私域", "私域流量", "流量"])
    let text = Array("私域流量池".utf16)
    var ends: [Int] = []
    text.withUnsafeBufferPointer { buffer in
      trie.forEachPrefix(in: buffer, from: 0, limit: buffer.count) { end, _ in
        ends.append(end)
        return true
      }
    }
    #expect(ends == [2, 4])
  }
}
