import Foundation

/// The personas of a configuration, loaded once per run, and an attributor over those with profiles.
public final class PersonaSet: Sendable {
  /// Personas by key.
  public let personas: [String: Persona]
  /// Scores posts against every persona that has a profile; nil with fewer than two.
  public let attributor: PersonaAttributor?

  public init(_ personas: [Persona] = []) {
    var byKey: [String: Persona] = [:]
    for persona in personas { byKey[persona.key] = persona }
    self.personas = byKey
    let profiled = personas.filter { $0.profile != nil }.sorted { $0.key < $1.key }
    if profiled.count >= 2 {
      attributor = PersonaAttributor(
        names: profiled.map(\.key), models: profiled.compactMap(\.model))
    } else {
      attributor = nil
    }
  }

  public subscript(key: String) -> Persona? { personas[key] }

  /// The keys, sorted.
  public var keys: [String] { personas.keys.sorted() }

  /// Reads every persona file of `configuration` (`personas:`) and the profiles they name. The first
  /// problem is thrown, naming the persona or profile file and the line.
  public static func load(_ configuration: Configuration, workingDirectory: String) throws(InputProblem)
    -> PersonaSet
  {
    var personas: [Persona] = []
    for key in configuration.personas.keys.sorted() {
      guard let path = configuration.personas[key] else { continue }
      personas.append(
        try Persona.load(
          key: key, path: configuration.resolvedPath(path), configuration: configuration,
          workingDirectory: workingDirectory))
    }
    return PersonaSet(personas)
  }

  /// `document` compared with the style profile of the persona its post names: the value `siyu explain`
  /// shows (`StyleComparison.render()`). Nil when the post names no configured persona, the persona has no
  /// profile, or the post is too short to judge.
  public func styleComparison(for document: Document) -> StyleComparison? {
    guard let name = document.post.persona, let persona = personas[name] else { return nil }
    return PersonaContext(persona: persona, personas: self).styleComparison(document)
  }

  /// The input problem for a post that names a persona the configuration does not have.
  public func unknownPersona(_ name: String, at location: SourceLine?, postID: String) -> InputProblem {
    let known = keys.isEmpty ? "配置中没有 personas" : "可用：\(keys.joined(separator: "、"))"
    return InputProblem(
      path: location?.path ?? postID, line: location?.line,
      message: "未知的人设「\(name)」（\(known)），请在 .siyu.yml 的 personas 中添加或改正名字")
  }

  /// `path` as the user should see it: relative to `workingDirectory` when inside it.
  public static func shown(_ path: String, workingDirectory: String) -> String {
    let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
