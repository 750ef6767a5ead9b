import CICU

/// ICU normalization for matching: NFKC (full-width letters, digits and punctuation to half-width),
/// Latin lower-casing and Traditional to Simplified Chinese (ICU `Hant-Hans`, opened on first use).
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

  private var transliterator: OpaquePointer?
  private var transliteratorFailed = false
  private let traditional = TraditionalCharacters.builtin

  public init() {}

  deinit {
    if let transliterator { cicu_translit_close(transliterator) }
  }

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

  /// Converts Traditional-only characters to Simplified. Only the span from the first to the last such
  /// character goes through ICU, and only characters of the table are replaced, so Simplified text
  /// around them (著名, 俱乐部) is never changed.
  private func simplifyTraditional() {
    let count = self.count
    var first = -1
    var last = -1
    buffer.withUnsafeBufferPointer { u in
      var i = 0
      while i < count {
        let unit = u[i]
        if unit >= 0x3400 {
          var width = 1
          var value = UInt32(unit)
          if UTF16.isLeadSurrogate(unit), i + 1 < count, UTF16.isTrailSurrogate(u[i + 1]) {
            value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(u[i + 1] - 0xDC00)
            width = 2
          }
          if traditional.contains(value) {
            if first < 0 { first = i }
            last = i + width
          }
          i += width
        } else {
          i += 1
        }
      }
    }
    guard first >= 0 else { return }
    if transliterator == nil && !transliteratorFailed {
      var status: Int32 = 0
      transliterator = cicu_translit_open("Hant-Hans", &status)
      transliteratorFailed = transliterator == nil
    }
    let length = last - first
    var converted: [UInt16]?
    if let transliterator {
      var work = Array(buffer[first..<last])
      work.append(contentsOf: repeatElement(0, count: length + 16))
      let capacity = work.count
      var status: Int32 = 0
      let n = work.withUnsafeMutableBufferPointer {
        cicu_translit_run(transliterator, $0.baseAddress, Int32(length), Int32(capacity), &status)
      }
      // Hant-Hans maps character for character; use its result only when the offsets still line up.
      if Int(n) == length { converted = Array(work[0..<length]) }
    }
    for i in first..<last where traditional.contains(UInt32(buffer[i])) {
      if let converted {
        buffer[i] = converted[i - first]
      } else if let replacement = traditional.replacements[UInt32(buffer[i])] {
        buffer[i] = replacement
      }
    }
  }
}
