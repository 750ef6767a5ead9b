/// Strict UTF-8 to UTF-16 decoding over raw buffers (no `String` per line in the hot path).
public enum UTF8Decoder {
  /// Result of decoding a prefix of a byte buffer.
  struct Result {
    /// Bytes consumed (whole code points only).
    var consumed: Int
    /// UTF-16 units written.
    var written: Int
    /// Offset (relative to the buffer) of the first invalid sequence, if decoding stopped there.
    var invalidAt: Int?
  }

  /// Whether the first three bytes of `word` (bytes in memory order, first byte lowest) are a valid
  /// three-byte sequence: a lead `1110xxxx` and two continuation bytes, not an overlong form (E0 followed
  /// by 80–9F) and not a UTF-16 surrogate (ED followed by A0–BF). Given the pattern, the lead's low four
  /// bits and bit 5 of the second byte (`0x200F`) tell both apart: 0 is E0 80–9F, 0x200D is ED A0–BF.
  @inline(__always)
  static func isThreeByte(_ word: UInt32) -> Bool {
    let shape = word & 0x00C0_C0F0 == 0x0080_80E0
    let tell = word & 0x200F
    return shape && tell != 0 && tell != 0x200D
  }

  /// Decodes `bytes` into `out` (which must have room for `bytes.count` units). Stops at the first invalid
  /// sequence; an incomplete sequence at the very end is left unconsumed unless `isFinal`.
  static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt16>, isFinal: Bool
  ) -> Result {
    let n = bytes.count
    var i = 0
    var w = 0
    while i < n {
      let b0 = bytes[i]
      if b0 < 0x80, i + 8 <= n, let base = bytes.baseAddress,
        UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        for k in 0..<8 { out[w + k] = UInt16(base[i + k]) }
        w += 8
        i += 8
        continue
      }
      if b0 < 0x80 {
        out[w] = UInt16(b0)
        w += 1
        i += 1
        continue
      }
      // Runs of three-byte sequences (all of CJK), one four-byte load each (see `isThreeByte`).
      if b0 & 0xF0 == 0xE0, let base = bytes.baseAddress {
        var j = i
        var v = w
        while j &+ 4 <= n {
          let word = UInt32(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt32.self))
          guard Self.isThreeByte(word) else { break }
          out[v] = UInt16(
            truncatingIfNeeded: (word & 0x0F) << 12 | (word & 0x3F00) >> 2 | (word >> 16) & 0x3F)
          v &+= 1
          j &+= 3
        }
        if j != i {
          i = j
          w = v
          continue
        }
      }
      // A three-byte sequence at the very end in one step; anything unusual goes the general way below.
      if b0 & 0xF0 == 0xE0 && i + 2 < n {
        let b1 = bytes[i + 1]
        let b2 = bytes[i + 2]
        if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
          let cp = UInt16(b0 & 0x0F) << 12 | UInt16(b1 & 0x3F) << 6 | UInt16(b2 & 0x3F)
          if cp >= 0x800 && cp & 0xF800 != 0xD800 {
            out[w] = cp
            w += 1
            i += 3
            continue
          }
        }
      }
      let need: Int
      var cp: UInt32
      if b0 & 0xE0 == 0xC0 {
        need = 1
        cp = UInt32(b0 & 0x1F)
        if b0 < 0xC2 { return Result(consumed: i, written: w, invalidAt: i) }
      } else if b0 & 0xF0 == 0xE0 {
        need = 2
        cp = UInt32(b0 & 0x0F)
      } else if b0 & 0xF8 == 0xF0 && b0 <= 0xF4 {
        need = 3
        cp = UInt32(b0 & 0x07)
      } else {
        return Result(consumed: i, written: w, invalidAt: i)
      }
      if i + need >= n {
        // Not enough bytes left for the whole sequence.
        var k = i + 1
        while k < n {
          if bytes[k] & 0xC0 != 0x80 { return Result(consumed: i, written: w, invalidAt: i) }
          k += 1
        }
        if isFinal { return Result(consumed: i, written: w, invalidAt: i) }
        return Result(consumed: i, written: w, invalidAt: nil)
      }
      for k in 1...need {
        let b = bytes[i + k]
        if b & 0xC0 != 0x80 { return Result(consumed: i, written: w, invalidAt: i) }
        cp = (cp << 6) | UInt32(b & 0x3F)
      }
      let valid: Bool
      switch need {
      case 2: valid = cp >= 0x800 && !(cp >= 0xD800 && cp <= 0xDFFF)
      case 3: valid = cp >= 0x10000 && cp <= 0x10FFFF
      default: valid = true
      }
      if !valid { return Result(consumed: i, written: w, invalidAt: i) }
      if cp >= 0x10000 {
        let v = cp - 0x10000
        out[w] = UInt16(0xD800 + (v >> 10))
        out[w + 1] = UInt16(0xDC00 + (v & 0x3FF))
        w += 2
      } else {
        out[w] = UInt16(cp)
        w += 1
      }
      i += need + 1
    }
    return Result(consumed: i, written: w, invalidAt: nil)
  }

  /// Offset of the first invalid UTF-8 sequence in `bytes` (nil when valid), and how many bytes were
  /// checked: an incomplete sequence at the end is left unchecked unless `isFinal`. Validates without
  /// decoding; runs of ASCII are skipped eight bytes at a time.
  public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool) -> (
    invalid: Int?, consumed: Int
  ) {
    guard let base = bytes.baseAddress else { return (nil, 0) }
    let n = bytes.count
    var i = 0
    while i < n {
      if i + 8 <= n && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        i += 8
        continue
      }
      let b0 = base[i]
      if b0 < 0x80 {
        i += 1
        continue
      }
      // Runs of three-byte sequences (all of CJK), one four-byte load each (see `isThreeByte`).
      if b0 & 0xF0 == 0xE0 {
        var j = i
        while j &+ 4 <= n,
          Self.isThreeByte(UInt32(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt32.self)))
        {
          j &+= 3
        }
        if j != i {
          i = j
          continue
        }
      }
      // A three-byte sequence at the very end in one step; anything unusual goes the general way below.
      if b0 & 0xF0 == 0xE0 && i + 2 < n {
        let b1 = base[i + 1]
        if base[i + 2] & 0xC0 == 0x80 && b1 & 0xC0 == 0x80 && (b0 != 0xE0 || b1 >= 0xA0)
          && (b0 != 0xED || b1 <= 0x9F)
        {
          i += 3
          continue
        }
      }
      let need: Int
      if b0 >= 0xC2 && b0 <= 0xDF {
        need = 1
      } else if b0 & 0xF0 == 0xE0 {
        need = 2
      } else if b0 >= 0xF0 && b0 <= 0xF4 {
        need = 3
      } else {
        return (i, i)
      }
      if i + need >= n {
        for k in (i + 1)..<n where base[k] & 0xC0 != 0x80 { return (i, i) }
        return isFinal ? (i, i) : (nil, i)
      }
      let b1 = base[i + 1]
      guard b1 & 0xC0 == 0x80 else { return (i, i) }
      // Overlongs, surrogates and values above U+10FFFF show in the second byte.
      if (b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F) || (b0 == 0xF0 && b1 < 0x90)
        || (b0 == 0xF4 && b1 > 0x8F)
      {
        return (i, i)
      }
      if need >= 2 && base[i + 2] & 0xC0 != 0x80 { return (i, i) }
      if need == 3 && base[i + 3] & 0xC0 != 0x80 { return (i, i) }
      i += need + 1
    }
    return (nil, i)
  }
}
