/// The default `check` output, grouped by file like ESLint's "stylish" format:
///
/// ```
/// posts/2026-11-24-am.md
///   5:9   error    硬广概率 0.97：价格 + 紧迫感 + 引导加微信  hard-sell/classifier
///   5:21  warning  紧迫感话术「手慢无」                       hard-sell/urgency
/// ✖ 2 problems (1 error, 1 warning)
/// ```
///
/// Input problems come first, one `PATH:LINE: message` a line. Then one block per file with findings (files
/// without findings are not listed), blocks separated by a blank line; positions are `line:column` with
/// UTF-16 columns; the message column is padded by display width (CJK characters take two columns) so the
/// rule ids line up within a file. The summary line counts findings; nothing is printed for a clean report.
public struct HumanReporter: Reporter {
  /// Whether to add ANSI colors: red errors, yellow warnings, blue infos, underlined file names, dim
  /// positions and rule ids, a bold summary.
  public var color: Bool

  /// A reporter; `color` adds ANSI colors (the CLI passes false for `--no-color`, `NO_COLOR` or a pipe).
  public init(color: Bool = false) {
    self.color = color
  }

  /// The report as terminal text; `rules` is not used.
  public func render(_ report: CheckReport, rules: [RuleDescription]) -> String {
    var blocks: [String] = []
    if !report.errors.isEmpty {
      blocks.append(report.errors.map(problemLine).joined())
    }
    for file in report.files where !file.findings.isEmpty {
      blocks.append(fileBlock(file))
    }
    var out = blocks.joined(separator: "\n")
    let (errors, warnings, infos) = (report.count(.error), report.count(.warning), report.count(.info))
    if errors + warnings + infos > 0 {
      out += summaryLine(errors: errors, warnings: warnings, infos: infos)
    }
    return out
  }

  private func problemLine(_ problem: InputProblem) -> String {
    let path = Self.singleLine(problem.path)
    let location = problem.line.map { "\(path):\($0):" } ?? "\(path):"
    return "\(paint(location, Self.bold)) \(Self.singleLine(problem.message))\n"
  }

  private func fileBlock(_ file: PostReport) -> String {
    let rows = file.findings.map { located in
      (
        position: "\(located.start.line):\(located.start.column)",
        severity: located.finding.severity,
        message: Self.singleLine(located.finding.message),
        rule: located.finding.rule
      )
    }
    // One row is padded by 2 whatever its width: `check --quiet` prints mostly one error a post.
    let messageWidths = rows.count == 1 ? [0] : rows.map { DisplayWidth.of($0.message) }
    let positionWidth = rows.map { $0.position.utf8.count }.max() ?? 0
    let severityWidth = rows.map { $0.severity.rawValue.utf8.count }.max() ?? 0
    let messageWidth = messageWidths.max() ?? 0
    var out = paint(Self.singleLine(file.path), Self.underline) + "\n"
    for (row, width) in zip(rows, messageWidths) {
      out += "  "
      out += paint(row.position, Self.dim) + spaces(positionWidth - row.position.utf8.count + 2)
      out += paint(row.severity.rawValue, Self.style(of: row.severity))
      out += spaces(severityWidth - row.severity.rawValue.utf8.count + 2)
      out += row.message + spaces(messageWidth - width + 2)
      out += paint(row.rule, Self.dim) + "\n"
    }
    return out
  }

  private func summaryLine(errors: Int, warnings: Int, infos: Int) -> String {
    var parts = [Self.plural(errors, "error"), Self.plural(warnings, "warning")]
    if infos > 0 { parts.append(Self.plural(infos, "info")) }
    let text = "✖ \(Self.plural(errors + warnings + infos, "problem")) (\(parts.joined(separator: ", ")))"
    let style = errors > 0 ? Self.red : warnings > 0 ? Self.yellow : Self.blue
    return paint(paint(text, style), Self.bold) + "\n"
  }

  // MARK: - Text helpers

  private func spaces(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }

  private static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  /// Text from posts and file names made safe for a terminal line: line breaks and tabs (which would
  /// break the columns) become spaces; other control characters (an ESC would start a terminal escape
  /// sequence) and bidirectional overrides (U+202E turns the rest of the line around) are shown as
  /// `<U+001B>`. JSON, SARIF and rdjson escape them their own way.
  static func singleLine(_ message: String) -> String {
    // Checked on scalars, without grapheme breaking: most messages need nothing.
    guard message.unicodeScalars.contains(where: needsCare) else { return message }
    var out = String.UnicodeScalarView()
    for scalar in message.unicodeScalars {
      let v = scalar.value
      if (0x09...0x0D).contains(v) || v == 0x85 || v == 0x2028 || v == 0x2029 {
        out.append(" ")
      } else if needsCare(scalar) {
        out.append(
          contentsOf: "<U+\(String(v, radix: 16, uppercase: true).leftPadded(to: 4))>".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Control characters, line and paragraph separators, and bidirectional embeddings, overrides and
  /// isolates.
  private static func needsCare(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
      || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v)
  }

  // MARK: - ANSI styles

  private typealias Style = (on: String, off: String)

  private static let bold: Style = ("\u{1B}[1m", "\u{1B}[22m")
  private static let dim: Style = ("\u{1B}[2m", "\u{1B}[22m")
  private static let underline: Style = ("\u{1B}[4m", "\u{1B}[24m")
  private static let red: Style = ("\u{1B}[31m", "\u{1B}[39m")
  private static let yellow: Style = ("\u{1B}[33m", "\u{1B}[39m")
  private static let blue: Style = ("\u{1B}[34m", "\u{1B}[39m")

  private static func style(of severity: Severity) -> Style {
    switch severity {
    case .error: red
    case .warning: yellow
    case .info: blue
    }
  }

  private func paint(_ text: String, _ style: Style) -> String {
    color ? style.on + text + style.off : text
  }
}

extension String {
  /// The string with leading zeros up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
