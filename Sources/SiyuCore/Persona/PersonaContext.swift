/// What persona checks know about a post: its persona and every persona of the configuration.
public struct PersonaContext: Sendable {
  /// The persona the post names.
  public let persona: Persona
  /// All configured personas (for "reads like another persona").
  public let personas: PersonaSet

  public init(persona: Persona, personas: PersonaSet) {
    self.persona = persona
    self.personas = personas
  }

  /// The post compared with its persona's style profile; nil without a profile or when the post is too
  /// short to judge.
  public func styleComparison(_ document: Document) -> StyleComparison? {
    guard let profile = persona.profile, let model = persona.model else { return nil }
    let sample = persona.sample(document)
    guard StyleComparison.isJudgeable(sample) else { return nil }
    var scores: [StyleComparison.Score] = []
    if let attributor = personas.attributor, attributor.names.contains(persona.key) {
      scores = zip(attributor.names, attributor.scores(sample)).map {
        StyleComparison.Score(persona: $0.0, name: personas[$0.0]?.name ?? $0.0, score: $0.1)
      }
    }
    return StyleComparison(
      sample: sample, fit: model.fit(sample), profile: profile, persona: persona.key,
      displayName: persona.name,
      attribution: scores)
  }
}
