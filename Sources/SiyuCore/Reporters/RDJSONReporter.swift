/// `check --format rdjson`: reviewdog's Diagnostic Format, the `DiagnosticResult` message as JSON
/// (`reviewdog -f=rdjson`), indented:
///
/// ```
/// {"source":{"name":"siyu"},
///  "diagnostics":[{"message","location":{"path","range":{"start":{"line","column"},"end":{…}}},
///                  "severity":"ERROR|WARNING|INFO","code":{"value":RULE},
///                  "suggestions":[{"range":{…},"text":REPLACEMENT}]}]}
/// ```
///
/// Columns are 1-based UTF-8 byte counts, as reviewdog expects; range ends are exclusive. `path` is the
/// post's path as reported (`FILE#ROW` for batch rows). Input problems are diagnostics too: severity
/// `ERROR`, no code, a range with only the start line when the line is known.
public struct RDJSONReporter: Reporter {
  /// `source.url`: where to read about siyu; left out when nil.
  public var sourceURL: String?

  /// A reporter naming `sourceURL` as the diagnostics' source URL, when given.
  public init(sourceURL: String? = nil) {
    self.sourceURL = sourceURL
  }

  /// The `DiagnosticResult` and a line end: input problems first, then findings in file order; `rules` is
  /// not used.
  public func render(_ report: CheckReport, rules: [RuleDescription]) -> String {
    var diagnostics: [JSONNode] = []
    for problem in report.errors {
      diagnostics.append(
        .object([
          "message": .string(problem.message),
          "location": .object([
            "path": .string(problem.path),
            "range": problem.line.map { .object(["start": .object(["line": .int($0)])]) },
          ]),
          "severity": .string("ERROR"),
        ]))
    }
    for file in report.files {
      for located in file.findings {
        diagnostics.append(diagnostic(located, path: file.path))
      }
    }
    let result = JSONNode.object([
      "source": .object([
        "name": .string("siyu"),
        "url": sourceURL.map(JSONNode.string),
      ]),
      "diagnostics": .array(diagnostics),
    ])
    return result.prettyText + "\n"
  }

  private func diagnostic(_ located: LocatedFinding, path: String) -> JSONNode {
    let finding = located.finding
    var suggestions: JSONNode?
    if let suggestion = finding.suggestion {
      suggestions = .array([
        .object([
          "range": range(located.suggestionStart ?? located.start, located.suggestionEnd ?? located.end),
          "text": .string(suggestion.replacement),
        ])
      ])
    }
    return .object([
      "message": .string(finding.message),
      "location": .object([
        "path": .string(path),
        "range": range(located.start, located.end),
      ]),
      "severity": .string(Self.severity(finding.severity)),
      "code": .object(["value": .string(finding.rule)]),
      "suggestions": suggestions,
    ])
  }

  private func range(_ start: FilePosition, _ end: FilePosition) -> JSONNode {
    .object([
      "start": .object(["line": .int(start.line), "column": .int(start.utf8Column)]),
      "end": .object(["line": .int(end.line), "column": .int(end.utf8Column)]),
    ])
  }

  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: "ERROR"
    case .warning: "WARNING"
    case .info: "INFO"
    }
  }
}
