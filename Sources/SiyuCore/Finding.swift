/// A safe replacement for part of a post, applied by `--fix`.
public struct Suggestion: Sendable, Equatable, Codable {
  /// UTF-16 range in the post's body text.
  public var range: Range<Int>
  public var replacement: String
  /// Whether `check --fix` may apply it unread: false for a replacement that reads well in some
  /// sentences only (最佳 → 优秀 in 最佳选择, not in 最佳冲泡水温). Reporters offer every suggestion
  /// (SARIF `fixes`, rdjson `suggestions`), where a person applies it.
  public var isSafe: Bool

  public init(range: Range<Int>, replacement: String, isSafe: Bool = true) {
    self.range = range
    self.replacement = replacement
    self.isSafe = isSafe
  }

  private enum CodingKeys: String, CodingKey {
    case range, replacement, isSafe
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    range = try c.decode(Range<Int>.self, forKey: .range)
    replacement = try c.decode(String.self, forKey: .replacement)
    isSafe = try c.decodeIfPresent(Bool.self, forKey: .isSafe) ?? true
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
