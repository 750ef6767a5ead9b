/// `vocabulary:` in `.siyu.yml`: words no rule ever flags (brand and product names).
public struct VocabularySettings: Sendable, Equatable {
  /// Accepted words, as written.
  public var accept: [String] {
    didSet { folded = Set(accept.map { $0.lowercased() }) }
  }
  private var folded: Set<String>

  /// Accepted words, with nothing accepted by default.
  public init(accept: [String] = []) {
    self.accept = accept
    folded = Set(accept.map { $0.lowercased() })
  }

  /// Whether `word` is accepted, ignoring case.
  public func contains(_ word: String) -> Bool {
    folded.contains(word.lowercased())
  }
}
