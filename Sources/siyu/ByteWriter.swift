/// Buffered output of UTF-8 bytes to standard output (through `StandardOutput`, which reports a failed
/// write and exits); UTF-16 text is encoded without making strings.
final class ByteWriter {
  /// Bytes waiting to be written; flushed when fewer than `reserve` bytes are free.
  private let capacity = 1 << 16
  private let reserve = 1 << 12
  private let buffer: UnsafeMutablePointer<UInt8>
  private var count = 0

  init() {
    buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
  }

  deinit {
    flush()
    buffer.deallocate()
  }

  func write(_ string: String) {
    var string = string
    string.withUTF8 { write(bytes: $0) }
  }

  func write(byte: UInt8) {
    if count >= capacity { flush() }
    buffer[count] = byte
    count += 1
  }

  private func write(bytes: UnsafeBufferPointer<UInt8>) {
    for byte in bytes { write(byte: byte) }
  }

  /// Appends `units` as UTF-8; when `jsonEscaped`, quotes, backslashes and control characters are escaped.
  func write(utf16 units: UnsafeBufferPointer<UInt16>, jsonEscaped: Bool = false) {
    var i = 0
    let n = units.count
    while i < n {
      // Worst case per unit: 6 bytes (a \u00XX escape).
      if count + 6 > capacity { flush() }
      let u = units[i]
      if u < 0x80 {
        if jsonEscaped && (u < 0x20 || u == 0x22 || u == 0x5C) {
          buffer[count] = 0x5C
          switch u {
          case 0x22, 0x5C:
            buffer[count + 1] = UInt8(u)
            count += 2
          case 0x0A:
            buffer[count + 1] = 0x6E
            count += 2
          case 0x0D:
            buffer[count + 1] = 0x72
            count += 2
          case 0x09:
            buffer[count + 1] = 0x74
            count += 2
          default:
            let hex = Array("0123456789abcdef".utf8)
            buffer[count + 1] = 0x75
            buffer[count + 2] = 0x30
            buffer[count + 3] = 0x30
            buffer[count + 4] = hex[Int(u >> 4)]
            buffer[count + 5] = hex[Int(u & 15)]
            count += 6
          }
        } else {
          buffer[count] = UInt8(u)
          count += 1
        }
        i += 1
      } else if u < 0x800 {
        buffer[count] = UInt8(0xC0 | (u >> 6))
        buffer[count + 1] = UInt8(0x80 | (u & 0x3F))
        count += 2
        i += 1
      } else if UTF16.isLeadSurrogate(u) && i + 1 < n && UTF16.isTrailSurrogate(units[i + 1]) {
        let cp = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(units[i + 1] - 0xDC00)
        buffer[count] = UInt8(0xF0 | (cp >> 18))
        buffer[count + 1] = UInt8(0x80 | ((cp >> 12) & 0x3F))
        buffer[count + 2] = UInt8(0x80 | ((cp >> 6) & 0x3F))
        buffer[count + 3] = UInt8(0x80 | (cp & 0x3F))
        count += 4
        i += 2
      } else {
        // A lone surrogate cannot be encoded: write U+FFFD.
        let v: UInt16 = UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) ? 0xFFFD : u
        buffer[count] = UInt8(0xE0 | (v >> 12))
        buffer[count + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
        buffer[count + 2] = UInt8(0x80 | (v & 0x3F))
        count += 3
        i += 1
      }
    }
  }

  func flush() {
    StandardOutput.write(UnsafeRawBufferPointer(start: buffer, count: count))
    count = 0
  }
}
