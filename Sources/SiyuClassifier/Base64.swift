/// A base64 decoder over UTF-8 bytes that skips whitespace (the embedded model's line breaks and
/// indentation) and stops at padding.
enum Base64 {
  static func decode(_ text: String.UTF8View) -> [UInt8] {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(c)] = UInt8(i)
    }
    var out: [UInt8] = []
    out.reserveCapacity(text.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for c in text {
      if c == UInt8(ascii: "=") { break }
      let v = table[Int(c)]
      if v == 0xFF { continue }
      accumulator = (accumulator << 6) | UInt32(v)
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    return out
  }
}
