/// The lexicon files embedded in the binary at build time from the package's `lexicons/` folder.
public enum BuiltinLexicons {
  /// Relative path (e.g. `seg/ecommerce.txt`) to file text, parsed once.
  public static let files: [String: String] = {
    var result: [String: String] = [:]
    var blob = EmbeddedLexicons.blob
    blob.withUTF8 { bytes in
      // Parts separated by U+0001, each "path\ntext"; scanned over the raw bytes (the blob is large).
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x01 { end += 1 }
        var newline = start
        while newline < end && bytes[newline] != 0x0A { newline += 1 }
        if newline < end {
          result[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<newline]), as: UTF8.self)] =
            String(decoding: UnsafeBufferPointer(rebasing: bytes[(newline + 1)..<end]), as: UTF8.self)
        }
        start = end + 1
      }
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
