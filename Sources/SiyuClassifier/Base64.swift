/// A base64 decoder over UTF-8 bytes that skips whitespace (the embedded model's line breaks and
/// indentation) and stops at padding.
///
/// It runs once per process on the embedded model (about 2 MB of text), so it works on the literal's
/// contiguous UTF-8 storage through pointers: about 5 instructions a character instead of 60 through
/// `String.UTF8View`'s iterator and `Array.append`.
enum Base64 {
  /// Sextet values of the base64 alphabet; 0xFF for everything else.
  private static let table: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(c)] = UInt8(i)
    }
    return table
  }()

  static func decode(_ text: String) -> [UInt8] {
    var text = text
    return text.withUTF8 { decode($0) }
  }

  static func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let capacity = input.count / 4 * 3 + 3
    return table.withUnsafeBufferPointer { table in
      [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
        var written = 0
        var accumulator: UInt32 = 0
        var sextets = 0
        var i = 0
        let n = input.count
        while i < n {
          // Whole groups of four alphabet characters (almost all of the input) at once.
          if sextets == 0 && i + 4 <= n {
            let a = table[Int(input[i])]
            let b = table[Int(input[i + 1])]
            let c = table[Int(input[i + 2])]
            let d = table[Int(input[i + 3])]
            if (a | b | c | d) & 0xC0 == 0 {
              let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
              out[written] = UInt8(truncatingIfNeeded: group >> 16)
              out[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
              out[written + 2] = UInt8(truncatingIfNeeded: group)
              written += 3
              i += 4
              continue
            }
          }
          let c = input[i]
          i += 1
          if c == UInt8(ascii: "=") { break }
          let v = table[Int(c)]
          if v == 0xFF { continue }
          accumulator = (accumulator << 6) | UInt32(v)
          sextets += 1
          if sextets == 4 {
            out[written] = UInt8(truncatingIfNeeded: accumulator >> 16)
            out[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
            out[written + 2] = UInt8(truncatingIfNeeded: accumulator)
            written += 3
            sextets = 0
            accumulator = 0
          }
        }
        // A final group of 2 or 3 sextets carries 1 or 2 bytes; 1 sextet alone carries none.
        if sextets == 2 {
          out[written] = UInt8(truncatingIfNeeded: accumulator >> 4)
          written += 1
        } else if sextets == 3 {
          out[written] = UInt8(truncatingIfNeeded: accumulator >> 10)
          out[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
          written += 2
        }
        initialized = written
      }
    }
  }
}
