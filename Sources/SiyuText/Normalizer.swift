import CICU

/// ICU normalization for matching: NFKC (full-width letters, digits and punctuation to half-width),
/// Latin lower-casing and Traditional to Simplified Chinese (ICU's `Hant-Hans` mapping).
///
/// Normalization may change the length of the text, so the result keeps a map back to the source:
/// `map[i]` is the source index where the normalization chunk containing output unit `i` starts, or -1 when
/// `i` continues a chunk; `map[units.count]` is the source length. Not thread-safe: use one per thread.
public final class Normalizer {
  /// The normalized text of the last `normalize` call, exactly `count` units.
  ///
  /// The arrays are handed out without copying (`units`, `map`): a `Document` shares them, and once it is
  /// gone the next `normalize` writes into the same storage again instead of allocating (copy on write
  /// keeps a document that is still alive intact).
  private(set) var buffer: [UInt16] = []
  /// The source map of the last `normalize` call, exactly `count + 1` entries.
  private(set) var mapBuffer: [Int32] = [0]
  /// Length of the normalized text of the last `normalize` call.
  public var count: Int { buffer.count }

  /// The normalized text of the last `normalize` call.
  public var units: [UInt16] { buffer }
  /// Source index per normalized unit (see the type's documentation), `count + 1` entries.
  public var map: [Int32] { mapBuffer }

  private let traditional = TraditionalCharacters.builtin

  public init() {}

  /// Normalizes `source` into `units` and `map`.
  public func normalize(_ source: UnsafeBufferPointer<UInt16>) {
    let count = source.count
    var capacity = count + count / 2 + 16
    while true {
      Self.resize(&buffer, to: capacity)
      Self.resize(&mapBuffer, to: capacity + 1)
      var status: Int32 = 0
      let n = buffer.withUnsafeMutableBufferPointer { dst in
        mapBuffer.withUnsafeMutableBufferPointer { m in
          cicu_normalize(
            source.baseAddress, Int32(count), dst.baseAddress, Int32(capacity), m.baseAddress, 1, &status)
        }
      }
      if n < 0 {
        // ICU failed (out of memory): fall back to the identity so that nothing is lost.
        Self.resize(&buffer, to: count)
        Self.resize(&mapBuffer, to: count + 1)
        for i in 0..<count {
          buffer[i] = source[i]
          mapBuffer[i] = Int32(i)
        }
        mapBuffer[count] = Int32(count)
        return
      }
      if Int(n) <= capacity {
        Self.resize(&buffer, to: Int(n))
        Self.resize(&mapBuffer, to: Int(n) + 1)
        break
      }
      capacity = Int(n)
    }
    simplifyTraditional()
  }

  /// Sets `array.count` to `count`, keeping its storage: new elements are zero, removed ones are dropped
  /// from the end.
  @inline(__always)
  private static func resize<T: FixedWidthInteger>(_ array: inout [T], to count: Int) {
    if array.count > count {
      array.removeLast(array.count - count)
    } else if array.count < count {
      array.append(contentsOf: repeatElement(0, count: count - array.count))
    }
  }

  /// Normalizes a string, returning the normalized text (for lexicon entries and tests).
  public func normalize(_ text: String) -> String {
    let source = UTF16String.units(of: text)
    source.withUnsafeBufferPointer { normalize($0) }
    return UTF16String.make(buffer)
  }

  /// Converts Traditional-only characters to Simplified with ICU's `Hant-Hans` mapping, precomputed from the
  /// transliterator into `lexicons/traditional.txt` (`scripts/gen-traditional`; a test checks the table
  /// against the live transliterator). Hant-Hans maps character for character, so the table gives the same
  /// result without opening the transliterator, which costs about 40 ms of ICU registry set-up. Characters
  /// that are standard Simplified too (著名, 俱乐部) are left alone.
  private func simplifyTraditional() {
    buffer.withUnsafeMutableBufferPointer { u in
      for i in 0..<u.count {
        let unit = u[i]
        if unit >= 0x3400 && unit < 0xA000 || unit >= 0xF900 && unit < 0xFB00,
          let simplified = traditional.replacement(for: unit)
        {
          u[i] = simplified
        }
      }
    }
  }
}
