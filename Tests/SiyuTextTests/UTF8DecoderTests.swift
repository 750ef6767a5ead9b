import Testing

@testable import SiyuText

@Suite struct UTF8DecoderTests {
  @Test(
    arguments: [
      ([0xC0, 0x80], 0),  // overlong NUL
      ([0x61, 0xE0, 0x80, 0x80], 1),  // overlong three-byte
      ([0xED, 0xA0, 0x80], 0),  // UTF-16 surrogate
      ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
      ([0xF5, 0x80, 0x80, 0x80], 0),
      ([0x61, 0x62, 0x80], 2),  // lone continuation byte
      ([0xE4, 0xBD], 0),  // truncated at the end
      ([0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0xFF], 9),  // after the ASCII fast path
    ] as [([UInt8], Int)])
  func rejectsInvalidSequences(bytes: [UInt8], offset: Int) {
    let result = bytes.withUnsafeBufferPointer { UTF8Decoder.firstInvalidOffset($0, isFinal: true) }
    #expect(result.invalid == offset)
  }

  @Test func acceptsValidTextAndKeepsAnIncompleteTailForLater() {
    let text = Array("aaaaaaaaaa你好𠮷🔥 ok".utf8)
    let whole = text.withUnsafeBufferPointer { UTF8Decoder.firstInvalidOffset($0, isFinal: true) }
    #expect(whole.invalid == nil && whole.consumed == text.count)
    let cut = Array(text.dropLast(5))  // ends inside 🔥
    let partial = cut.withUnsafeBufferPointer { UTF8Decoder.firstInvalidOffset($0, isFinal: false) }
    #expect(partial.invalid == nil && partial.consumed < cut.count)
    var out = [UInt16](repeating: 0, count: text.count)
    let decoded = text.withUnsafeBufferPointer { src in
      out.withUnsafeMutableBufferPointer { UTF8Decoder.decode(src, into: $0.baseAddress!, isFinal: true) }
    }
    #expect(String(decoding: out[0..<decoded.written], as: UTF16.self) == "aaaaaaaaaa你好𠮷🔥 ok")
  }

  /// Random mixes of valid text and broken pieces, checked against the standard library's validation: the
  /// first invalid offset is the length of the longest valid prefix, and decoding writes exactly its UTF-16.
  @Test func agreesWithTheStandardLibraryOnRandomBytes() {
    let pieces: [[UInt8]] = [
      Array("abcdefghij".utf8), Array("你".utf8), Array("好的".utf8), Array("é".utf8), Array("🔥".utf8),
      Array("𠮷".utf8), Array("\u{E000}".utf8), Array("\u{FFFD}".utf8), [0xE0, 0x80, 0x80],
      [0xE0, 0x9F, 0xBF],
      [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xE4, 0xBD], [0xE4],
      [0x80], [0xFF], [0xC1, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0x41, 0x80],
      [0xE4, 0xBD, 0x41],
    ]
    var state: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<3000 {
      var bytes: [UInt8] = []
      for _ in 0..<(1 + next(12)) {
        // Mostly valid CJK so the runs are long, now and then something else.
        bytes += next(3) == 0 ? pieces[next(pieces.count)] : pieces[1 + next(2)]
      }
      var valid = bytes.count
      while String(validating: bytes[0..<valid], as: UTF8.self) == nil { valid -= 1 }
      let checked = bytes.withUnsafeBufferPointer { UTF8Decoder.firstInvalidOffset($0, isFinal: true) }
      #expect(checked.invalid == (valid == bytes.count ? nil : valid), "\(bytes)")
      var out = [UInt16](repeating: 0, count: bytes.count + 1)
      let decoded = bytes.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { UTF8Decoder.decode(src, into: $0.baseAddress!, isFinal: true) }
      }
      #expect(decoded.invalidAt == (valid == bytes.count ? nil : valid), "\(bytes)")
      #expect(decoded.consumed == valid)
      let expected = Array(String(validating: bytes[0..<valid], as: UTF8.self)!.utf16)
      #expect(Array(out[0..<decoded.written]) == expected, "\(bytes)")
    }
  }
}
