import SiyuText

/// A position in a file: 1-based line, 1-based column in UTF-16 units, and 1-based column in UTF-8 bytes.
public struct FilePosition: Sendable, Equatable {
  public var line: Int
  public var column: Int
  /// 0 when the linter counts no UTF-8 columns (`Linter.utf8Columns`).
  public var utf8Column: Int

  public init(line: Int, column: Int, utf8Column: Int) {
    self.line = line
    self.column = column
    self.utf8Column = utf8Column
  }
}

/// A finding placed in its file, ready for a reporter.
public struct LocatedFinding: Sendable, Equatable {
  public var finding: Finding
  public var start: FilePosition
  public var end: FilePosition
  /// Where the suggestion's replacement goes, when there is one.
  public var suggestionStart: FilePosition?
  public var suggestionEnd: FilePosition?

  public init(
    finding: Finding, start: FilePosition, end: FilePosition, suggestionStart: FilePosition? = nil,
    suggestionEnd: FilePosition? = nil
  ) {
    self.finding = finding
    self.start = start
    self.end = end
    self.suggestionStart = suggestionStart
    self.suggestionEnd = suggestionEnd
  }
}

/// The result of checking one post.
public struct PostReport: Sendable {
  /// `Post.id`: the path, or `FILE#ROW`.
  public var path: String
  public var verdict: Verdict
  /// Sorted by position, then rule id.
  public var findings: [LocatedFinding]
  public var meta: [String: JSONValue]
  /// Checks that failed on this post (a custom regex that timed out); `siyu check` reports them as errors.
  public var problems: [InputProblem] = []
  /// How the single-cue guarantee decided `verdict`, when it did (`siyu explain` shows it); nil otherwise.
  public var singleCue: SingleCueGuard?

  public init(path: String, verdict: Verdict, findings: [LocatedFinding], meta: [String: JSONValue] = [:]) {
    self.path = path
    self.verdict = verdict
    self.findings = findings
    self.meta = meta
  }
}

/// An input or configuration that could not be used (exit code 2), printed `PATH:LINE: message`: the
/// same type the text layer reports undecodable input with.
public typealias InputProblem = InputError

/// Everything `siyu check` found, in input order.
public struct CheckReport: Sendable {
  public var files: [PostReport]
  public var errors: [InputProblem]

  public init(files: [PostReport], errors: [InputProblem]) {
    self.files = files
    self.errors = errors
  }

  public func count(_ severity: Severity) -> Int {
    files.reduce(0) { $0 + $1.findings.filter { $0.finding.severity == severity }.count }
  }
}

/// Renders a `CheckReport` in one output format.
public protocol Reporter {
  /// `rules` describes every registered rule (SARIF lists them).
  func render(_ report: CheckReport, rules: [RuleDescription]) -> String
}
