/// A word list in the lexicon format: one entry a line, `#` starts a comment line, blank lines are
/// ignored, and optional tab-separated fields may follow the entry. Leading and trailing spaces are trimmed.
public struct Lexicon: Sendable {
  /// One entry with the line it came from (1-based) and its extra fields.
  public struct Entry: Sendable, Equatable {
    public var text: String
    public var fields: [String]
    public var line: Int

    public init(text: String, fields: [String] = [], line: Int = 0) {
      self.text = text
      self.fields = fields
      self.line = line
    }
  }

  /// Where the lexicon came from: a path for user files, `lexicons/NAME` for built-in ones.
  public var name: String
  public var entries: [Entry]

  public init(name: String, entries: [Entry]) {
    self.name = name
    self.entries = entries
  }

  /// Parses lexicon text. Never fails: every non-comment, non-blank line is an entry. Works on UTF-8
  /// bytes (lexicons are parsed at every start-up, so no grapheme breaking here).
  public init(name: String, text: String) {
    self.name = name
    var entries: [Entry] = []
    var lineNumber = 0
    let newline = UInt8(ascii: "\n")
    let tab = UInt8(ascii: "\t")
    func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
      var s = bytes
      while let first = s.first, first == 0x20 { s = s.dropFirst() }
      while let last = s.last, last == 0x20 || last == 0x0D { s = s.dropLast() }
      return s
    }
    for rawLine in Substring(text).utf8.split(separator: newline, omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = trimmed(rawLine)
      guard let first = line.first, first != UInt8(ascii: "#") else { continue }
      var parts = line.split(separator: tab, omittingEmptySubsequences: false).map {
        String(decoding: trimmed($0), as: UTF8.self)
      }
      let word = parts.removeFirst()
      if word.isEmpty { continue }
      entries.append(Entry(text: word, fields: parts, line: lineNumber))
    }
    self.entries = entries
  }

  /// The entries' texts.
  public var words: [String] { entries.map(\.text) }
}
