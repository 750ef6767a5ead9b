import Foundation

extension Configuration {
  /// The level of `rule` for a post at `postPath` (absolute, or relative to the working directory; nil for
  /// stdin) published to `channel`.
  ///
  /// Precedence, lowest first: the rule's default level, `rules[family]`, `rules[id]`, then each matching
  /// entry of `overrides` in order (within one entry, the id beats the family).
  public func level(for rule: RuleDescription, postPath: String?, channel: String) -> RuleLevel {
    var level = Self.level(in: rules, for: rule) ?? rule.defaultLevel
    guard !overrides.isEmpty else { return level }
    let relative = postPath.flatMap { relativePath(of: $0) }
    for entry in overrides where entry.matches(relativePath: relative, channel: channel) {
      if let configured = Self.level(in: entry.rules, for: rule) { level = configured }
    }
    return level
  }

  /// Points a finding of `rule` adds to a post's score: `scores[id]`, else `scores[family]`, else the
  /// rule's default.
  public func points(for rule: RuleDescription) -> Double {
    scores[rule.id] ?? scores[rule.family] ?? rule.points
  }

  /// Whether `word` is in `vocabulary.accept` (exactly, or ignoring case).
  public func isAccepted(_ word: String) -> Bool {
    vocabulary.contains(word)
  }

  /// What posts get when they do not name a channel or give a time zone.
  public var postDefaults: PostDefaults {
    PostDefaults(channel: defaultChannel, timezone: timezone)
  }

  /// `path` relative to `baseDirectory`, `/`-separated; nil when it lies outside it.
  public func relativePath(of path: String) -> String? {
    let absolute = Self.absolute(path)
    if baseDirectory == "/" { return String(absolute.dropFirst()) }
    guard absolute.hasPrefix(baseDirectory + "/") else { return nil }
    return String(absolute.dropFirst(baseDirectory.count + 1))
  }

  /// `path` (relative to `baseDirectory`, or absolute) as an absolute path, e.g. for `personas` and
  /// `lexicons` entries.
  public func resolvedPath(_ path: String) -> String {
    Self.absolute(path, workingDirectory: baseDirectory)
  }

  /// The configured level for `rule` in `levels`: its id first, then its family.
  static func level(in levels: [String: RuleLevel], for rule: RuleDescription) -> RuleLevel? {
    levels[rule.id] ?? levels[rule.family]
  }
}
