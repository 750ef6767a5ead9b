/// Character classes for style features, on normalized UTF-16 text (NFKC: full-width punctuation is
/// already half-width, … is "...").
enum StyleText {
  /// The built-in particles' code units (each particle is one BMP character).
  static let particleUnits: [UInt16] = PersonaTerm.particles.compactMap {
    $0.utf16.count == 1 ? $0.utf16.first : nil
  }

  @inline(__always)
  static func isSpace(_ u: UInt16) -> Bool {
    u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0x3000 || u == 0xA0
  }

  @inline(__always)
  static func isParticle(_ u: UInt16) -> Bool { particleUnits.contains(u) }

  /// Whether the unit at `i` ends a clause: a line break or clause punctuation.
  @inline(__always)
  static func isClauseBreak(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Bool {
    isClauseBreak(text[i])
  }

  @inline(__always)
  static func isClauseBreak(_ u: UInt16) -> Bool {
    switch u {
    case 0x0A, 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x7E,  // \n , . ! ? ; : ~
      0x3002, 0x3001, 0x2026, 0x301C, 0xFF61, 0xFF64:  // 。 、 … 〜 ｡ ､
      return true
    default:
      return false
    }
  }

  /// The code point at `i` (a lone surrogate is returned as is).
  @inline(__always)
  static func codePoint(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> UInt32 {
    let u = text[i]
    if u >= 0xD800 && u < 0xDC00 && i + 1 < text.count {
      let l = text[i + 1]
      if l >= 0xDC00 && l < 0xE000 { return 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(l) - 0xDC00) }
    }
    return UInt32(u)
  }

  /// Whether an emoji starts at `i` (pictographs and symbols; keycaps and flags count elsewhere).
  @inline(__always)
  static func isEmojiStart(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Bool {
    let c = codePoint(text, at: i)
    return (0x1F000...0x1FAFF).contains(c) || (0x2600...0x27BF).contains(c) || (0x2B00...0x2BFF).contains(c)
  }

  /// A letter or digit: what sentence length counts.
  @inline(__always)
  static func isContent(_ c: UInt32) -> Bool {
    if c < 0x80 {
      return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }
    if (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c) || (0x20000...0x3FFFF).contains(c) {
      return true
    }
    guard let scalar = Unicode.Scalar(c) else { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}
