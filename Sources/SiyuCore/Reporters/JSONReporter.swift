/// `check --format json`: one JSON document on one line, keys in the SPEC's order:
///
/// ```
/// {"version":1,
///  "files":[{"path","verdict":{"class","probability","score"},
///            "findings":[{"rule","severity","line","column","end_line","end_column","message","points",
///                         "suggestion":null|{"replacement","line","column","end_line","end_column","safe"}}],
///            "meta":{…}}],
///  "errors":[{"path","line"|null,"message"}],
///  "summary":{"files","errors","warnings","infos"}}
/// ```
///
/// Every checked post is listed, with or without findings; `meta` only when the post has metadata (keys
/// sorted). Lines and columns are 1-based, columns in UTF-16 code units, ends exclusive.
///
/// `summary` counts as SPEC.md's example does (ESLint counts a file that cannot be parsed the same way):
/// `files` is every input named in the document, checked or broken (distinct paths of `files` and
/// `errors`); `errors` is the error-level findings plus the input errors; `warnings` and `infos` count
/// findings.
public struct JSONReporter: Reporter {
  /// Version of this document's shape (`"version"`).
  public static let formatVersion = 1

  /// A reporter; it has no options.
  public init() {}

  /// The document and a line end; `rules` is not used.
  public func render(_ report: CheckReport, rules: [RuleDescription]) -> String {
    document(report).compactText + "\n"
  }

  func document(_ report: CheckReport) -> JSONNode {
    .object([
      "version": .int(Self.formatVersion),
      "files": .array(report.files.map(file)),
      "errors": .array(
        report.errors.map { problem in
          .object([
            "path": .string(problem.path),
            "line": problem.line.map(JSONNode.int) ?? .null,
            "message": .string(problem.message),
          ])
        }),
      "summary": .object([
        "files": .int(Self.inputCount(report)),
        "errors": .int(report.count(.error) + report.errors.count),
        "warnings": .int(report.count(.warning)),
        "infos": .int(report.count(.info)),
      ]),
    ])
  }

  /// The distinct paths among the posts checked and the input errors.
  static func inputCount(_ report: CheckReport) -> Int {
    var paths = Set(report.files.map(\.path))
    for problem in report.errors { paths.insert(problem.path) }
    return paths.count
  }

  private func file(_ post: PostReport) -> JSONNode {
    .object([
      "path": .string(post.path),
      "verdict": .object([
        "class": .string(post.verdict.class.rawValue),
        "probability": .number(post.verdict.probability),
        "score": .number(post.verdict.score),
      ]),
      "findings": .array(post.findings.map(finding)),
      "meta": post.meta.isEmpty ? nil : JSONNode(.object(post.meta)),
    ])
  }

  private func finding(_ located: LocatedFinding) -> JSONNode {
    let finding = located.finding
    var suggestion = JSONNode.null
    if let fix = finding.suggestion {
      // The linter places the replacement; without a placement the finding's own span is the best guess.
      let start = located.suggestionStart ?? located.start
      let end = located.suggestionEnd ?? located.end
      suggestion = .object([
        "replacement": .string(fix.replacement),
        "line": .int(start.line),
        "column": .int(start.column),
        "end_line": .int(end.line),
        "end_column": .int(end.column),
        // Whether `check --fix` applies it (false: it reads well in some sentences only).
        "safe": .bool(fix.isSafe),
      ])
    }
    return .object([
      "rule": .string(finding.rule),
      "severity": .string(finding.severity.rawValue),
      "line": .int(located.start.line),
      "column": .int(located.start.column),
      "end_line": .int(located.end.line),
      "end_column": .int(located.end.column),
      "message": .string(finding.message),
      "points": .number(finding.points),
      "suggestion": suggestion,
    ])
  }
}
