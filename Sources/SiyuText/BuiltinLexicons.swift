/// The lexicon files embedded in the binary at build time from the package's `lexicons/` folder.
public enum BuiltinLexicons {
  /// Relative path (e.g. `seg/ecommerce.txt`) to file text, parsed once.
  public static let files: [String: String] = {
    var result: [String: String] = [:]
    let blob = EmbeddedLexicons.blob
    for part in blob.split(separator: "\u{1}", omittingEmptySubsequences: true) {
      guard let newline = part.firstIndex(of: "\n") else { continue }
      result[String(part[..<newline])] = String(part[part.index(after: newline)...])
    }
    return result
  }()

  /// The built-in lexicon at `path` (relative to `lexicons/`), if there is one.
  public static func lexicon(_ path: String) -> Lexicon? {
    files[path].map { Lexicon(name: "lexicons/" + path, text: $0) }
  }

  /// Every built-in lexicon under the folder `prefix` (e.g. `seg/`), sorted by path.
  public static func lexicons(under prefix: String) -> [Lexicon] {
    files.keys.filter { $0.hasPrefix(prefix) }.sorted().map {
      Lexicon(name: "lexicons/" + $0, text: files[$0]!)
    }
  }
}
