import Foundation
import SiyuText

/// One segmenter for the whole run: building it loads the embedded lexicons.
nonisolated(unsafe) let segmenter = try! Segmenter()

/// libFuzzer target: bytes decoded like any input (UTF-8, else GB18030), then normalized, segmented and
/// de-obfuscated. Token ranges must lie inside the text, in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizeSegment(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let input = try? TextInput(bytes: bytes, name: "fuzz"), let text = try? input.readString() else {
    return 0
  }
  let units = Array(text.utf16)
  units.withUnsafeBufferPointer { buffer in
    _ = segmenter.segment(buffer, isFinal: true)
    var previousEnd: Int32 = 0
    for token in segmenter.tokens {
      precondition(token.sourceStart >= previousEnd, "token starts before the previous one ends")
      precondition(token.sourceStart < token.sourceEnd, "empty token")
      precondition(Int(token.sourceEnd) <= units.count, "token beyond the text")
      precondition(token.normalizedStart <= token.normalizedEnd, "reversed normalized range")
      previousEnd = token.sourceEnd
    }
    let normalized = segmenter.normalizer.units
    let view = DeobfuscatedText(normalized: normalized)
    if !view.units.isEmpty {
      let whole = 0..<view.units.count
      let covered = view.normalizedRange(whole)
      precondition(covered.lowerBound >= 0 && covered.upperBound <= normalized.count, "view maps outside")
      _ = view.isChanged(whole)
    }
    // A streamed pass over the same text must not read past its buffer either.
    if units.count > 1 {
      let half = UnsafeBufferPointer(rebasing: buffer[0..<(units.count / 2)])
      let consumed = segmenter.segment(half, isFinal: false)
      precondition(consumed >= 0 && consumed <= half.count, "consumed \(consumed) of \(half.count)")
    }
  }
  return 0
}
