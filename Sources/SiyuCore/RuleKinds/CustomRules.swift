import SiyuText

/// Builds the rules of `.siyu.yml`'s `custom_rules` as `KindRule`s.
public enum CustomRules {
  /// One rule per entry, in order. A regex that does not compile is an `InputProblem` on `configPath`, at
  /// its line in `lines` when known: `custom_rules「id」的正则表达式无效：…（位置 N）`.
  public static func make(
    _ settings: [CustomRuleSettings], configPath: String, lines: ConfigurationLines = ConfigurationLines()
  ) throws(InputProblem)
    -> [any Rule]
  {
    var rules: [any Rule] = []
    for rule in settings {
      let matcher: KindMatcher
      switch rule.matcher {
      case .tokens(let words):
        matcher = .tokens(TokenMatcher(words: words))
      case .regex(let pattern):
        do {
          matcher = .regex(try RegexMatcher(pattern: pattern))
        } catch {
          throw InputProblem(
            path: configPath, line: lines["custom_rules.\(rule.id)"],
            message: "custom_rules「\(rule.id)」的正则表达式无效：\(error)")
        }
      }
      rules.append(
        KindRule(
          description: rule.ruleDescription, kind: rule.kind, matcher: matcher, message: rule.message,
          replacement: rule.replacement ?? "", max: rule.max, min: rule.min))
    }
    return rules
  }
}
