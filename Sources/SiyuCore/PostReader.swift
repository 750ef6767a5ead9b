import Foundation
import SiyuText

/// Reads posts from input files and stdin, whatever their format.
///
/// `.jsonl` and `.ndjson` files are JSON Lines batches, `.csv` files CSV batches (see `BatchReader`);
/// anything else (`.md`, `.txt`, …) is one post with optional front matter (see `FrontMatter`). Text is
/// read by `TextInput`: UTF-8 with or without BOM, LF or CRLF, or GB18030 with a warning.
public enum PostReader {
  /// The kind of input a file name implies.
  public enum Format: Sendable, Equatable {
    /// One post, with optional front matter.
    case post
    /// JSON Lines (`.jsonl`, `.ndjson`).
    case jsonLines
    /// CSV with a header row (`.csv`).
    case csv
    /// A `.json` file: JSON Lines when it starts with an object; a JSON array is a problem that says how
    /// to convert it (exports are often arrays).
    case json

    /// The format of `path`, by its extension (case-insensitive).
    public init(path: String) {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
        self = .post
        return
      }
      switch name[name.index(after: dot)...].lowercased() {
      case "jsonl", "ndjson": self = .jsonLines
      case "csv": self = .csv
      case "json": self = .json
      default: self = .post
      }
    }
  }

  /// Reads every post in the file at `path` (`-` reads stdin). `displayPath` names the file in ids and
  /// problems when it differs from `path` (e.g. `--stdin-filename`); its extension also picks the format
  /// for stdin. Broken inputs and rows become `problems`; the rest is still read. `warnings` are
  /// messages such as "read as GB18030".
  public static func readPosts(
    path: String, displayPath: String? = nil, defaults: PostDefaults
  ) -> (posts: [Post], problems: [InputProblem], warnings: [String]) {
    var warnings: [String] = []
    let (posts, problems) = BatchReader.collect {
      warnings = forEachPost(path: path, displayPath: displayPath, defaults: defaults, emit: $0)
    }
    return (posts, problems, warnings)
  }

  /// Streams the posts of the file at `path` (see `readPosts`): `emit` gets each post, or the problem
  /// of a row or of the whole input, in order; batch files are read a line at a time. `format` overrides
  /// the format the name implies (stdin has no name). Returns the warnings; with `warn`, they go there
  /// instead, before the file's first post, so that they read in input order.
  public static func forEachPost(
    path: String, displayPath: String? = nil, format explicitFormat: Format? = nil, defaults: PostDefaults,
    warn: ((String) -> Void)? = nil, emit: (consuming Result<Post, InputProblem>) -> Void
  ) -> [String] {
    let name = displayPath ?? path
    let storedPath: String? = path == "-" ? displayPath : path
    let input: TextInput
    do {
      input = try TextInput(path: path)
    } catch {
      emit(.failure(InputProblem(path: name, line: error.line, message: error.message)))
      return []
    }
    var warnings: [String] = []
    if var warning = input.warning {
      if let displayPath, warning.hasPrefix(input.path + ":") {
        warning = displayPath + warning.dropFirst(input.path.count)
      }
      if let warn { warn(warning) } else { warnings.append(warning) }
    }
    switch explicitFormat ?? Format(path: path == "-" ? (displayPath ?? "") : path) {
    case .jsonLines:
      BatchReader.forEachJSONLine(input, file: name, path: storedPath, defaults: defaults, emit: emit)
    case .csv:
      BatchReader.forEachCSVRow(input, file: name, path: storedPath, defaults: defaults, emit: emit)
    case .json:
      BatchReader.forEachJSONFileRow(input, file: name, path: storedPath, defaults: defaults, emit: emit)
    case .post:
      let text: String
      do {
        text = try input.readString()
      } catch {
        emit(.failure(InputProblem(path: name, line: error.line, message: error.message)))
        return warnings
      }
      emit(FrontMatter.post(from: text, id: name, path: storedPath, defaults: defaults))
    }
    return warnings
  }

  /// Reads one post from `text` already in memory (stdin): front matter if present, then the body.
  /// `id` names the post (e.g. `-` or the `--stdin-filename`); `path` is stored in the post for config
  /// globs (nil for plain stdin). A leading BOM and CRLF line ends are handled.
  public static func readPost(
    text: String, id: String, path: String?, defaults: PostDefaults
  ) -> Result<Post, InputProblem> {
    FrontMatter.post(from: text, id: id, path: path, defaults: defaults)
  }
}
