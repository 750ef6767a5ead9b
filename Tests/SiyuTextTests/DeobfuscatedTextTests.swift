import Testing

@testable import SiyuText

@Suite struct DeobfuscatedTextTests {
  private func view(_ text: String) -> DeobfuscatedText {
    DeobfuscatedText(normalized: Array(text.utf16))
  }

  @Test func separatorsBetweenCharactersAreDroppedAndMappedBack() {
    let v = view("扫 码.下_单")
    #expect(String(decoding: v.units, as: UTF16.self) == "扫码下单")
    #expect(v.map == [0, 2, 4, 6])
    #expect(!v.isChanged(0..<1))
    #expect(v.isChanged(0..<2))
    #expect(v.normalizedRange(0..<2) == 0..<3)
  }

  @Test func sentencePunctuationIsNotASeparator() {
    // 试一下，单买 must not read as 下单.
    #expect(String(decoding: view("一下,单").units, as: UTF16.self) == "一下,单")
  }

  @Test func emojiBetweenCharactersAreSeparatorsButAstralCJKIsKept() {
    let v = view("加🌸薇𠮷")
    #expect(String(decoding: v.units, as: UTF16.self) == "加薇𠮷")
    #expect(v.isChanged(0..<2))
  }

  @Test func lookAlikesAreMappedAndFlagged() {
    let v = view("ν信➕в")
    #expect(String(decoding: v.units, as: UTF16.self) == "v信+b")
    #expect(v.isChanged(0..<1))
    #expect(v.changes[1] == 0)
  }

  @Test func idsAfterDisguisedContactCues() {
    func found(_ text: String) -> [String] {
      let v = view(text)
      return v.disguisedContactIDs().map { r in
        String(decoding: Array(text.utf16)[v.normalizedRange(r)], as: UTF16.self)
      }
    }
    #expect(found("微.信:lily2024") == ["微.信:lily2024"])
    #expect(found("加微❤信 abc12345 备注") == ["微❤信 abc12345"])
    // The plain spelling is the span scanner's (a contact token), not a disguise.
    #expect(found("微信:lily2024").isEmpty)
    // A disguised cue without an id, or an id too short, is not a contact id.
    #expect(found("我的微.信朋友很多").isEmpty)
    #expect(found("微.信:ab1").isEmpty)
  }

  @Test func anUnpairedSurrogateDoesNotTrap() {
    let units: [UInt16] = [0xD83D, 0x41, 0xDC00, 0x4E00]
    let v = DeobfuscatedText(normalized: units)
    #expect(v.units.count == 4)
  }

  @Test func digitValues() {
    #expect(DeobfuscatedText.digitValue(0x37) == 7)
    #expect(DeobfuscatedText.digitValue(0x4E09) == 3)  // 三
    #expect(DeobfuscatedText.digitValue(0x5E7A) == 1)  // 幺
    #expect(DeobfuscatedText.digitValue(0x2778) == 3)  // ❸
    #expect(DeobfuscatedText.digitValue(0x5929) == nil)  // 天
  }

  @Test func nonASCIIDigitUnitsAreExactlyTheOnesWithAValue() {
    let listed = Set(DeobfuscatedText.nonASCIIDigitUnits)
    let disagreeing = (UInt16(0x80)...0xFFFF).filter {
      (DeobfuscatedText.digitValue($0) != nil) != listed.contains($0)
    }
    #expect(disagreeing.isEmpty, "\(disagreeing.map { String($0, radix: 16) })")
  }
}
