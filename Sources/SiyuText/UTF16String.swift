/// Makes `String`s from UTF-16 units by transcoding to UTF-8 directly into the string's storage:
/// `String(decoding:as: UTF16.self)` goes through a generic, repairing slow path that cost more per
/// JSON Lines row and per finding than the rest of reading them. Lone surrogates become U+FFFD, as there.
public enum UTF16String {
  public static func make(_ units: UnsafeBufferPointer<UInt16>) -> String {
    if units.isEmpty { return "" }
    // At most 3 UTF-8 bytes per UTF-16 unit (a surrogate pair is 2 units for 4 bytes).
    return String(unsafeUninitializedCapacity: units.count * 3) { out in
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
        if u & 0xFC00 == 0xD800, i + 1 < n, units[i + 1] & 0xFC00 == 0xDC00 {
          let scalar = 0x10000 + (UInt32(u & 0x3FF) << 10 | UInt32(units[i + 1] & 0x3FF))
          out[o] = UInt8(0xF0 | (scalar >> 18))
          out[o + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
          out[o + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
          out[o + 3] = UInt8(0x80 | (scalar & 0x3F))
          o += 4
          i += 2
          continue
        }
        let v: UInt16 = u & 0xF800 == 0xD800 ? 0xFFFD : u
        out[o] = UInt8(0xE0 | (v >> 12))
        out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
        out[o + 2] = UInt8(0x80 | (v & 0x3F))
        o += 3
        i += 1
      }
      return o
    }
  }

  public static func make(_ units: ArraySlice<UInt16>) -> String {
    units.withUnsafeBufferPointer { make($0) }
  }

  public static func make(_ units: [UInt16]) -> String {
    units.withUnsafeBufferPointer { make($0) }
  }

  /// The UTF-16 units of `text`, transcoded from its UTF-8 storage by `UTF8Decoder` (several times
  /// faster than `Array(text.utf16)`, which goes through the generic collection copy).
  public static func units(of text: String) -> [UInt16] {
    var text = text
    return text.withUTF8 { bytes in
      guard bytes.count > 0 else { return [] }
      return [UInt16](unsafeUninitializedCapacity: bytes.count) { out, initialized in
        initialized = UTF8Decoder.decode(bytes, into: out.baseAddress!, isFinal: true).written
      }
    }
  }
}
