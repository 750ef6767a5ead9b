/// Reads little-endian numbers; callers check lengths first.
struct ByteReader {
  let bytes: [UInt8]
  var offset: Int

  mutating func u32() -> UInt32 {
    let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
    offset += 4
    return UInt32(littleEndian: value)
  }

  mutating func u64() -> UInt64 {
    let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
    offset += 8
    return UInt64(littleEndian: value)
  }

  mutating func f64() -> Double { Double(bitPattern: u64()) }

  mutating func u64s(_ n: Int) -> [UInt64] { numbers(n) }

  mutating func u32s(_ n: Int) -> [UInt32] { numbers(n) }

  /// `n` little-endian `Float`s (IEEE 754 bit patterns).
  mutating func f32s(_ n: Int) -> [Float] {
    let start = offset
    offset += n * 4
    return bytes.withUnsafeBytes { raw in
      [Float](unsafeUninitializedCapacity: n) { buffer, count in
        if UInt32(littleEndian: 1) == 1 {
          if n > 0 {
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
              from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + n * 4)]))
          }
        } else {
          for i in 0..<n {
            let bits = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * i, as: UInt32.self))
            (buffer.baseAddress! + i).initialize(to: Float(bitPattern: bits))
          }
        }
        count = n
      }
    }
  }

  /// `n` little-endian integers, copied in one go on a little-endian host.
  private mutating func numbers<T: FixedWidthInteger>(_ n: Int) -> [T] {
    let start = offset
    let size = MemoryLayout<T>.size
    offset += n * size
    return bytes.withUnsafeBytes { raw in
      [T](unsafeUninitializedCapacity: n) { buffer, count in
        if n > 0 {
          UnsafeMutableRawBufferPointer(buffer).copyMemory(
            from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + n * size)]))
        }
        if T(littleEndian: 1) != 1 {
          for i in 0..<n { buffer[i] = T(littleEndian: buffer[i]) }
        }
        count = n
      }
    }
  }
}
