import CICU

/// ICU normalization for matching: NFKC (full-width letters, digits and punctuation to half-width),
/// Latin lower-casing and Traditional to Simplified Chinese (ICU's `Hant-Hans` mapping).
///
/// Normalization may change the length of the text, so the result keeps a map back to the source:
/// `map[i]` is the source index where the normalization chunk containing output unit `i` starts, or -1 when
/// `i` continues a chunk; `map[units.count]` is the source length. Not thread-safe: use one per thread.
public final class Normalizer {
  /// Storage for the normalized text of the last `normalize` call; only the first `count` units are valid.
  private(set) var buffer: [UInt16] = []
  /// Storage for the source map; the first `count + 1` entries are valid.
  private(set) var mapBuffer: [Int32] = []
  /// Length of the normalized text of the last `normalize` call.
  public private(set) var count = 0

  /// The normalized text of the last `normalize` call.
  public var units: [UInt16] { Array(buffer[0..<count]) }
  /// Source index per normalized unit (see the type's documentation), `count + 1` entries.
  public var map: [Int32] { Array(mapBuffer[0...count]) }

  private let traditional = TraditionalCharacters.builtin

  public init() {}

  /// Normalizes `source` into `units` and `map`.
  public func normalize(_ source: UnsafeBufferPointer<UInt16>) {
    let count = source.count
    var capacity = count + count / 2 + 16
    while true {
      if buffer.count < capacity { buffer = [UInt16](repeating: 0, count: capacity) }
      if mapBuffer.count < buffer.count + 1 { mapBuffer = [Int32](repeating: 0, count: buffer.count + 1) }
      var status: Int32 = 0
      let cap = buffer.count
      let n = buffer.withUnsafeMutableBufferPointer { dst in
        mapBuffer.withUnsafeMutableBufferPointer { m in
          cicu_normalize(
            source.baseAddress, Int32(count), dst.baseAddress, Int32(cap), m.baseAddress, 1, &status)
        }
      }
      if n < 0 {
        // ICU failed (out of memory): fall back to the identity so that nothing is lost.
        if buffer.count < count { buffer = [UInt16](repeating: 0, count: count) }
        if mapBuffer.count < count + 1 { mapBuffer = [Int32](repeating: 0, count: count + 1) }
        for i in 0..<count {
          buffer[i] = source[i]
          mapBuffer[i] = Int32(i)
        }
        mapBuffer[count] = Int32(count)
        self.count = count
        return
      }
      if Int(n) <= cap {
        self.count = Int(n)
        break
      }
      capacity = Int(n)
    }
    simplifyTraditional()
  }

  /// Normalizes a string, returning the normalized text (for lexicon entries and tests).
  public func normalize(_ text: String) -> String {
    let source = Array(text.utf16)
    source.withUnsafeBufferPointer { normalize($0) }
    return String(decoding: buffer[0..<count], as: UTF16.self)
  }

  /// Converts Traditional-only characters to Simplified with ICU's `Hant-Hans` mapping, precomputed from the
  /// transliterator into `lexicons/traditional.txt` (`scripts/gen-traditional`; a test checks the table
  /// against the live transliterator). Hant-Hans maps character for character, so the table gives the same
  /// result without opening the transliterator, which costs about 40 ms of ICU registry set-up. Characters
  /// that are standard Simplified too (著名, 俱乐部) are left alone.
  private func simplifyTraditional() {
    let count = self.count
    buffer.withUnsafeMutableBufferPointer { u in
      for i in 0..<count {
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
