import Foundation
import SiyuCore
import SiyuText

/// Reads labeled posts for `siyu train`, `learn` and `eval`: folders of post files with `label:` in front
/// matter, JSON Lines and CSV batches with a `label` field, and TSV files of `label<TAB>text` lines.
/// Labels are `hard-sell`/`value` or `1`/`0`. A post without a usable label, and every other broken row,
/// is a problem with its file and line; the rest is still read.
public enum LabeledData {
  public struct Result: Sendable {
    /// Posts in input order (folders walked in sorted order), each with `label` set.
    public var posts: [Post] = []
    public var problems: [InputProblem] = []
    /// Messages such as "read as GB18030".
    public var warnings: [String] = []
  }

  /// Reads `inputs` (files, folders, `-`). With `requireLabel` false (`siyu learn`, whose label comes from
  /// the command line) posts without a label are kept.
  public static func read(
    _ inputs: [String], defaults: PostDefaults, baseDirectory: String, requireLabel: Bool = true
  ) -> Result {
    var result = Result()
    let (files, walkProblems) = InputWalker.expand(inputs, baseDirectory: baseDirectory)
    result.problems += walkProblems
    for file in files {
      if file.lowercased().hasSuffix(".tsv") {
        readTSV(path: file, defaults: defaults, into: &result)
        continue
      }
      let read = PostReader.readPosts(path: file, defaults: defaults)
      result.problems += read.problems
      result.warnings += read.warnings
      for post in read.posts {
        if requireLabel && post.label == nil {
          result.problems.append(
            InputProblem(
              path: post.sourceLine == nil ? post.id : file, line: post.sourceLine ?? 1,
              message: "缺少 label（应为 hard-sell 或 value，或 1、0），已跳过"))
        } else {
          result.posts.append(post)
        }
      }
    }
    return result
  }

  /// Reads `label<TAB>text` lines; a first line `label<TAB>text` is a header. Posts are `FILE#LINE`.
  static func readTSV(path: String, defaults: PostDefaults, into result: inout Result) {
    var posts: [Post] = []
    let (problems, warning) = forEachTSVRow(path: path) { hardSell, text, line in
      var post = Post(
        id: "\(path)#\(line)", path: path, text: UTF16String.make(text), channel: defaults.channel,
        persona: defaults.persona, publishAt: defaults.publishAt,
        publishDateOnly: defaults.publishDateOnly, label: hardSell ? "hard-sell" : "value")
      post.sourceLine = line
      posts.append(post)
    }
    if let warning { result.warnings.append(warning) }
    result.posts += posts
    result.problems += problems
  }

  /// Streams the rows of a `label<TAB>text` file without building posts (bulk scoring): `body` gets the
  /// label, the text's UTF-16 units (valid during the call) and the 1-based line. Returns the rows'
  /// problems and a decoding warning, if any.
  public static func forEachTSVRow(
    path: String, _ body: (_ hardSell: Bool, _ text: UnsafeBufferPointer<UInt16>, _ line: Int) -> Void
  ) -> (problems: [InputProblem], warning: String?) {
    let input: TextInput
    do {
      input = try TextInput(path: path)
    } catch {
      return ([error], nil)
    }
    var problems: [InputProblem] = []
    var pending: [UInt16] = []
    var lineNumber = 0
    do {
      try input.forEachLine { piece, endsLine in
        pending.append(contentsOf: piece)
        guard endsLine else { return }
        lineNumber += 1
        defer { pending.removeAll(keepingCapacity: true) }
        var end = pending.count
        if end > 0 && pending[end - 1] == 0x0D { end -= 1 }
        guard pending[0..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        guard let tab = pending[0..<end].firstIndex(of: 0x09) else {
          problems.append(
            InputProblem(path: path, line: lineNumber, message: "应为「标签<TAB>文本」，这一行没有制表符，已跳过"))
          return
        }
        let handled = pending.withUnsafeBufferPointer { all -> Bool in
          guard let hardSell = Self.isHardSell(UnsafeBufferPointer(rebasing: all[0..<tab])) else {
            return false
          }
          body(hardSell, UnsafeBufferPointer(rebasing: all[(tab + 1)..<end]), lineNumber)
          return true
        }
        guard !handled else { return }
        let written = String(decoding: pending[0..<tab], as: UTF16.self)
        if lineNumber == 1 && written.trimmingCharacters(in: .whitespaces).lowercased() == "label" { return }
        problems.append(
          InputProblem(
            path: path, line: lineNumber, message: "标签应为 hard-sell 或 value（或 1、0），这里是「\(written)」，已跳过"))
      }
    } catch {
      problems.append(error)
    }
    return (problems, input.warning)
  }

  /// Whether the label units `1`/`0`/`hard-sell`/`value` (any case, surrounding spaces allowed) say
  /// hard-sell; nil for anything else.
  static func isHardSell(_ units: UnsafeBufferPointer<UInt16>) -> Bool? {
    var start = 0
    var end = units.count
    while start < end && units[start] == 0x20 { start += 1 }
    while end > start && units[end - 1] == 0x20 { end -= 1 }
    if end - start == 1 {
      if units[start] == 0x31 { return true }
      if units[start] == 0x30 { return false }
      return nil
    }
    guard end - start <= 9 else { return nil }
    var word = ""
    for i in start..<end {
      let u = units[i]
      guard u < 0x80 else { return nil }
      word.append(Character(Unicode.Scalar(UInt8(u >= 0x41 && u <= 0x5A ? u + 0x20 : u))))
    }
    return word == "hard-sell" ? true : word == "value" ? false : nil
  }
}
