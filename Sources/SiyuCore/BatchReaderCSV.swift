import Foundation
import SiyuText

extension BatchReader {
  /// Reads a CSV batch (RFC 4180: comma-separated, fields in double quotes may hold commas, line ends and
  /// doubled quotes `""`). The header row names the fields (`text` required; the names of front matter,
  /// matched without regard to case or surrounding spaces; other columns are `meta`). Rows are numbered
  /// from 1 after the header (`FILE#ROW`); blank lines are skipped and not numbered; an empty file has no
  /// rows (and needs no header). A row with the wrong
  /// number of fields, or a bad value, is an `InputProblem` on the line where the row starts; a quote
  /// left open at the end of the file is one on the line where its field starts.
  public static func readCSV(
    _ input: TextInput, file: String, path: String?, defaults: PostDefaults
  ) -> (posts: [Post], problems: [InputProblem]) {
    collect { forEachCSVRow(input, file: file, path: path, defaults: defaults, emit: $0) }
  }

  /// Streams a CSV batch (see `readCSV`): `emit` gets each row's post, or its problem, in order, as soon as
  /// the row is read.
  public static func forEachCSVRow(
    _ input: TextInput, file: String, path: String?, defaults: PostDefaults,
    emit: (consuming Result<Post, InputProblem>) -> Void
  ) {
    var header: [String]?
    var headerFailed = false
    var row = 0
    var scanner = CSVScanner()
    func handle(_ record: CSVScanner.Record) {
      if headerFailed { return }
      if record.fields.count == 1 && record.fields[0].allSatisfy({ $0 == " " || $0 == "\t" }) { return }
      guard let names = header else {
        // Line ends are LF or CRLF; a carriage return inside the header means CR alone ends lines (Excel
        // for Mac's "CSV (Macintosh)"), and the whole file would read as one header with no rows.
        if record.fields.contains(where: { $0.unicodeScalars.contains("\r") }) {
          let message = "CSV 表头里有单独的回车符（CR）：文件像是以 CR 换行（旧版 Mac 的 CSV），请另存为 LF 或 CRLF 换行后再试"
          emit(.failure(InputProblem(path: file, line: record.line, message: message)))
          headerFailed = true
          return
        }
        let names = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let lowered = names.map { $0.lowercased() }
        if !lowered.contains("text") {
          emit(.failure(InputProblem(path: file, line: record.line, message: "CSV 表头缺少「text」列")))
          headerFailed = true
          return
        }
        var seen: Set<String> = []
        for name in lowered where !seen.insert(name).inserted {
          emit(.failure(InputProblem(path: file, line: record.line, message: "CSV 表头中「\(name)」列重复")))
          headerFailed = true
          return
        }
        header = names
        return
      }
      row += 1
      guard record.fields.count == names.count else {
        emit(
          .failure(
            InputProblem(
              path: file, line: record.line,
              message: "第 \(row) 条记录有 \(record.fields.count) 个字段，表头有 \(names.count) 个")))
        return
      }
      var fields: [(key: String, value: FrontMatterFields.Value)] = []
      for (name, cell) in zip(names, record.fields) {
        let lowered = name.lowercased()
        if lowered == "text" {
          fields.append((key: "text", value: FrontMatterFields.Value(json: .string(cell), raw: cell)))
        } else if FrontMatterFields.knownKeys.contains(lowered) && lowered != "siyu" {
          if cell.trimmingCharacters(in: .whitespaces).isEmpty { continue }
          fields.append((key: lowered, value: FrontMatterFields.Value(json: .string(cell), raw: cell)))
        } else if !name.isEmpty {
          fields.append((key: name, value: FrontMatterFields.Value(json: .string(cell), raw: cell)))
        }
      }
      emit(
        post(
          fields: fields, file: file, path: path, row: row, line: record.line, defaults: defaults,
          allowSettings: false, messagePrefix: "第 \(row) 条记录："))
    }
    do {
      try input.forEachLine { piece, endsLine in
        scanner.feed(piece, endsLine: endsLine, emit: handle)
      }
    } catch {
      emit(.failure(InputProblem(path: file, line: error.line, message: error.message)))
      return
    }
    if let openLine = scanner.finish(emit: handle) {
      let message = "引号没有闭合：从这一行开始的字段到文件末尾都没有结束的 \""
      emit(.failure(InputProblem(path: file, line: openLine, message: message)))
    }
  }

  /// Splits CSV lines (as delivered by `TextInput.forEachLine`, without line ends) into records.
  struct CSVScanner {
    struct Record {
      var fields: [String]
      /// 1-based line on which the record starts.
      var line: Int
    }

    private var fields: [String] = []
    private var field: [UInt16] = []
    private var inQuotes = false
    /// Just after a `"` inside a quoted field: either the closing quote or the first of `""`.
    private var quotePending = false
    private var fieldQuoted = false
    private var line = 1
    private var recordLine = 1
    private var quoteLine = 1

    mutating func feed(_ piece: UnsafeBufferPointer<UInt16>, endsLine: Bool, emit: (Record) -> Void) {
      for unit in piece {
        if quotePending {
          quotePending = false
          if unit == 0x22 {
            field.append(0x22)
            inQuotes = true
            continue
          }
          inQuotes = false
        }
        if inQuotes {
          if unit == 0x22 {
            quotePending = true
          } else {
            field.append(unit)
          }
          continue
        }
        switch unit {
        case 0x2C:
          endField()
        case 0x22 where field.isEmpty && !fieldQuoted:
          inQuotes = true
          fieldQuoted = true
          quoteLine = line
        default:
          // Text after a closing quote, or a quote inside an unquoted field: kept as written (lenient).
          field.append(unit)
        }
      }
      guard endsLine else { return }
      if quotePending {
        quotePending = false
        inQuotes = false
      }
      line += 1
      if inQuotes {
        field.append(0x0A)
        return
      }
      endField()
      emit(Record(fields: fields, line: recordLine))
      fields.removeAll(keepingCapacity: true)
      recordLine = line
    }

    /// Ends the input; returns the line of a quoted field still open (its record is dropped).
    mutating func finish(emit: (Record) -> Void) -> Int? {
      if quotePending {
        quotePending = false
        inQuotes = false
      }
      if inQuotes { return quoteLine }
      if !fields.isEmpty || !field.isEmpty || fieldQuoted {
        endField()
        emit(Record(fields: fields, line: recordLine))
      }
      return nil
    }

    private mutating func endField() {
      fields.append(UTF16String.make(field))
      field.removeAll(keepingCapacity: true)
      fieldQuoted = false
    }
  }
}
