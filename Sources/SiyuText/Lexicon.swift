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

  /// Parses lexicon text. Never fails: every non-comment, non-blank line is an entry.
  public init(name: String, text: String) {
    self.name = name
    var entries: [Entry] = []
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      var parts = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map {
        String($0.trimmingSpaces())
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

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var s = self
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return s
  }
}
