import Testing

@testable import SiyuText

/// The buffers the segmenter hands out and reuses: the normalizer's arrays, the de-obfuscated view's
/// storage, and the UTF-8 decoder's three-byte fast path.
@Suite struct ReusedBufferTests {
  private func decode(_ bytes: [UInt8], isFinal: Bool = true) -> (units: [UInt16], result: UTF8Decoder.Result)
  {
    var out = [UInt16](repeating: 0, count: bytes.count + 1)
    let result = bytes.withUnsafeBufferPointer { src in
      out.withUnsafeMutableBufferPointer { UTF8Decoder.decode(src, into: $0.baseAddress!, isFinal: isFinal) }
    }
    return (Array(out[0..<result.written]), result)
  }

  @Test func threeByteSequencesDecodeLikeTheStandardLibrary() {
    // Every three-byte lead, the edges of the surrogate gap, and mixed widths around them.
    let text = "\u{800}\u{FFF}\u{1000}\u{CFFF}\u{D7FF}\u{E000}\u{FFFD}\u{FFFF}中文，ａ１𠮷🔥é x"
    let bytes = Array(text.utf8)
    let (units, result) = decode(bytes)
    #expect(units == Array(text.utf16))
    #expect(result.consumed == bytes.count && result.invalidAt == nil)
    let checked = bytes.withUnsafeBufferPointer { UTF8Decoder.firstInvalidOffset($0, isFinal: true) }
    #expect(checked.invalid == nil && checked.consumed == bytes.count)
  }

  @Test(
    "three-byte sequences the fast path must refuse",
    arguments: [
      ([0xE4, 0xB8, 0xAD, 0xE0, 0x9F, 0xBF], 3),  // overlong (U+07FF in three bytes)
      ([0xE4, 0xB8, 0xAD, 0xED, 0xA0, 0x80], 3),  // lead surrogate U+D800
      ([0xE4, 0xB8, 0xAD, 0xED, 0xBF, 0xBF], 3),  // trail surrogate U+DFFF
      ([0xE4, 0xB8, 0xAD, 0xE4, 0x41, 0xAD], 3),  // second byte not a continuation
      ([0xE4, 0xB8, 0xAD, 0xE4, 0xB8, 0x41], 3),  // third byte not a continuation
      ([0x41, 0xE4, 0xB8], 1),  // cut at the end of the input
    ] as [([UInt8], Int)])
  func refusesBadThreeByteSequences(bytes: [UInt8], offset: Int) {
    let (units, result) = decode(bytes)
    #expect(result.invalidAt == offset)
    #expect(units == Array(String(decoding: bytes[0..<offset], as: UTF8.self).utf16))
    let checked = bytes.withUnsafeBufferPointer { UTF8Decoder.firstInvalidOffset($0, isFinal: true) }
    #expect(checked.invalid == offset)
  }

  @Test func anIncompleteThreeByteTailWaitsForMoreInput() {
    let bytes: [UInt8] = [0xE4, 0xB8, 0xAD, 0xE6, 0x96]
    let (units, result) = decode(bytes, isFinal: false)
    #expect(units == Array("中".utf16))
    #expect(result.consumed == 3 && result.invalidAt == nil)
  }

  @Test func normalizedTextHandedOutStaysIntactWhenTheNormalizerRunsAgain() {
    let normalizer = Normalizer()
    Array("ＡＢＣ１２３，說話".utf16).withUnsafeBufferPointer { normalizer.normalize($0) }
    let first = normalizer.units
    let firstMap = normalizer.map
    #expect(String(decoding: first, as: UTF16.self) == "abc123,说话")
    #expect(firstMap.count == first.count + 1)
    Array("短".utf16).withUnsafeBufferPointer { normalizer.normalize($0) }
    #expect(String(decoding: first, as: UTF16.self) == "abc123,说话")
    #expect(firstMap.last == 9)
    #expect(normalizer.units == Array("短".utf16) && normalizer.map == [0, 1])
    #expect(normalizer.count == 1)
    // Once the first result is gone, a longer text grows the same arrays again.
    Array("ｌｏｎｇｅｒ　ｔｅｘｔ".utf16).withUnsafeBufferPointer { normalizer.normalize($0) }
    #expect(String(decoding: normalizer.units, as: UTF16.self) == "longer text")
    #expect(normalizer.map.count == normalizer.count + 1)
    Array("".utf16).withUnsafeBufferPointer { normalizer.normalize($0) }
    #expect(normalizer.units.isEmpty && normalizer.map == [0])
  }

  @Test func aViewBuiltIntoReusedStorageEqualsAFreshOneAndLeavesTheLastIntact() {
    var storage = DeobfuscatedText.Storage()
    let texts = ["加 微.信 abc", "扫🌸码", "", "в х ✔ 丶 下单", "短"]
    var kept: [(DeobfuscatedText, DeobfuscatedText)] = []
    for text in texts {
      let units = Array(text.utf16)
      let reused = DeobfuscatedText(normalized: units, reusing: &storage)
      let fresh = DeobfuscatedText(normalized: units)
      #expect(reused.units == fresh.units && reused.map == fresh.map && reused.changes == fresh.changes)
      #expect(reused.hasChanges == fresh.hasChanges)
      kept.append((reused, fresh))
    }
    for (reused, fresh) in kept {
      #expect(reused.units == fresh.units && reused.map == fresh.map && reused.changes == fresh.changes)
    }
  }

  @Test func theSegmentersViewIsTheViewOfItsNormalizedText() throws {
    let segmenter = try Segmenter()
    for text in ["扫 码 加 微.信", "ＶＸ：ａｂｃ１２３", "普通的一句话"] {
      Array(text.utf16).withUnsafeBufferPointer { _ = segmenter.segment($0) }
      let view = segmenter.deobfuscatedText()
      let fresh = DeobfuscatedText(normalized: segmenter.normalizer.units)
      #expect(view.units == fresh.units && view.map == fresh.map && view.changes == fresh.changes)
    }
  }
}
