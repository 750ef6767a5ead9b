/// Writes one `siyu score` row into memory sized for it beforehand (`ScoreRowFormat.append`): plain stores
/// through a pointer, with no capacity or uniqueness check per byte as `[UInt8].append` makes.
///
/// The caller owns the memory and must size it with the `…Bound` functions: each gives the most bytes its
/// writing function can produce.
struct ScoreRowWriter {
  /// Where the next byte goes.
  private(set) var cursor: UnsafeMutablePointer<UInt8>

  init(_ start: UnsafeMutablePointer<UInt8>) {
    cursor = start
  }

  /// Most bytes of a `fixed` number: a sign, 19 integer digits, the point and up to 8 decimals.
  static let fixedBound = 32

  /// Most bytes `csvCell(text)` writes: every byte a doubled quote, inside quotes.
  @inline(__always)
  static func csvCellBound(_ text: String) -> Int { 2 &* text.utf8.count &+ 2 }

  /// Most bytes `jsonString(text)` writes: every byte a `\u00XX` escape, inside quotes.
  @inline(__always)
  static func jsonStringBound(_ text: String) -> Int { 6 &* text.utf8.count &+ 2 }

  @inline(__always)
  mutating func byte(_ value: UInt8) {
    cursor.pointee = value
    cursor += 1
  }

  /// `text` as UTF-8, unchanged.
  @inline(__always)
  mutating func raw(_ text: String) {
    var text = text
    text.withUTF8 { raw($0) }
  }

  @inline(__always)
  mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    cursor.update(from: base, count: bytes.count)
    cursor += bytes.count
  }

  /// A literal, as UTF-8.
  @inline(__always)
  mutating func raw(_ text: StaticString) {
    raw(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// A CSV cell, quoted (RFC 4180) when it holds a comma, quote or line end.
  mutating func csvCell(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      var needsQuotes = false
      for byte in bytes where byte <= 0x2C && (byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D) {
        needsQuotes = true
        break
      }
      guard needsQuotes else {
        raw(bytes)
        return
      }
      byte(0x22)
      for b in bytes {
        if b == 0x22 { byte(0x22) }
        byte(b)
      }
      byte(0x22)
    }
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
  mutating func jsonString(_ text: String) {
    byte(0x22)
    var text = text
    text.withUTF8 { bytes in
      for b in bytes {
        switch b {
        case 0x22:
          byte(0x5C)
          byte(0x22)
        case 0x5C:
          byte(0x5C)
          byte(0x5C)
        case 0x0A:
          byte(0x5C)
          byte(0x6E)
        case 0x0D:
          byte(0x5C)
          byte(0x72)
        case 0x09:
          byte(0x5C)
          byte(0x74)
        case 0..<0x20:
          raw("\\u00")
          byte(Self.hexDigit(b >> 4))
          byte(Self.hexDigit(b & 0xF))
        default: byte(b)
        }
      }
    }
    byte(0x22)
  }

  @inline(__always)
  static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x61 + value - 10
  }

  /// `value` rounded to `places` decimals (at most 8), trailing zeros dropped (`0.97`, `11.5`, `3`),
  /// without `String(format:)`, which costs more than the rest of the row.
  mutating func fixed(_ value: Double, places: Int) {
    guard value.isFinite else {
      byte(0x30)
      return
    }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    var scaled = Int64((abs(value) * scale).rounded())
    if value < 0 && scaled != 0 { byte(0x2D) }
    let unit = Int64(scale)
    decimal(scaled / unit)
    scaled %= unit
    guard scaled != 0 else { return }
    byte(0x2E)
    var divisor = unit / 10
    while divisor > 0 {
      byte(UInt8(0x30 + scaled / divisor))
      scaled %= divisor
      divisor /= 10
    }
    // Some digit after the point is not 0 (scaled was not 0), so this stops before the point.
    while (cursor - 1).pointee == 0x30 { cursor -= 1 }
  }

  /// The digits of `value` (≥ 0).
  mutating func decimal(_ value: Int64) {
    var digits = 1
    var rest = value / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    rest = value
    var position = cursor + digits
    repeat {
      position -= 1
      position.pointee = UInt8(0x30 + rest % 10)
      rest /= 10
    } while rest > 0
    cursor += digits
  }

  /// Runs `write` on a writer over temporary memory of `bound` bytes and appends what it wrote to `out`.
  @inline(__always)
  static func append(to out: inout [UInt8], bound: Int, _ write: (inout ScoreRowWriter) -> Void) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { buffer in
      let start = buffer.baseAddress!
      var writer = ScoreRowWriter(start)
      write(&writer)
      out.append(contentsOf: UnsafeBufferPointer(start: start, count: writer.cursor - start))
    }
  }
}
