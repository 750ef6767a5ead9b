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
    let location = problem.line.map { "\(problem.path):\($0):" } ?? "\(problem.path):"
    return "\(paint(location, Self.bold)) \(problem.message)\n"
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
    var out = paint(file.path, Self.underline) + "\n"
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

  /// Line breaks and tabs in a message would break the columns: they become spaces.
  private static func singleLine(_ message: String) -> String {
    // Checked on scalars: the line breaks `Character.isNewline` knows, without grapheme breaking.
    guard
      message.unicodeScalars.contains(where: {
        (0x09...0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029
      })
    else { return message }
    return String(message.map { $0.isNewline || $0 == "\t" ? " " : $0 })
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
