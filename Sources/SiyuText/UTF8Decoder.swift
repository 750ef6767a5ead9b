/// Strict UTF-8 to UTF-16 decoding over raw buffers (no `String` per line in the hot path).
enum UTF8Decoder {
  /// Result of decoding a prefix of a byte buffer.
  struct Result {
    /// Bytes consumed (whole code points only).
    var consumed: Int
    /// UTF-16 units written.
    var written: Int
    /// Offset (relative to the buffer) of the first invalid sequence, if decoding stopped there.
    var invalidAt: Int?
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
      if b0 < 0x80 {
        out[w] = UInt16(b0)
        w += 1
        i += 1
        continue
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

  /// Offset of the first invalid UTF-8 sequence in `bytes`, or nil when all of it is valid.
  static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool) -> (
    invalid: Int?, consumed: Int
  ) {
    var scratch = [UInt16](repeating: 0, count: min(bytes.count, 1 << 16))
    var offset = 0
    while offset < bytes.count {
      let chunkEnd = min(bytes.count, offset + scratch.count)
      let last = chunkEnd == bytes.count
      let result = scratch.withUnsafeMutableBufferPointer { out in
        decode(UnsafeBufferPointer(rebasing: bytes[offset..<chunkEnd]), into: out.baseAddress!, isFinal: last && isFinal)
      }
      if let bad = result.invalidAt { return (offset + bad, offset + result.consumed) }
      if result.consumed == 0 { return (nil, offset) }
      offset += result.consumed
    }
    return (nil, offset)
  }
}
