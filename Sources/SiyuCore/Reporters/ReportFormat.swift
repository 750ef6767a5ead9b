/// The output formats of `siyu check --format`. The CLI makes it `ExpressibleByArgument`, so a bad value is
/// rejected by the parser.
public enum ReportFormat: String, Sendable, CaseIterable {
  case human
  case json
  case sarif
  case rdjson

  /// The reporter for this format. `color` applies to `human` only; `toolVersion` and `sourceRoot` (the
  /// folder relative paths are relative to) are written into SARIF.
  public func reporter(color: Bool, toolVersion: String, sourceRoot: String? = nil) -> any Reporter {
    switch self {
    case .human: HumanReporter(color: color)
    case .json: JSONReporter()
    case .sarif: SARIFReporter(toolVersion: toolVersion, sourceRoot: sourceRoot)
    case .rdjson: RDJSONReporter()
    }
  }
}
