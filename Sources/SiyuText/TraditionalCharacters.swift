/// The characters ICU's Hant-Hans transliterator changes, with their Simplified form
/// (`lexicons/traditional.txt`, generated from the transliterator by `scripts/gen-traditional`).
struct TraditionalCharacters: Sendable {
  /// Simplified form per BMP unit, 0 when the unit is not converted; a flat table for the hot path.
  private var table = [UInt16](repeating: 0, count: 65536)

  static let builtin = TraditionalCharacters(
    lexicon: BuiltinLexicons.lexicon("traditional.txt"),
    alsoSimplified: BuiltinLexicons.lexicon("rules/simplified-too.txt"))

  /// `alsoSimplified` lists characters of the table that are standard Simplified too (著, 俱): they are
  /// left out, so they neither mark a text as Traditional nor get converted.
  init(lexicon: Lexicon?, alsoSimplified: Lexicon? = nil) {
    let excluded = Set((alsoSimplified?.entries ?? []).compactMap { $0.text.unicodeScalars.first?.value })
    for entry in lexicon?.entries ?? [] {
      guard let scalar = entry.text.unicodeScalars.first, !excluded.contains(scalar.value) else { continue }
      let value = scalar.value
      // Hant-Hans maps BMP characters to single BMP characters (the generator's output shows it).
      if value < 0x10000, let simplified = entry.fields.first, simplified.utf16.count == 1,
        let unit = simplified.utf16.first
      {
        table[Int(value)] = unit
      }
    }
  }

  /// The Simplified form of BMP unit `unit`, or nil when it is not converted.
  @inline(__always)
  func replacement(for unit: UInt16) -> UInt16? {
    let simplified = table[Int(unit)]
    return simplified == 0 ? nil : simplified
  }
}
