import Foundation
import SiyuText

/// Reads batch files, many posts per file: JSON Lines (`BatchReaderJSONL.swift`) and CSV
/// (`BatchReaderCSV.swift`). Each row is a post named `FILE#ROW` whose body starts on line 1; a broken row
/// is an `InputProblem` on the file line where it starts, and the other rows are still read.
public enum BatchReader {
  /// Gathers what a streaming reader emits into posts and problems, in order.
  static func collect(
    _ read: ((consuming Result<Post, InputProblem>) -> Void) -> Void
  ) -> (posts: [Post], problems: [InputProblem]) {
    var posts: [Post] = []
    var problems: [InputProblem] = []
    read { (result: consuming Result<Post, InputProblem>) in
      switch consume result {
      case .success(let post): posts.append(post)
      case .failure(let problem): problems.append(problem)
      }
    }
    return (posts, problems)
  }

  /// Builds the post of one row from its fields in order. `text` is required; known fields are checked
  /// as in front matter (`siyu` only when `allowSettings`); other fields become `meta`. `textUnits` are
  /// the text's UTF-16 units when the reader has them instead of a `text` field (see `Post.text`).
  static func post(
    fields: [(key: String, value: FrontMatterFields.Value)], file: String, path: String?, row: Int,
    line: Int, defaults: PostDefaults, allowSettings: Bool, messagePrefix: String = "",
    textUnits: [UInt16]? = nil
  ) -> Result<Post, InputProblem> {
    do {
      return .success(
        try makePost(
          fields: fields, file: file, path: path, row: row, line: line, defaults: defaults,
          allowSettings: allowSettings, messagePrefix: messagePrefix, textUnits: textUnits))
    } catch {
      return .failure(error)
    }
  }

  /// `post(fields:…)` returning the post itself, so that it moves into the result instead of being
  /// copied (a `Post` copy retains a dozen fields).
  private static func makePost(
    fields: [(key: String, value: FrontMatterFields.Value)], file: String, path: String?, row: Int,
    line: Int, defaults: PostDefaults, allowSettings: Bool, messagePrefix: String, textUnits: [UInt16]?
  ) throws(InputProblem) -> Post {
    func problem(_ message: String) -> InputProblem {
      InputProblem(path: file, line: line, message: messagePrefix + message)
    }
    let text: String?
    let units: [UInt16]?
    if let textUnits, !textUnits.contains(0x0D) {
      text = nil
      units = textUnits
    } else {
      let rawText: String
      if let textUnits {
        rawText = UTF16String.make(textUnits)
      } else {
        guard let textField = fields.first(where: { $0.key == "text" }) else {
          throw problem("缺少必需的「text」字段")
        }
        guard case .string(let value) = textField.value.json else {
          throw problem("「text」应为字符串")
        }
        rawText = value
      }
      var probe = rawText
      let hasCR = probe.withUTF8 { $0.contains(0x0D) }
      text = hasCR ? rawText.replacingOccurrences(of: "\r\n", with: "\n") : rawText
      units = nil
    }
    // A row with only its text (the common case): the post is made in the return value itself. A post
    // held in a variable first was copied on return (a dozen retains, and as many releases after).
    guard fields.contains(where: { $0.key != "text" }) else {
      return Post(
        row: rowID(file: file, row: row), path: path, text: text, textUnits: units, sourceLine: line,
        defaults: defaults)
    }
    var post = Post(
      row: rowID(file: file, row: row), path: path, text: text, textUnits: units, sourceLine: line,
      defaults: defaults)
    for (key, value) in fields where key != "text" {
      if key == "siyu" && allowSettings {
        switch FrontMatterFields.disabledRules(from: value.json) {
        case .success(let ids):
          post.disabledRules = ids
          if !ids.isEmpty { post.disableLine = line }
        case .failure(let error):
          throw problem(error.message)
        }
      } else if FrontMatterFields.knownKeys.contains(key) && key != "siyu" {
        if let message = FrontMatterFields.apply(key, value, to: &post, timezone: defaults.timezone) {
          throw problem(message)
        }
        if key == "persona" && !value.isNull { post.personaLine = SourceLine(path: file, line: line) }
        if key == "channel" && !value.isNull { post.channelLine = SourceLine(path: file, line: line) }
      } else {
        post.meta[key] = value.json
      }
    }
    return post
  }

  /// `FILE#ROW`, a batch row's name, written straight into the string (interpolation cost more than
  /// the rest of building the row's post).
  static func rowID(file: String, row: Int) -> String {
    guard row >= 0 else { return "\(file)#\(row)" }
    var digits = 1
    var rest = row / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    var file = file
    return file.withUTF8 { name in
      // The exact length: an id of up to 15 bytes is then a small string, with no allocation to make,
      // retain or free.
      String(unsafeUninitializedCapacity: name.count + 1 + digits) { out in
        var o = 0
        for byte in name {
          out[o] = byte
          o += 1
        }
        out[o] = 0x23
        o += 1
        var rest = row
        for k in stride(from: o + digits - 1, through: o, by: -1) {
          out[k] = UInt8(0x30 + rest % 10)
          rest /= 10
        }
        return o + digits
      }
    }
  }
}
