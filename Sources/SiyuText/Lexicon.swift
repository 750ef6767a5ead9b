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

  /// Parses lexicon text. Never fails: every non-comment, non-blank line is an entry. A plain loop over
  /// the UTF-8 bytes: lexicons are parsed at every start-up.
  public init(name: String, text: String) {
    self.name = name
    var entries: [Entry] = []
    var text = text
    text.withUTF8 { bytes in
      var lineNumber = 0
      var lineStart = 0
      let n = bytes.count
      while lineStart <= n {
        var lineEnd = lineStart
        while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        lineNumber += 1
        defer { lineStart = lineEnd + 1 }
        // Trim spaces (and a CR) around the line.
        var a = lineStart
        var b = lineEnd
        while a < b && bytes[a] == 0x20 { a += 1 }
        while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x0D) { b -= 1 }
        if a == b || bytes[a] == UInt8(ascii: "#") { continue }
        // The first field is the word; an array for the others only when there are any (most lexicons
        // are one word a line, and this runs for thousands of lines at every start-up).
        var word: String?
        var fields: [String] = []
        var fieldStart = a
        for i in a...b where i == b || bytes[i] == 0x09 {
          var x = fieldStart
          var y = i
          while x < y && bytes[x] == 0x20 { x += 1 }
          while y > x && bytes[y - 1] == 0x20 { y -= 1 }
          let field = String(decoding: UnsafeBufferPointer(rebasing: bytes[x..<y]), as: UTF8.self)
          if word == nil { word = field } else { fields.append(field) }
          fieldStart = i + 1
        }
        guard let word, !word.isEmpty else { continue }
        entries.append(Entry(text: word, fields: fields, line: lineNumber))
      }
    }
    self.entries = entries
  }

  /// The entries' texts.
  public var words: [String] { entries.map(\.text) }
}
