/// The output formats of `siyu check --format`. The CLI makes it `ExpressibleByArgument`, so a bad value is
/// rejected by the parser.
public enum ReportFormat: String, Sendable, CaseIterable {
  case human
  case json
  case sarif
  case rdjson

  /// The reporter for this format. `color` applies to `human` only; `toolVersion` is written into SARIF.
  public func reporter(color: Bool, toolVersion: String) -> any Reporter {
    switch self {
    case .human: HumanReporter(color: color)
    case .json: JSONReporter()
    case .sarif: SARIFReporter(toolVersion: toolVersion)
    case .rdjson: RDJSONReporter()
    }
  }
}
