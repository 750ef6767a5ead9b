/// A MinHash signature of a post's character bigrams, for the near-duplicate cap (`cap/duplicate`).
///
/// The text is reduced to letters, digits and CJK characters (ASCII lower-cased, full-width ASCII folded,
/// every digit and Chinese numeral folded to one, since reposts change prices and dates; whitespace,
/// punctuation, symbols and emoji dropped), then every pair of neighbouring units is a shingle. The
/// fraction of equal slots between two signatures estimates the Jaccard similarity of their shingle sets
/// (standard error about 0.03 at 0.85 with 128 slots). Measured on the project's corpus (README,
/// "Near-duplicates"): a light edit (numbers changed, a line added or edited, lines reordered,
/// punctuation and emoji changed) keeps a similarity of 0.85 or more in 87% of cases (85% with trigrams, 80%
/// without folding numerals), while distinct posts of the same industry never exceed 0.22
/// (`bench/duplicate-similarity`).
public struct MinHash: Sendable, Equatable {
  /// Number of slots.
  public static let count = 128
  /// The top 16 bits of each slot's minimum hash; all `UInt16.max` for a text without shingles.
  public var slots: [UInt16]

  public init(slots: [UInt16]) {
    self.slots = slots
  }

  /// The signature of a text without shingles; similar to nothing.
  public static let empty = MinHash(slots: [UInt16](repeating: UInt16.max, count: count))

  /// Whether the text had no shingle at all (empty, or only punctuation and emoji).
  public var isEmpty: Bool { slots.allSatisfy { $0 == UInt16.max } }

  /// The signature of `units` (UTF-16).
  public init(units: some Collection<UInt16>) {
    var minima = [UInt64](repeating: UInt64.max, count: Self.count)
    var previous: UInt16 = 0
    var havePrevious = false
    var anyShingle = false
    // A repeated shingle cannot lower a minimum again, so a direct-mapped table of shingles already
    // hashed skips most repeats (a long text repeats most of its bigrams) without a hash set's cost.
    // 0 is never a shingle: no unit folds to 0.
    var done = [UInt32](repeating: 0, count: 1024)
    Self.seeds.withUnsafeBufferPointer { seeds in
      minima.withUnsafeMutableBufferPointer { slots in
        for unit in units {
          guard let folded = Self.fold(unit) else { continue }
          if havePrevious {
            let shingle = UInt32(previous) << 16 | UInt32(folded)
            anyShingle = true
            let slot = Int((shingle &* 0x9E37_79B1) >> 22)
            if done[slot] != shingle {
              done[slot] = shingle
              let base = Self.mix(UInt64(shingle) &+ 0x9E37_79B9_7F4A_7C15)
              for i in 0..<Self.count {
                let value = Self.mix(base ^ seeds[i])
                if value < slots[i] { slots[i] = value }
              }
            }
          }
          previous = folded
          havePrevious = true
        }
      }
    }
    slots = anyShingle ? minima.map { UInt16(truncatingIfNeeded: $0 >> 48) } : Self.empty.slots
  }

  /// Estimated Jaccard similarity of the two shingle sets, 0–1; 0 when either is empty.
  public func similarity(_ other: MinHash) -> Double {
    guard slots.count == other.slots.count, !slots.isEmpty, !isEmpty, !other.isEmpty else { return 0 }
    var equal = 0
    for i in slots.indices where slots[i] == other.slots[i] { equal += 1 }
    return Double(equal) / Double(slots.count)
  }

  /// Whether the estimated similarity reaches `threshold`. Gives up after the first 32 slots when they
  /// agree far less than the threshold needs (more than 4 standard deviations below), which is every
  /// unrelated pair.
  public func isSimilar(_ other: MinHash, threshold: Double) -> (Bool, Double) {
    guard slots.count == Self.count, other.slots.count == Self.count, !isEmpty, !other.isEmpty else {
      return (false, 0)
    }
    var equal = 0
    for i in 0..<32 where slots[i] == other.slots[i] { equal += 1 }
    if Double(equal) < threshold * 32 - 10 { return (false, Double(equal) / 32) }
    for i in 32..<Self.count where slots[i] == other.slots[i] { equal += 1 }
    let similarity = Double(equal) / Double(Self.count)
    return (similarity >= threshold, similarity)
  }

  /// The unit as it takes part in shingles, or nil when it is dropped.
  @inline(__always)
  static func fold(_ unit: UInt16) -> UInt16? {
    var u = unit
    if u >= 0xFF01 && u <= 0xFF5E { u -= 0xFEE0 }
    if u < 0x80 {
      if u >= 0x41 && u <= 0x5A { return u + 0x20 }
      if u >= 0x30 && u <= 0x39 { return 0x30 }
      if u >= 0x61 && u <= 0x7A { return u }
      return nil
    }
    switch u {
    // 〇一二三四五六七八九十百千万两零
    case 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E,
      0x5343, 0x4E07, 0x4E24, 0x96F6:
      return 0x30
    case 0x2000...0x2BFF, 0x3000...0x303F, 0xFE00...0xFE6F, 0xFF00...0xFFEF, 0xD800...0xDFFF: return nil
    default: return u
    }
  }

  /// SplitMix64's finalizer.
  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// One seed per slot, from SplitMix64.
  static let seeds: [UInt64] = {
    var state: UInt64 = 0x5349_5955_4D48_0001
    return (0..<count).map { _ in
      state &+= 0x9E37_79B9_7F4A_7C15
      return mix(state)
    }
  }()
}
