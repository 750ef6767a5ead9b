import SiyuCore
import SiyuText

/// A built-in cue list (`lexicons/cues/NAME.txt`): its entries and their fields. Matching is done for
/// all lists at once by `CueScan`.
struct CueLexicon: Sendable {
  let entries: [Lexicon.Entry]

  /// Loads the embedded lexicon at `path` (relative to `lexicons/`); a missing file is an empty list,
  /// which the rule-examples test turns into a failure.
  init(_ path: String) {
    entries = BuiltinLexicons.lexicon(path)?.entries ?? []
  }

  /// The words to match on token boundaries: every entry.
  var words: [String] { entries.map(\.text) }

  /// The words also found anywhere in the normalized text, not only on token boundaries: entries
  /// marked `text` (降血糖 after 能 is segmented 能降 血糖); "" for the others keeps entry indexes.
  var textWords: [String] { entries.map { $0.fields.contains("text") ? $0.text : "" } }

  /// The entry's first field (a replacement, a flag), or "" when it has none or `match` is a compound.
  /// The `text` flag is not a field value.
  func field(of match: KindMatch) -> String {
    guard match.entry >= 0, match.entry < entries.count else { return "" }
    return entries[match.entry].fields.first { $0 != "text" } ?? ""
  }
}
