/// A safe replacement for part of a post, applied by `--fix`.
public struct Suggestion: Sendable, Equatable, Codable {
  /// UTF-16 range in the post's body text.
  public var range: Range<Int>
  public var replacement: String

  public init(range: Range<Int>, replacement: String) {
    self.range = range
    self.replacement = replacement
  }
}

/// One lint result on a post. Not an error: a broken input or configuration is an `InputProblem`.
public struct Finding: Sendable, Equatable {
  /// Stable rule id, e.g. `hard-sell/shouting`.
  public var rule: String
  public var severity: Severity
  /// UTF-16 range in the post's body text (`Post.text`).
  public var range: Range<Int>
  /// The message, built when read (`RuleMessage`).
  public var ruleMessage: RuleMessage
  /// Points this finding adds to the post's score (SpamAssassin style).
  public var points: Double
  public var suggestion: Suggestion?

  public init(
    rule: String, severity: Severity, range: Range<Int>, message: String, points: Double,
    suggestion: Suggestion? = nil
  ) {
    self.init(
      rule: rule, severity: severity, range: range, ruleMessage: RuleMessage(message), points: points,
      suggestion: suggestion)
  }

  public init(
    rule: String, severity: Severity, range: Range<Int>, ruleMessage: RuleMessage, points: Double,
    suggestion: Suggestion? = nil
  ) {
    self.rule = rule
    self.severity = severity
    self.range = range
    self.ruleMessage = ruleMessage
    self.points = points
    self.suggestion = suggestion
  }

  /// What was found and what to do, in Chinese.
  public var message: String {
    get { ruleMessage.string }
    set { ruleMessage = RuleMessage(newValue) }
  }
}
