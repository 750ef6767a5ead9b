import Foundation
import SiyuText

extension BatchReader {
  /// Reads a JSON Lines batch: each non-blank line is a JSON object with `text` (required) and optional
  /// `channel`, `persona`, `publish_at`, `group`, `id`, `label`, `industry`, `siyu`; other keys are `meta`.
  /// A row is `FILE#LINE` (its 1-based line number). `file` names the batch in ids and problems; `path`
  /// is stored in each post.
  public static func readJSONLines(
    _ input: TextInput, file: String, path: String?, defaults: PostDefaults
  ) -> (posts: [Post], problems: [InputProblem]) {
    var posts: [Post] = []
    var problems: [InputProblem] = []
    var lineNumber = 0
    var pending: [UInt16] = []
    let decoder = JSONDecoder()
    do {
      try input.forEachLine { piece, endsLine in
        pending.append(contentsOf: piece)
        guard endsLine else { return }
        lineNumber += 1
        defer { pending.removeAll(keepingCapacity: true) }
        let line = String(decoding: pending, as: UTF16.self)
        if line.allSatisfy({ $0.isWhitespace }) { return }
        let value: JSONValue
        do {
          value = try decoder.decode(JSONValue.self, from: Data(line.utf8))
        } catch {
          problems.append(InputProblem(path: file, line: lineNumber, message: "这一行不是有效的 JSON"))
          return
        }
        guard case .object(let object) = value else {
          problems.append(InputProblem(path: file, line: lineNumber, message: "这一行应为 JSON 对象"))
          return
        }
        let fields = object.sorted { $0.key < $1.key }.map {
          (key: $0.key, value: FrontMatterFields.Value(json: $0.value))
        }
        switch post(
          fields: fields, file: file, path: path, row: lineNumber, line: lineNumber, defaults: defaults,
          allowSettings: true)
        {
        case .success(let p): posts.append(p)
        case .failure(let problem): problems.append(problem)
        }
      }
    } catch {
      problems.append(InputProblem(path: file, line: error.line, message: error.message))
    }
    return (posts, problems)
  }
}
