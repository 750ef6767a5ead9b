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
    let input: TextInput
    do {
      input = try TextInput(path: path)
    } catch {
      result.problems.append(error)
      return
    }
    if let warning = input.warning { result.warnings.append(warning) }
    var pending: [UInt16] = []
    var lineNumber = 0
    do {
      try input.forEachLine { piece, endsLine in
        pending.append(contentsOf: piece)
        guard endsLine else { return }
        lineNumber += 1
        defer { pending.removeAll(keepingCapacity: true) }
        var units = pending[...]
        if units.last == 0x0D { units = units.dropLast() }
        if units.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        guard let tab = units.firstIndex(of: 0x09) else {
          result.problems.append(
            InputProblem(path: path, line: lineNumber, message: "应为「标签<TAB>文本」，这一行没有制表符，已跳过"))
          return
        }
        let label = String(decoding: units[..<tab], as: UTF16.self).trimmingCharacters(in: .whitespaces)
        let text = String(decoding: units[(tab + 1)...], as: UTF16.self)
        if lineNumber == 1 && label.lowercased() == "label" { return }
        let normalizedLabel: String
        switch label.lowercased() {
        case "hard-sell", "1": normalizedLabel = "hard-sell"
        case "value", "0": normalizedLabel = "value"
        default:
          result.problems.append(
            InputProblem(
              path: path, line: lineNumber, message: "标签应为 hard-sell 或 value（或 1、0），这里是「\(label)」，已跳过"))
          return
        }
        var post = Post(
          id: "\(path)#\(lineNumber)", path: path, text: text, channel: defaults.channel,
          persona: defaults.persona, publishAt: defaults.publishAt, label: normalizedLabel)
        post.sourceLine = lineNumber
        result.posts.append(post)
      }
    } catch {
      result.problems.append(error)
    }
  }
}
