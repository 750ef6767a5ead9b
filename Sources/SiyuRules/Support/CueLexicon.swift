import SiyuCore
import SiyuText

/// A built-in cue list (`lexicons/cues/NAME.txt`) ready for matching: whole-token matches on the
/// document, and matches on its de-obfuscated view for spellings meant to slip past filters.
struct CueLexicon: Sendable {
  let entries: [Lexicon.Entry]
  let matcher: TokenMatcher
  /// Entries marked `text`: found anywhere in the normalized text, not only on token boundaries (降血糖
  /// after 能 is segmented 能降 血糖).
  let textMatcher: TokenMatcher

  /// Loads the embedded lexicon at `path` (relative to `lexicons/`); a missing file is an empty list,
  /// which the rule-examples test turns into a failure.
  init(_ path: String) {
    entries = BuiltinLexicons.lexicon(path)?.entries ?? []
    matcher = TokenMatcher(words: entries.map(\.text))
    textMatcher = TokenMatcher(words: entries.map { $0.fields.contains("text") ? $0.text : "" })
  }

  /// The entry's first field (a replacement, a flag), or "" when it has none or `match` is a compound.
  /// The `text` flag is not a field value.
  func field(of match: KindMatch) -> String {
    guard match.entry >= 0, match.entry < entries.count else { return "" }
    return entries[match.entry].fields.first { $0 != "text" } ?? ""
  }

  /// Whole-token matches, plus anywhere-matches of the entries marked `text`.
  func matches(in document: Document) -> [KindMatch] {
    let tokens = matcher.matches(in: document)
    guard !textMatcher.isEmpty else { return tokens }
    let anywhere = document.normalized.withUnsafeBufferPointer { textMatcher.substringMatches(in: $0) }
    guard !anywhere.isEmpty else { return tokens }
    var all = tokens
    for found in anywhere where !tokens.contains(where: { $0.normalizedRange.overlaps(found.range) }) {
      all.append(
        KindMatch(
          sourceRange: document.sourceRange(ofNormalized: found.range), normalizedRange: found.range,
          entry: found.entry))
    }
    return all.sorted { $0.normalizedRange.lowerBound < $1.normalizedRange.lowerBound }
  }

  /// Matches that only show once separators and look-alikes are undone (扫 码, 微.信, ν信), mapped back
  /// to the source.
  func obfuscatedMatches(in document: Document) -> [KindMatch] {
    let view = document.deobfuscated
    guard view.changes.contains(where: { $0 != 0 }) else { return [] }
    return view.units.withUnsafeBufferPointer { units in
      matcher.substringMatches(in: units).compactMap { found in
        guard found.range.count >= 2, view.isChanged(found.range) else { return nil }
        let normalized = view.normalizedRange(found.range)
        return KindMatch(
          sourceRange: document.sourceRange(ofNormalized: normalized), normalizedRange: normalized,
          entry: found.entry)
      }
    }
  }
}
