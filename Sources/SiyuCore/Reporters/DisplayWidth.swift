/// How many terminal columns text takes: East Asian wide and fullwidth characters (CJK ideographs, kana,
/// Hangul, fullwidth punctuation such as ，：「」) and emoji take two, combining marks and joiners none.
///
/// A hand-made table of the common ranges of Unicode's East_Asian_Width W and F classes and of emoji with
/// default emoji presentation; ambiguous-width characters count as narrow, as terminals in CJK locales
/// outside East Asia show them.
public enum DisplayWidth {
  /// Columns of `text`, summed over its grapheme clusters.
  ///
  /// Text whose scalars each stand alone as a cluster (ASCII, Latin, CJK, fullwidth forms: most
  /// messages) is summed scalar by scalar, without breaking it into grapheme clusters.
  public static func of(_ text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
      let v = scalar.value
      guard isAlwaysOwnCluster(v) else { return text.reduce(0) { $0 + of($1) } }
      width += isWide(v) ? 2 : isZeroWidth(v) ? 0 : 1
    }
    return width
  }

  /// Scalars that neither extend the cluster before them nor are extended in text that holds only
  /// such scalars (CR LF is one cluster, but both are zero-width): no combining marks, joiners,
  /// variation selectors, Hangul jamo, regional indicators or emoji modifiers.
  static func isAlwaysOwnCluster(_ v: UInt32) -> Bool {
    switch v {
    case 0x00..<0x300, 0x2010..<0x2028: true
    case 0x3000..<0x302A, 0x3030...0x3098, 0x309B...0x9FFF: true  // not 302A–302F, 3099–309A (combining)
    case 0xFF01...0xFF60, 0xFFE0...0xFFE6: true
    default: false
    }
  }

  /// Columns of one grapheme cluster: 2 when any scalar in it is wide or it asks for emoji presentation
  /// (U+FE0F), 0 when all its scalars are zero-width, else 1.
  public static func of(_ character: Character) -> Int {
    var width = 0
    for scalar in character.unicodeScalars {
      let v = scalar.value
      if v == 0xFE0F || isWide(v) { return 2 }
      if !isZeroWidth(v) { width = 1 }
    }
    return width
  }

  /// `text` followed by spaces up to `columns` display columns (unchanged when already that wide).
  public static func pad(_ text: String, to columns: Int) -> String {
    let width = of(text)
    return width >= columns ? text : text + String(repeating: " ", count: columns - width)
  }

  static func isZeroWidth(_ v: UInt32) -> Bool {
    switch v {
    case 0x00..<0x20, 0x7F..<0xA0: true  // control characters
    // combining marks
    case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
    case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0xFEFF: true  // zero-width spaces, joiners, marks
    case 0xFE00...0xFE0F, 0xE0000...0xE007F, 0xE0100...0xE01EF: true  // variation selectors, tags
    case 0x3099...0x309A: true  // kana voicing marks
    default: false
    }
  }

  static func isWide(_ v: UInt32) -> Bool {
    // The common cases first: the ranges below are tested one after another.
    if v < 0x1100 { return false }
    if v >= 0x4E00 && v <= 0x9FFF { return true }
    return switch v {
    case 0x1100...0x115F: true  // Hangul Jamo initials
    case 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3: true
    case 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1: true
    case 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA: true
    case 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728: true
    case 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF: true
    case 0x2B1B...0x2B1C, 0x2B50, 0x2B55: true
    case 0x2E80...0x303E: true  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
    // kana, Bopomofo, Hangul compatibility Jamo, CJK strokes, enclosed CJK, CJK compatibility
    case 0x3041...0x3098, 0x309B...0x33FF: true
    case 0x3400...0x4DBF, 0x4E00...0x9FFF: true  // CJK unified ideographs and extension A
    case 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3: true  // Yi, Hangul
    case 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F: true  // compatibility ideographs and forms
    case 0xFF00...0xFF60, 0xFFE0...0xFFE6: true  // fullwidth forms
    case 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF: true  // Tangut, Khitan, kana supplement
    case 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F1E6...0x1F1FF: true  // incl. regional indicators
    case 0x1F200...0x1F2FF: true  // enclosed ideographic supplement
    case 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB: true  // pictographs, emoticons, transport
    case 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF: true  // supplemental symbols and pictographs
    case 0x20000...0x2FFFD, 0x30000...0x3FFFD: true  // CJK extensions B and beyond (𠮷)
    default: false
    }
  }
}
