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
  /// gone the next `normalize` copies into the same storage again instead of allocating (copy on write
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

  /// Where ICU writes (never handed out, so never copied on write); the result is copied from here
  /// into `buffer` and `mapBuffer`, whose sizes must be exact.
  private var scratch: [UInt16] = []
  private var scratchMap: [Int32] = []

  private let traditional = TraditionalCharacters.builtin

  public init() {}

  /// Normalizes `source` into `units` and `map`.
  public func normalize(_ source: UnsafeBufferPointer<UInt16>) {
    let count = source.count
    var capacity = count + count / 2 + 16
    var n = 0
    while true {
      if scratch.count < capacity { scratch = [UInt16](repeating: 0, count: capacity) }
      if scratchMap.count < capacity + 1 { scratchMap = [Int32](repeating: 0, count: capacity + 1) }
      var status: Int32 = 0
      let written = scratch.withUnsafeMutableBufferPointer { dst in
        scratchMap.withUnsafeMutableBufferPointer { m in
          cicu_normalize(
            source.baseAddress, Int32(count), dst.baseAddress, Int32(capacity), m.baseAddress, 1, &status)
        }
      }
      if written < 0 {
        // ICU failed (out of memory): fall back to the identity so that nothing is lost.
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: source)
        mapBuffer.removeAll(keepingCapacity: true)
        mapBuffer.append(contentsOf: (0...count).lazy.map { Int32($0) })
        return
      }
      if Int(written) <= capacity {
        n = Int(written)
        break
      }
      capacity = Int(written)
    }
    scratch.withUnsafeMutableBufferPointer {
      simplifyTraditional(UnsafeMutableBufferPointer(rebasing: $0[0..<n]))
    }
    buffer.removeAll(keepingCapacity: true)
    scratch.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
    mapBuffer.removeAll(keepingCapacity: true)
    scratchMap.withUnsafeBufferPointer {
      mapBuffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0...n]))
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
  private func simplifyTraditional(_ u: UnsafeMutableBufferPointer<UInt16>) {
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
