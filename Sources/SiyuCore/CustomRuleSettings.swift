/// One entry of `custom_rules:` in `.siyu.yml`: a rule defined as data (Vale's rule kinds).
public struct CustomRuleSettings: Sendable, Equatable {
  /// What a custom rule checks.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// Flags every occurrence of a token or regex match.
    case existence
    /// Flags every occurrence and suggests `replacement`.
    case substitution
    /// Flags a post with more than `max` (or fewer than `min`) occurrences.
    case occurrence
    /// Flags a token or match repeated right after itself.
    case repetition
  }

  /// What the rule matches: a token list, or an ICU regular expression (run with a time limit).
  public enum Matcher: Sendable, Equatable {
    case tokens([String])
    case regex(String)
  }

  /// Rule id; contains a `/` (`brand/competitor`).
  public var id: String
  public var kind: Kind
  public var matcher: Matcher
  /// The finding's message (Chinese).
  public var message: String
  /// Default level (`warning` unless given).
  public var level: RuleLevel
  /// Points a finding adds to the post's score (0 unless given).
  public var points: Double
  /// The replacement a `substitution` rule suggests.
  public var replacement: String?
  /// `occurrence`: most occurrences allowed.
  public var max: Int?
  /// `occurrence`: fewest occurrences required.
  public var min: Int?

  /// A custom rule; `load` validates the combination of fields, this initializer does not.
  public init(
    id: String, kind: Kind, matcher: Matcher, message: String, level: RuleLevel = .warning,
    points: Double = 0,
    replacement: String? = nil, max: Int? = nil, min: Int? = nil
  ) {
    self.id = id
    self.kind = kind
    self.matcher = matcher
    self.message = message
    self.level = level
    self.points = points
    self.replacement = replacement
    self.max = max
    self.min = min
  }

  /// The part of the id before the first `/`.
  public var family: String { String(id.prefix { $0 != "/" }) }

  /// The description the linter and `siyu rules` use for this rule.
  public var ruleDescription: RuleDescription {
    RuleDescription(
      id: id, defaultLevel: level, summary: message,
      rationale: "Custom \(kind.rawValue) rule from .siyu.yml.",
      points: points, triggering: [], nonTriggering: [])
  }
}
