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
    collect { forEachJSONLine(input, file: file, path: path, defaults: defaults, emit: $0) }
  }

  /// Streams a JSON Lines batch: `emit` gets each row's post, or the problem that row has, in order, as
  /// soon as its line is read (memory holds one line at a time).
  public static func forEachJSONLine(
    _ input: TextInput, file: String, path: String?, defaults: PostDefaults,
    emit: (consuming Result<Post, InputProblem>) -> Void
  ) {
    var lineNumber = 0
    var pending: [UInt16] = []
    func handle(_ line: UnsafeBufferPointer<UInt16>) {
      if line.allSatisfy({
        $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C || $0 == 0x0B || $0 == 0xA0 || $0 == 0x3000
      }) {
        return
      }
      let members: [(key: String, value: JSONValue)]
      let textUnits: [UInt16]?
      do {
        guard let row = try JSONLineParser.parseRow(line) else {
          emit(.failure(InputProblem(path: file, line: lineNumber, message: "这一行应为 JSON 对象")))
          return
        }
        (members, textUnits) = row
      } catch {
        emit(.failure(InputProblem(path: file, line: lineNumber, message: "这一行不是有效的 JSON")))
        return
      }
      // Keys are unique (the parser keeps a repeated key's first value), so the order is the keys'.
      var fields = members.map { (key: $0.key, value: FrontMatterFields.Value(json: $0.value)) }
      if fields.count > 1 { fields.sort { $0.key < $1.key } }
      emit(
        post(
          fields: fields, file: file, path: path, row: lineNumber, line: lineNumber, defaults: defaults,
          allowSettings: true, textUnits: textUnits))
    }
    do {
      try input.forEachLine { piece, endsLine in
        if pending.isEmpty && endsLine {
          lineNumber += 1
          handle(piece)
          return
        }
        pending.append(contentsOf: piece)
        guard endsLine else { return }
        lineNumber += 1
        pending.withUnsafeBufferPointer { handle($0) }
        pending.removeAll(keepingCapacity: true)
      }
    } catch {
      emit(.failure(InputProblem(path: file, line: error.line, message: error.message)))
    }
  }
}

extension BatchReader {
  /// Streams a `.json` file: JSON Lines when it is one object a line; a JSON array (what many exports
  /// write) is one problem on its first line that says how to convert it, since rows are read a line at
  /// a time.
  public static func forEachJSONFileRow(
    _ input: TextInput, file: String, path: String?, defaults: PostDefaults,
    emit: (consuming Result<Post, InputProblem>) -> Void
  ) {
    var first: UInt16?
    var firstLine = 1
    do {
      try input.forEachLine { piece, _ in
        guard first == nil else { return }
        if let unit = piece.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0xFEFF && $0 != 0x0D }) {
          first = unit
        } else {
          firstLine += 1
        }
      }
    } catch {
      emit(.failure(InputProblem(path: file, line: error.line, message: error.message)))
      return
    }
    if first == 0x5B {  // [
      let message =
        "这是 JSON 数组，siyu 读的是 JSON Lines（每行一个 JSON 对象，扩展名 .jsonl）；可以这样转换：jq -c '.[]' \(file) > 新文件.jsonl"
      emit(.failure(InputProblem(path: file, line: firstLine, message: message)))
      return
    }
    forEachJSONLine(input, file: file, path: path, defaults: defaults, emit: emit)
  }
}
