/// A built-in rule that checks posts against their persona: the rule-examples test runs its description's
/// examples as posts of `examplePersona`.
public protocol PersonaExamples: BuiltinRule {
  /// The persona the examples are written for.
  static var examplePersona: Persona { get }
}
