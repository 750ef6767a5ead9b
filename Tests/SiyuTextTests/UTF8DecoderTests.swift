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
}
