import SiyuText

/// A word a persona check looks for: a way of saying "I" or of addressing readers, an avoided word.
public struct PersonaTerm: Sendable, Equatable {
  /// The word as written in the lexicon or persona file.
  public var text: String
  /// Any persona may use it (我, 大家): never flagged as out of persona.
  public var neutral: Bool
  /// A shop or brand speaking of itself (本店): not a person.
  public var brand: Bool
  /// Also an ordinary noun (宝宝): counts only at the start or end of a clause.
  public var vocative: Bool

  public init(_ text: String, neutral: Bool = false, brand: Bool = false, vocative: Bool = false) {
    self.text = text
    self.neutral = neutral
    self.brand = brand
    self.vocative = vocative
  }

  /// The word without a plural 们 (姐妹们 → 姐妹), for comparing a found word with a persona's words.
  public var stem: String { Self.stem(text) }

  /// `word` without a trailing 们.
  public static func stem(_ word: String) -> String {
    word.count > 1 && word.hasSuffix("们") ? String(word.dropLast()) : word
  }

  /// The built-in self-reference words (`lexicons/persona/self.txt`).
  public static let builtinSelf: [PersonaTerm] = terms("persona/self.txt")
  /// The built-in ways of addressing readers (`lexicons/persona/address.txt`).
  public static let builtinAddress: [PersonaTerm] = terms("persona/address.txt")
  /// The sentence-final particles a style profile counts (`lexicons/persona/particles.txt`), in file order.
  public static let particles: [String] = BuiltinLexicons.lexicon("persona/particles.txt")?.words ?? []
  /// Product, spec and price words (`lexicons/persona/product.txt`).
  public static let productWords: [String] = BuiltinLexicons.lexicon("persona/product.txt")?.words ?? []

  /// The entries of a built-in lexicon with their flags (fields, comma- or tab-separated).
  static func terms(_ path: String) -> [PersonaTerm] {
    guard let lexicon = BuiltinLexicons.lexicon(path) else { return [] }
    return lexicon.entries.map { entry in
      let flags = Set(
        entry.fields.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
      return PersonaTerm(
        entry.text, neutral: flags.contains("neutral"), brand: flags.contains("brand"),
        vocative: flags.contains("vocative"))
    }
  }
}
