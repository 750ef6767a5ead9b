import Testing

@testable import SiyuText

@Suite struct UTF16StringTests {
  @Test(
    "agrees with String(decoding:as:) on every kind of unit",
    arguments: [
      [], Array("abc".utf16), Array("é中文🔥𠮷".utf16), [0xD800], [0xDC00, 0x41], [0x41, 0xD83D],
      [0xD83D, 0xD83D, 0xDD25],
      [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0xFEFF, 0],
    ] as [[UInt16]])
  func agrees(_ units: [UInt16]) {
    #expect(UTF16String.make(units) == String(decoding: units, as: UTF16.self))
  }

  @Test func randomUnitsAgree() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let units = (0..<Int.random(in: 0..<40, using: &generator)).map { _ -> UInt16 in
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return UInt16.random(in: 0..<0x80, using: &generator)
        case 1: return UInt16.random(in: 0xD800..<0xE000, using: &generator)
        default: return UInt16.random(in: 0..<0xFFFF, using: &generator)
        }
      }
      #expect(UTF16String.make(units) == String(decoding: units, as: UTF16.self), "\(units)")
    }
  }
}
