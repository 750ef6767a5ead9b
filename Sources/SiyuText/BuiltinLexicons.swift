/// The lexicon files embedded in the binary at build time from the package's `lexicons/` folder.
public enum BuiltinLexicons {
  /// Relative path (e.g. `seg/ecommerce.txt`) to file text, parsed once.
  public static let files: [String: String] = {
    var result: [String: String] = [:]
    let blob = Substring(EmbeddedLexicons.blob).utf8
    for part in blob.split(separator: 0x01, omittingEmptySubsequences: true) {
      guard let newline = part.firstIndex(of: 0x0A) else { continue }
      result[String(decoding: part[..<newline], as: UTF8.self)] = String(
        decoding: part[part.index(after: newline)...], as: UTF8.self)
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
