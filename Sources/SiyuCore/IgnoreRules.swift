import Foundation

/// The rules of one ignore file (`.siyuignore`), in gitignore syntax.
///
/// One pattern a line (see `GlobPattern`); blank lines and lines starting with `#` are skipped; a leading
/// `!` re-includes what an earlier line excluded; `\#` and `\!` start a pattern with a literal `#` or `!`;
/// trailing spaces are dropped unless escaped. The last matching line wins, and a path inside an excluded
/// directory stays excluded whatever later lines say (as in git). Patterns are relative to `base`.
public struct IgnoreRules: Sendable {
  struct Rule: Sendable {
    var glob: GlobPattern
    var negated: Bool
  }

  /// The directory the patterns are relative to, absolute and normalized.
  public let base: String
  let rules: [Rule]

  /// Parses ignore-file `text` whose patterns are relative to directory `base` (absolute, or relative to
  /// the working directory).
  public init(text: String, base: String) {
    self.base = Self.absolute(base)
    // "\r\n" is one Character: make line ends plain LF before splitting.
    let text = text.utf8.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    var rules: [Rule] = []
    var start = text.startIndex
    while start < text.endIndex {
      let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
      if let rule = Self.rule(fromLine: text[start..<end]) { rules.append(rule) }
      start = end < text.endIndex ? text.index(after: end) : end
    }
    self.rules = rules
  }

  /// Whether there are no rules at all.
  public var isEmpty: Bool { rules.isEmpty }

  /// Whether `path` (absolute, or relative to the working directory) is excluded: by the last matching
  /// rule, or because a directory containing it is. Paths outside `base` are never excluded.
  public func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
    guard let components = relativeComponents(of: path) else { return false }
    for count in 1...components.count {
      let isLast = count == components.count
      let decision = decide(components[0..<count], isDirectory: isLast ? isDirectory : true)
      if decision == true { return true }
    }
    return false
  }

  /// What the last matching rule says about `path` itself, without looking at the directories containing
  /// it: `true` excluded, `false` re-included by a `!` rule, `nil` no rule matches (or `path` is outside
  /// `base`). A directory walker that checks each directory before entering it uses this, combining
  /// nested ignore files from the deepest up.
  public func decision(for path: String, isDirectory: Bool) -> Bool? {
    guard let components = relativeComponents(of: path) else { return nil }
    return decide(components[...], isDirectory: isDirectory)
  }

  private func decide(_ components: ArraySlice<[Unicode.Scalar]>, isDirectory: Bool) -> Bool? {
    for rule in rules.reversed() where rule.glob.matches(components: components, isDirectory: isDirectory) {
      return !rule.negated
    }
    return nil
  }

  /// `path` relative to `base`, split; nil when it is `base` itself or outside it.
  private func relativeComponents(of path: String) -> [[Unicode.Scalar]]? {
    let absolute = Self.absolute(path)
    let relative: Substring
    if base == "/" {
      relative = absolute.dropFirst()
    } else if absolute.hasPrefix(base + "/") {
      relative = absolute.dropFirst(base.count + 1)
    } else {
      return nil
    }
    let (components, _) = GlobPattern.components(of: String(relative))
    return components.isEmpty ? nil : components
  }

  private static func rule(fromLine rawLine: Substring) -> Rule? {
    var line = rawLine
    if line.last == "\r" { line.removeLast() }
    if line.first == "\u{FEFF}" { line.removeFirst() }
    // Trailing spaces are dropped unless escaped with a backslash.
    while line.last == " " || line.last == "\t" {
      let beforeSpace = line.dropLast()
      var backslashes = 0
      for ch in beforeSpace.reversed() {
        if ch == "\\" { backslashes += 1 } else { break }
      }
      if backslashes % 2 == 1 { break }
      line = beforeSpace
    }
    if line.isEmpty || line.first == "#" { return nil }
    var negated = false
    if line.first == "!" {
      negated = true
      line.removeFirst()
    }
    if line.isEmpty { return nil }
    return Rule(glob: GlobPattern(String(line)), negated: negated)
  }

  /// `path` made absolute against the working directory, with `.`, `..` and repeated `/` resolved
  /// lexically (symbolic links are not resolved).
  static func absolute(_ path: String) -> String {
    var full = path
    if !path.hasPrefix("/") {
      let cwd = FileManager.default.currentDirectoryPath
      full = cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
    }
    var parts: [Substring] = []
    for part in full.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }
}
