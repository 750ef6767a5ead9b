/// A view of normalized text with the usual tricks for slipping words past a filter undone: separators
/// between characters (扫 码, 微.信, 加🌸薇) are dropped and look-alike letters (Cyrillic в, Greek ν, ✔ for
/// v, ➕ for +) are mapped to what they imitate. Rules match cue words on it and map hits back through
/// `map`; `isChanged` tells whether a match needed the undoing (a plain match is the token matcher's job).
///
/// Digits written as ①, full width or ５ are already ASCII after NFKC; Chinese numerals and dingbat
/// digits are read by `digitValue(_:)`, which phone detection uses.
public struct DeobfuscatedText: Sendable {
  /// The view's UTF-16 units.
  public let units: [UInt16]
  /// Index in the normalized text of each view unit.
  public let map: [Int32]
  /// Per view unit: `lookAlikeFlag` when it was mapped from a look-alike, `droppedFlag` when separators
  /// were dropped right before it.
  public let changes: [UInt8]
  /// Whether anything was undone anywhere (some unit of `changes` is not 0).
  public let hasChanges: Bool

  public static let lookAlikeFlag: UInt8 = 1
  public static let droppedFlag: UInt8 = 2

  /// Arrays a view is built into. A view shares them; once it is gone, the next view built with the same
  /// storage (`init(normalized:reusing:)`) writes into them again instead of allocating (a view still
  /// alive keeps its own copy: copy on write).
  public struct Storage {
    var units: [UInt16] = []
    var map: [Int32] = []
    var changes: [UInt8] = []

    public init() {}
  }

  /// Builds the view of `normalized` (NFKC, lower-cased text, e.g. `Document.normalized`).
  public init(normalized: [UInt16]) {
    var storage = Storage()
    self.init(normalized: normalized, reusing: &storage)
  }

  /// Builds the view of `normalized` into `storage` (see `Storage`).
  public init(normalized: [UInt16], reusing storage: inout Storage) {
    let n = normalized.count
    Self.resize(&storage.units, to: n)
    Self.resize(&storage.map, to: n)
    Self.resize(&storage.changes, to: n)
    var count = 0
    var changed: UInt8 = 0
    normalized.withUnsafeBufferPointer { text in
      storage.units.withUnsafeMutableBufferPointer { units in
        storage.map.withUnsafeMutableBufferPointer { map in
          storage.changes.withUnsafeMutableBufferPointer { changes in
            var dropped: UInt8 = 0
            var i = 0
            while i < n {
              let unit = text[i]
              // Most units are CJK ideographs, lower-case letters or digits: never separators or
              // look-alikes (丶 U+4E36 is a separator).
              if (unit >= 0x4E00 && unit <= 0x9FFF && unit != 0x4E36) || (unit >= 0x61 && unit <= 0x7A)
                || (unit >= 0x30 && unit <= 0x39)
              {
                units[count] = unit
                map[count] = Int32(i)
                changes[count] = dropped
                changed |= dropped
                count += 1
                dropped = 0
                i += 1
                continue
              }
              // Emoji and other astral symbols between characters are separators; astral CJK (𠮷) is
              // kept.
              if unit >= 0xD800 && unit <= 0xDBFF && i + 1 < n && text[i + 1] >= 0xDC00
                && text[i + 1] <= 0xDFFF
              {
                let scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(text[i + 1]) - 0xDC00)
                if scalar >= 0x1F000 && scalar < 0x1FB00 {
                  dropped = Self.droppedFlag
                } else {
                  units[count] = unit
                  map[count] = Int32(i)
                  changes[count] = dropped
                  changed |= dropped
                  units[count + 1] = text[i + 1]
                  map[count + 1] = Int32(i + 1)
                  changes[count + 1] = 0
                  count += 2
                  dropped = 0
                }
                i += 2
                continue
              }
              if Self.isSeparator(unit) {
                if count > 0 { dropped = Self.droppedFlag }
                i += 1
                continue
              }
              let mapped = Self.lookAlike(unit)
              units[count] = mapped
              map[count] = Int32(i)
              changes[count] = dropped | (mapped != unit ? Self.lookAlikeFlag : 0)
              changed |= changes[count]
              count += 1
              dropped = 0
              i += 1
            }
          }
        }
      }
    }
    Self.resize(&storage.units, to: count)
    Self.resize(&storage.map, to: count)
    Self.resize(&storage.changes, to: count)
    self.units = storage.units
    self.map = storage.map
    self.changes = storage.changes
    hasChanges = changed != 0
  }

  /// Sets `array.count` to `count`, keeping its storage (new elements are zero).
  @inline(__always)
  private static func resize<T: FixedWidthInteger>(_ array: inout [T], to count: Int) {
    if array.count > count {
      array.removeLast(array.count - count)
    } else if array.count < count {
      array.append(contentsOf: repeatElement(0, count: count - array.count))
    }
  }

  /// Whether undoing was needed inside `range` of the view: a look-alike in it, or a separator dropped
  /// between its characters.
  public func isChanged(_ range: Range<Int>) -> Bool {
    guard !range.isEmpty else { return false }
    if changes[range.lowerBound] & Self.lookAlikeFlag != 0 { return true }
    return changes[(range.lowerBound + 1)..<range.upperBound].contains { $0 != 0 }
  }

  /// Contact ids written after a disguised contact cue (微.信：lily2024, 微❤信 abc12345, ｖ·x：shop_88):
  /// view ranges from the cue to the end of the id, where undoing was needed between the cue's first
  /// character and the id. Plain spellings are contact tokens already (the segmenter's span scanner).
  public func disguisedContactIDs() -> [Range<Int>] {
    guard hasChanges else { return [] }
    var found: [Range<Int>] = []
    units.withUnsafeBufferPointer { text in
      let scanner = SpecialSpanScanner()
      var i = 0
      while i < text.count {
        if SpecialSpanScanner.cueFirstUnits.contains(text[i]),
          let id = scanner.contactAfterCue(text, cueAt: i),
          isChanged(i..<id.start)
        {
          found.append(i..<id.end)
          i = id.end
        } else {
          i += 1
        }
      }
    }
    return found
  }

  /// The normalized-text range a view range covers.
  public func normalizedRange(_ range: Range<Int>) -> Range<Int> {
    let start = Int(map[range.lowerBound])
    let last = range.upperBound - 1
    return start..<(Int(map[last]) + 1)
  }

  /// Separators people put between the characters of a filtered word. Sentence punctuation (，。！？：；)
  /// is not one: "试一下，单买也行" must not read as 下单.
  static func isSeparator(_ unit: UInt16) -> Bool {
    if lookAlike(unit) != unit || digitValue(unit) != nil { return false }
    switch unit {
    case 0x20, 0x09, 0x2E, 0x2D, 0x5F, 0x2A, 0x2F, 0x7C, 0x5C, 0x7E, 0x5E, 0x60, 0x27, 0x22:
      return true  // space tab . - _ * / | \ ~ ^ ` ' "
    case 0x00B7, 0x30FB, 0x2022, 0x2027, 0x4E36:
      return true  // · ・ • ‧ 丶
    case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xFE0E, 0xFE0F, 0x3000:
      return true  // zero-width characters and variation selectors
    // BMP symbols and dingbats used as emoji (❤ ★ ✿); look-alikes (➕ ✔) and dingbat digits (❶) were
    // excluded above.
    case 0x2600...0x26FF, 0x2700...0x27BF, 0x2B00...0x2BFF:
      return true
    default:
      return false
    }
  }

  /// The letter or sign a look-alike imitates, or `unit` itself.
  static func lookAlike(_ unit: UInt16) -> UInt16 {
    switch unit {
    case 0x0430, 0x03B1: return 0x61  // а α → a
    case 0x0432, 0x03B2: return 0x62  // в β → b
    case 0x0441: return 0x63  // с → c
    case 0x0435, 0x03B5: return 0x65  // е ε → e
    case 0x043E, 0x03BF: return 0x6F  // о ο → o
    case 0x0440, 0x03C1: return 0x70  // р ρ → p
    case 0x0443: return 0x79  // у → y
    case 0x0445, 0x03C7, 0x00D7: return 0x78  // х χ × → x
    case 0x03BD, 0x0475, 0x2714, 0x2713, 0x221A: return 0x76  // ν ѵ ✔ ✓ √ → v
    case 0x03C9, 0x0448, 0x0461: return 0x77  // ω ш ѡ → w
    case 0x2795, 0x271A, 0x2719, 0x271B, 0x271C: return 0x2B  // ➕ ✚ ✙ ✛ ✜ → +
    default: return unit
    }
  }

  /// The units other than ASCII digits that `digitValue(_:)` reads, for tables built from it (a test
  /// checks the two agree on every unit).
  public static let nonASCIIDigitUnits: [UInt16] =
    [0x3007, 0x96F6, 0x4E00, 0x5E7A, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D]
    + Array(0x2776...0x277E) + Array(0x2780...0x2788) + Array(0x278A...0x2792)

  /// The digit a unit stands for in a phone number: ASCII digits, Chinese numerals (〇零一幺二两…九) and
  /// the dingbat circled digits (❶ ➀ ➊) that NFKC leaves alone; nil for anything else.
  public static func digitValue(_ unit: UInt16) -> UInt8? {
    switch unit {
    case 0x30...0x39: return UInt8(unit - 0x30)
    case 0x3007, 0x96F6: return 0  // 〇 零
    case 0x4E00, 0x5E7A: return 1  // 一 幺
    case 0x4E8C, 0x4E24: return 2  // 二 两
    case 0x4E09: return 3
    case 0x56DB: return 4
    case 0x4E94: return 5
    case 0x516D: return 6
    case 0x4E03: return 7
    case 0x516B: return 8
    case 0x4E5D: return 9
    case 0x2776...0x277E: return UInt8(unit - 0x2775)  // ❶…❾
    case 0x2780...0x2788: return UInt8(unit - 0x277F)  // ➀…➈
    case 0x278A...0x2792: return UInt8(unit - 0x2789)  // ➊…➒
    default: return nil
    }
  }
}
