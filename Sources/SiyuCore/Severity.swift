/// How serious a finding is. Ordered: info < warning < error.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  case info
  case warning
  case error

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }
}

/// A rule's configured level: a severity, or `off`.
public enum RuleLevel: String, Sendable, Codable, CaseIterable {
  case off
  case info
  case warning
  case error

  /// The severity findings get at this level; nil when the rule is off.
  public var severity: Severity? {
    switch self {
    case .off: nil
    case .info: .info
    case .warning: .warning
    case .error: .error
    }
  }
}
