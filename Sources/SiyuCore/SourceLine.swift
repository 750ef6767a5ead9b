/// A line of an input file, for problems that concern part of a post (its `persona:` key).
public struct SourceLine: Sendable, Equatable {
  /// The file as the user named it.
  public var path: String
  /// 1-based line.
  public var line: Int

  public init(path: String, line: Int) {
    self.path = path
    self.line = line
  }
}
