/// A list of path patterns from `.siyu.yml` (`history`, `overrides.paths`) in gitignore syntax.
///
/// Each entry is a `GlobPattern`; a leading `!` negates it (`\!` starts a pattern with a literal `!`).
/// A pattern matches a path when it matches the path or a folder containing it, as in `.gitignore`:
/// `posts/` and `posts` cover `posts/a/b.md`. The last matching entry decides, so
/// `["posts/", "!posts/archive/"]` takes everything under `posts/` except the archive, and a later
/// positive entry can take back part of an excluded folder. Paths are relative to the configuration's
/// folder, `/`-separated.
public struct PathPatterns: Sendable, Equatable {
  struct Entry: Sendable, Equatable {
    var glob: GlobPattern
    var negated: Bool
  }

  let entries: [Entry]

  /// Compiles `patterns` as written in the configuration.
  public init(_ patterns: [String]) {
    entries = patterns.map { written in
      if written.hasPrefix("!") {
        return Entry(glob: GlobPattern(String(written.dropFirst())), negated: true)
      }
      return Entry(glob: GlobPattern(written), negated: false)
    }
  }

  /// Whether there are no patterns at all.
  public var isEmpty: Bool { entries.isEmpty }

  /// Whether there is at least one pattern that is not negated (only negations match nothing).
  public var hasPositive: Bool { entries.contains { !$0.negated } }

  /// Whether `relativePath` (a file unless it ends in `/`) is selected: the last entry that matches it or
  /// one of its folders is not negated.
  public func matches(_ relativePath: String, isDirectory: Bool = false) -> Bool {
    let (components, endsInSlash) = GlobPattern.components(of: relativePath)
    if components.isEmpty { return false }
    for entry in entries.reversed() {
      for count in 1...components.count {
        let last = count == components.count
        let directory = last ? (isDirectory || endsInSlash) : true
        if entry.glob.matches(components: components[0..<count], isDirectory: directory) {
          return !entry.negated
        }
      }
    }
    return false
  }
}
