/// `check --format sarif`: a SARIF 2.1.0 log (for GitHub code scanning and other SARIF viewers), indented.
///
/// One run. `tool.driver.rules` describes every rule passed to `render` (id, name, short and full
/// description, default level, help with examples); each finding is a result with `ruleId`, `ruleIndex`
/// (when the rule is in that list), `level` (`info` → `note`), the message, and one physical location whose
/// region counts columns in UTF-16 code units (`columnKind: utf16CodeUnits`), end exclusive. A finding with
/// a suggestion carries it as a `fixes` entry. A batch row `FILE#ROW` is reported in artifact `FILE`, with
/// the row in the artifact location's property bag (`properties.row`); its lines count inside the row's
/// text. Input problems are `invocations[0].toolExecutionNotifications`, and make
/// `executionSuccessful` false.
public struct SARIFReporter: Reporter {
  /// The schema URI written as `$schema`.
  public static let schemaURI =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

  /// The siyu version, `tool.driver.version`.
  public var toolVersion: String
  /// An absolute URI with information about siyu (`tool.driver.informationUri`); left out when nil.
  public var informationURI: String?
  /// The absolute folder relative paths are relative to (the working folder): when set, relative
  /// artifact URIs name `%SRCROOT%` as their `uriBaseId` and the run's `originalUriBaseIds` maps it to this
  /// folder's `file://` URI, so viewers need not guess where siyu ran.
  public var sourceRoot: String?

  /// A reporter that names siyu `toolVersion` and, when given, `informationURI` (an absolute URI) and
  /// `sourceRoot`.
  public init(toolVersion: String, informationURI: String? = nil, sourceRoot: String? = nil) {
    self.toolVersion = toolVersion
    self.informationURI = informationURI
    self.sourceRoot = sourceRoot
  }

  /// The SARIF log and a line end. `rules` becomes `tool.driver.rules`, in this order (`ruleIndex` points
  /// into it); pass every rule that can report, built-in and custom.
  public func render(_ report: CheckReport, rules: [RuleDescription]) -> String {
    var ruleIndex: [String: Int] = [:]
    for (i, rule) in rules.enumerated() where ruleIndex[rule.id] == nil {
      ruleIndex[rule.id] = i
    }
    var results: [JSONNode] = []
    for file in report.files {
      let path = ReportPath(file.path)
      for located in file.findings {
        results.append(result(located, path: path, ruleIndex: ruleIndex[located.finding.rule]))
      }
    }
    let run = JSONNode.object([
      "tool": .object([
        "driver": .object([
          "name": .string("siyu"),
          "version": .string(toolVersion),
          "informationUri": informationURI.map(JSONNode.string),
          "rules": .array(rules.map(descriptor)),
        ])
      ]),
      "invocations": .array([invocation(report.errors)]),
      "originalUriBaseIds": sourceRoot.map { root in
        .object([
          "%SRCROOT%": .object([
            "uri": .string(ReportPath(root.hasSuffix("/") ? root : root + "/").fileURI)
          ])
        ])
      },
      "columnKind": .string("utf16CodeUnits"),
      "results": .array(results),
    ])
    let log = JSONNode.object([
      "$schema": .string(Self.schemaURI),
      "version": .string("2.1.0"),
      "runs": .array([run]),
    ])
    return log.prettyText + "\n"
  }

  // MARK: - Rules

  private func descriptor(_ rule: RuleDescription) -> JSONNode {
    .object([
      "id": .string(rule.id),
      "name": .string(Self.name(of: rule.id)),
      "shortDescription": .object(["text": .string(rule.summary)]),
      "fullDescription": .object(["text": .string(rule.rationale)]),
      "defaultConfiguration": .object([
        "enabled": rule.defaultLevel == .off ? .bool(false) : nil,
        "level": .string(Self.level(of: rule.defaultLevel)),
      ]),
      "help": .object(["text": .string(Self.help(rule))]),
      "properties": .object([
        "tags": .array([.string(rule.family)]),
        "points": .number(rule.points),
      ]),
    ])
  }

  /// `hard-sell/emoji-flood` → `HardSellEmojiFlood`: SARIF's readable rule name.
  static func name(of id: String) -> String {
    id.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
      .map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  static func help(_ rule: RuleDescription) -> String {
    var text = "\(rule.summary)\n\n\(rule.rationale)"
    if !rule.triggering.isEmpty {
      text += "\n\nTriggers:\n" + rule.triggering.map { "- \($0)" }.joined(separator: "\n")
    }
    if !rule.nonTriggering.isEmpty {
      text += "\n\nDoes not trigger:\n" + rule.nonTriggering.map { "- \($0)" }.joined(separator: "\n")
    }
    return text
  }

  static func level(of level: RuleLevel) -> String {
    switch level {
    case .off: "none"
    case .info: "note"
    case .warning: "warning"
    case .error: "error"
    }
  }

  static func level(of severity: Severity) -> String {
    switch severity {
    case .info: "note"
    case .warning: "warning"
    case .error: "error"
    }
  }

  // MARK: - Results

  private func result(_ located: LocatedFinding, path: ReportPath, ruleIndex: Int?) -> JSONNode {
    let finding = located.finding
    var fixes: JSONNode?
    if let suggestion = finding.suggestion {
      let start = located.suggestionStart ?? located.start
      let end = located.suggestionEnd ?? located.end
      fixes = .array([
        .object([
          "description": .object(["text": .string("替换为「\(suggestion.replacement)」")]),
          "artifactChanges": .array([
            .object([
              "artifactLocation": artifactLocation(path),
              "replacements": .array([
                .object([
                  "deletedRegion": region(start, end),
                  "insertedContent": .object(["text": .string(suggestion.replacement)]),
                ])
              ]),
            ])
          ]),
        ])
      ])
    }
    return .object([
      "ruleId": .string(finding.rule),
      "ruleIndex": ruleIndex.map(JSONNode.int),
      "level": .string(Self.level(of: finding.severity)),
      "message": .object(["text": .string(finding.message)]),
      "locations": .array([
        .object([
          "physicalLocation": .object([
            "artifactLocation": artifactLocation(path),
            "region": region(located.start, located.end),
          ])
        ])
      ]),
      "fixes": fixes,
    ])
  }

  private func artifactLocation(_ path: ReportPath) -> JSONNode {
    .object([
      "uri": .string(path.fileURI),
      "uriBaseId": sourceRoot != nil && !path.file.hasPrefix("/") ? .string("%SRCROOT%") : nil,
      "properties": path.row.map { .object(["row": .int($0)]) },
    ])
  }

  private func region(_ start: FilePosition, _ end: FilePosition) -> JSONNode {
    .object([
      "startLine": .int(start.line),
      "startColumn": .int(start.column),
      "endLine": .int(end.line),
      "endColumn": .int(end.column),
    ])
  }

  // MARK: - Input problems

  private func invocation(_ problems: [InputProblem]) -> JSONNode {
    let notifications = problems.map { problem in
      let path = ReportPath(problem.path)
      return JSONNode.object([
        "level": .string("error"),
        "message": .object(["text": .string(problem.message)]),
        "locations": .array([
          .object([
            "physicalLocation": .object([
              "artifactLocation": artifactLocation(path),
              "region": problem.line.map { .object(["startLine": .int($0)]) },
            ])
          ])
        ]),
      ])
    }
    return .object([
      "executionSuccessful": .bool(problems.isEmpty),
      "toolExecutionNotifications": notifications.isEmpty ? nil : .array(notifications),
    ])
  }
}
