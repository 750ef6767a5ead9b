import Foundation
import SiyuText

/// Applies substitution suggestions (`check --fix`) to a post file, keeping everything else byte for
/// byte: front matter, a BOM, CRLF line ends, text after the body.
public enum PostFixer {
  /// The outcome for one file: its text before and after, or why it was left alone.
  public struct Change: Sendable, Equatable {
    public var path: String
    public var before: String
    public var after: String
    /// How many suggestions were applied.
    public var applied: Int
  }

  /// `text` with `suggestions` applied (UTF-16 ranges into `text`); a suggestion overlapping an earlier
  /// one or out of range is skipped. Returns the new text and how many were applied.
  public static func apply(_ suggestions: [Suggestion], to text: String) -> (String, Int) {
    var units = Array(text.utf16)
    var applied: [Suggestion] = []
    for suggestion in suggestions.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      guard suggestion.range.upperBound <= units.count, !suggestion.range.isEmpty else { continue }
      if let last = applied.last, last.range.upperBound > suggestion.range.lowerBound { continue }
      applied.append(suggestion)
    }
    for suggestion in applied.reversed() {
      units.replaceSubrange(suggestion.range, with: Array(suggestion.replacement.utf16))
    }
    return (String(decoding: units, as: UTF16.self), applied.count)
  }

  /// The change `suggestions` (ranges in `post.text`) make to the file `post.path`, without writing it.
  /// Throws an `InputProblem` when the file cannot be changed safely: not UTF-8, mixed line ends, or its
  /// body no longer matches the post (it changed since it was read). A path that is not a regular file
  /// (a FIFO such as `<(…)`, read like stdin) has nothing to change: nil, without opening it again.
  public static func change(for post: Post, suggestions: [Suggestion]) throws(InputProblem) -> Change? {
    guard let path = post.path, !suggestions.isEmpty else { return nil }
    if TextInput.isSpecialFile(path) { return nil }
    // Foundation's UTF-8 decoding drops a BOM silently, so look at the bytes.
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputProblem(path: path, message: "无法读回文件，未修改")
    }
    let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
    guard var text = String(data: bom ? data.dropFirst(3) : data, encoding: .utf8) else {
      throw InputProblem(path: path, message: "无法按 UTF-8 读回文件，未修改（--fix 只改 UTF-8 文件）")
    }
    let raw = bom ? "\u{FEFF}" + text : text
    let crlf = text.contains("\r\n")
    if crlf {
      let lf = text.replacingOccurrences(of: "\r\n", with: "\n")
      // Every LF must have come from a CRLF, and no CR may be left alone.
      if lf.contains("\r")
        || lf.components(separatedBy: "\n").count != text.components(separatedBy: "\r\n").count
      {
        throw InputProblem(path: path, message: "换行符混用（CRLF 与 LF），未修改")
      }
      text = lf
    }
    var units = Array(text.utf16)
    var start = 0
    var line = 1
    while line < post.bodyLine, start < units.count {
      if units[start] == 0x0A { line += 1 }
      start += 1
    }
    let body = Array(post.text.utf16)
    guard start + body.count <= units.count, Array(units[start..<(start + body.count)]) == body else {
      throw InputProblem(path: path, message: "文件在检查后被改动，未修改")
    }
    let (fixed, applied) = apply(suggestions, to: post.text)
    guard applied > 0 else { return nil }
    units.replaceSubrange(start..<(start + body.count), with: Array(fixed.utf16))
    var after = String(decoding: units, as: UTF16.self)
    if crlf { after = after.replacingOccurrences(of: "\n", with: "\r\n") }
    if bom { after = "\u{FEFF}" + after }
    return Change(path: path, before: raw, after: after, applied: applied)
  }

  /// `change` as a unified diff that `patch -p1` and `git apply` take: hunks with three lines of context,
  /// every line with its own line end (CRLF kept), `\ No newline at end of file` where the file ends
  /// without one, and a tab after a path with a space in it (as git writes it, so GNU patch reads the
  /// whole name). Fixes replace text within lines, so both sides have the same lines.
  public static func diff(_ change: Change) -> String {
    let old = lines(change.before)
    let new = lines(change.after)
    let changed = (0..<min(old.count, new.count)).filter { old[$0] != new[$0] }
    guard !changed.isEmpty else { return "" }
    let name = change.path.contains(" ") ? change.path + "\t" : change.path
    var out = "--- a/\(name)\n+++ b/\(name)\n"
    let context = 3
    var k = 0
    while k < changed.count {
      // One hunk: changes closer than twice the context share their context lines.
      var last = k
      while last + 1 < changed.count && changed[last + 1] - changed[last] <= 2 * context { last += 1 }
      let first = max(0, changed[k] - context)
      let end = min(old.count, changed[last] + context + 1)
      out += "@@ -\(range(first, end)) +\(range(first, end)) @@\n"
      for line in first..<end {
        if old[line] == new[line] {
          out += " " + show(old[line])
        } else {
          out += "-" + show(old[line]) + "+" + show(new[line])
        }
      }
      k = last + 1
    }
    return out
  }

  /// The lines of `text`, each with its line end (`\n` or `\r\n`); the last has none when the text does
  /// not end in one.
  private static func lines(_ text: String) -> [Substring] {
    var result: [Substring] = []
    var start = text.startIndex
    for index in text.indices where text[index].isNewline {
      let next = text.index(after: index)
      result.append(text[start..<next])
      start = next
    }
    if start < text.endIndex { result.append(text[start...]) }
    return result
  }

  /// A hunk's line range as unified diff writes it: `start,count` (1-based; `start` alone for one line).
  private static func range(_ first: Int, _ end: Int) -> String {
    end - first == 1 ? "\(first + 1)" : "\(first + 1),\(end - first)"
  }

  /// A diff line's text: the line as it is, or with the marker for a missing final line end.
  private static func show(_ line: Substring) -> String {
    line.last?.isNewline == true ? String(line) : String(line) + "\n\\ No newline at end of file\n"
  }

}
