#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Buffered output of UTF-8 bytes to a file descriptor; UTF-16 text is encoded without making strings.
final class ByteWriter {
  private var buffer: [UInt8] = []
  private let fd: Int32

  init(fd: Int32 = 1) {
    self.fd = fd
    buffer.reserveCapacity(1 << 16)
  }

  deinit { flush() }

  func write(_ string: String) {
    buffer.append(contentsOf: string.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  func write(byte: UInt8) {
    buffer.append(byte)
  }

  /// Appends `units` as UTF-8; when `jsonEscaped`, quotes, backslashes and control characters are escaped.
  func write(utf16 units: UnsafeBufferPointer<UInt16>, jsonEscaped: Bool = false) {
    var i = 0
    let n = units.count
    while i < n {
      let u = units[i]
      if u < 0x80 {
        if jsonEscaped && (u < 0x20 || u == 0x22 || u == 0x5C) {
          switch u {
          case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
          case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
          case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
          case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
          case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
          default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            buffer.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(u >> 4)], hex[Int(u & 15)]])
          }
        } else {
          buffer.append(UInt8(u))
        }
        i += 1
      } else if u < 0x800 {
        buffer.append(UInt8(0xC0 | (u >> 6)))
        buffer.append(UInt8(0x80 | (u & 0x3F)))
        i += 1
      } else if UTF16.isLeadSurrogate(u) && i + 1 < n && UTF16.isTrailSurrogate(units[i + 1]) {
        let cp = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(units[i + 1] - 0xDC00)
        buffer.append(UInt8(0xF0 | (cp >> 18)))
        buffer.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
        buffer.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
        buffer.append(UInt8(0x80 | (cp & 0x3F)))
        i += 2
      } else {
        // A lone surrogate cannot be encoded: write U+FFFD.
        let v: UInt16 = UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) ? 0xFFFD : u
        buffer.append(UInt8(0xE0 | (v >> 12)))
        buffer.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        buffer.append(UInt8(0x80 | (v & 0x3F)))
        i += 1
      }
    }
    if buffer.count >= 1 << 16 { flush() }
  }

  func flush() {
    var offset = 0
    while offset < buffer.count {
      let n = buffer.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n <= 0 {
        if n < 0 && errno == EINTR { continue }
        break
      }
      offset += n
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
