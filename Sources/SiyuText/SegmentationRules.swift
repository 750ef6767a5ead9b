/// General segmentation conventions applied around ICU's word break, all read from `lexicons/rules/`:
/// splitting function words ICU glues on (新的 → 新 的, 就是 → 就 是), joining bound prefixes and suffixes
/// (本店, 现代化) and runs of transliterated-name characters (克林顿).
struct SegmentationRules: Sendable {
  /// A set of BMP code units as a bitset.
  struct UnitSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    init(_ lexicon: Lexicon?) {
      for entry in lexicon?.entries ?? [] where entry.text.utf16.count == 1 {
        insert(entry.text.utf16.first!)
      }
    }
    mutating func insert(_ u: UInt16) { bits[Int(u >> 6)] |= 1 << UInt64(u & 63) }
    @inline(__always) func contains(_ u: UInt16) -> Bool { bits[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0 }
  }

  var suffixes: UnitSet
  var prefixes: UnitSet
  var functionCharacters: UnitSet
  var transliteration: UnitSet
  var noSuffixAfter: Set<[UInt16]>
  /// Exact two-character tokens to split, as (first << 16 | second).
  var splitPairs: Set<UInt32> = []
  /// First characters of `splitPairs`, checked before hashing a pair.
  var splitPairFirsts: UnitSet
  /// `*X`: split a two-character token ending in X.
  var splitBeforeLast: UnitSet
  /// `X*`: split a two-character token starting with X.
  var splitAfterFirst: UnitSet
  var keep: Set<UInt32> = []

  static let builtin = SegmentationRules()

  init() {
    func lexicon(_ name: String) -> Lexicon? { BuiltinLexicons.lexicon("rules/" + name) }
    suffixes = UnitSet(lexicon("suffixes.txt"))
    prefixes = UnitSet(lexicon("prefixes.txt"))
    functionCharacters = UnitSet(lexicon("function-chars.txt"))
    transliteration = UnitSet(lexicon("transliteration.txt"))
    noSuffixAfter = Set((lexicon("no-suffix-after.txt")?.entries ?? []).map { Array($0.text.utf16) })
    splitBeforeLast = UnitSet(nil)
    splitPairFirsts = UnitSet(nil)
    splitAfterFirst = UnitSet(nil)
    for entry in lexicon("split.txt")?.entries ?? [] {
      let units = Array(entry.text.utf16)
      guard units.count == 2 else { continue }
      if units[0] == 0x2A {
        splitBeforeLast.insert(units[1])
      } else if units[1] == 0x2A {
        splitAfterFirst.insert(units[0])
      } else {
        splitPairs.insert(UInt32(units[0]) << 16 | UInt32(units[1]))
        splitPairFirsts.insert(units[0])
      }
    }
    for entry in lexicon("keep.txt")?.entries ?? [] {
      let units = Array(entry.text.utf16)
      if units.count == 2 { keep.insert(UInt32(units[0]) << 16 | UInt32(units[1])) }
    }
  }

  @inline(__always) static func isIdeograph(_ u: UInt16) -> Bool { u >= 0x3400 && u < 0xA000 }

  /// Whether a two-character word token `first second` should be split in two.
  @inline(__always)
  func shouldSplit(_ first: UInt16, _ second: UInt16) -> Bool {
    guard Self.isIdeograph(first) && Self.isIdeograph(second) else { return false }
    let candidate = splitBeforeLast.contains(second) || splitAfterFirst.contains(first)
    guard candidate || splitPairFirsts.contains(first) else { return false }
    let pair = UInt32(first) << 16 | UInt32(second)
    if keep.contains(pair) { return false }
    return candidate || splitPairs.contains(pair)
  }
}
