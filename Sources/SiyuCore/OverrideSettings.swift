/// One entry of `overrides:` in `.siyu.yml`: rule levels for posts matching paths and/or channels.
/// Later entries win.
public struct OverrideSettings: Sendable, Equatable {
  /// Globs (gitignore syntax, `!` negates; see `PathPatterns`) relative to the config file's directory;
  /// empty = every path.
  public var paths: [String]
  /// Channel names; empty = every channel.
  public var channels: [String]
  /// Levels per rule id or family.
  public var rules: [String: RuleLevel]
  private var patterns: PathPatterns

  /// An override; `paths` are compiled once here.
  public init(paths: [String] = [], channels: [String] = [], rules: [String: RuleLevel] = [:]) {
    self.paths = paths
    self.channels = channels
    self.rules = rules
    patterns = PathPatterns(paths)
  }

  /// Whether the override applies to a post at `relativePath` (relative to the config file's directory;
  /// nil when the post has no path or lies outside it) published to `channel`.
  public func matches(relativePath: String?, channel: String) -> Bool {
    if !channels.isEmpty && !channels.contains(channel) { return false }
    if patterns.isEmpty { return true }
    guard let relativePath else { return false }
    return patterns.matches(relativePath)
  }
}
