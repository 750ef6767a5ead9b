/// Fast conversion of UTF-16 units to `String` for bulk readers (a TSV of 40,000 rows): a direct
/// transcoder into the string's UTF-8 storage; lone surrogates become U+FFFD as in `String(decoding:)`.
enum UTF16Text {
  static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
    String(unsafeUninitializedCapacity: units.count * 3) { out in
      var o = 0
      var i = 0
      let n = units.count
      while i < n {
        let u = units[i]
        if u < 0x80 {
          out[o] = UInt8(u)
          o += 1
          i += 1
          continue
        }
        if u < 0x800 {
          out[o] = UInt8(0xC0 | (u >> 6))
          out[o + 1] = UInt8(0x80 | (u & 0x3F))
          o += 2
          i += 1
          continue
        }
        var scalar = UInt32(u)
        if UTF16.isLeadSurrogate(u), i + 1 < n, UTF16.isTrailSurrogate(units[i + 1]) {
          scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
          i += 2
        } else {
          if UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) { scalar = 0xFFFD }
          i += 1
        }
        if scalar < 0x10000 {
          out[o] = UInt8(0xE0 | (scalar >> 12))
          out[o + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
          out[o + 2] = UInt8(0x80 | (scalar & 0x3F))
          o += 3
        } else {
          out[o] = UInt8(0xF0 | (scalar >> 18))
          out[o + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
          out[o + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
          out[o + 3] = UInt8(0x80 | (scalar & 0x3F))
          o += 4
        }
      }
      return o
    }
  }
}
