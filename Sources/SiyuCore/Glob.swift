/// A path pattern in gitignore syntax, used for `history`, `overrides` and `.siyuignore`.
///
/// - `*` matches any run of characters except `/`; `?` one character except `/`.
/// - `[abc]`, `[a-z]`, `[!a]` (or `[^a]`) match one character from (or not from) a class.
/// - `**` as a whole segment matches zero or more folders: `a/**/b` matches `a/b` and `a/x/y/b`,
///   a leading `**/` matches at any depth, a trailing `/**` matches everything inside (not the folder).
/// - A pattern without `/` (other than a trailing one) matches the last path component at any depth.
/// - A leading `/` (or `./`) anchors the pattern to the base; so does any `/` in the middle.
/// - A trailing `/` matches directories only.
/// - A backslash makes the next character literal.
///
/// Paths are matched relative to the base, `/`-separated, without a leading `./`.
public struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  /// Whether the pattern ends in `/` and so matches directories only.
  public let isDirectoryOnly: Bool
  /// Whether the pattern is matched from the base rather than against the basename at any depth.
  public let isAnchored: Bool

  private let segments: [Segment]

  /// Compiles `pattern`. Every string is a valid pattern; an empty one matches nothing.
  public init(_ pattern: String) {
    self.pattern = pattern
    var tokens = Self.tokenize(pattern)
    var directoryOnly = false
    while tokens.last == .slash {
      tokens.removeLast()
      directoryOnly = true
    }
    var anchored = false
    // Split into segments on `/`.
    var parts: [[Token]] = [[]]
    for token in tokens {
      if token == .slash {
        parts.append([])
      } else {
        parts[parts.count - 1].append(token)
      }
    }
    if parts.count > 1 { anchored = true }
    // A leading `/` gives an empty first part; a leading `./` a `.` part. Both only anchor.
    while parts.count > 1, parts[0].isEmpty || parts[0] == [.literal(".")] {
      parts.removeFirst()
    }
    var segments: [Segment] = []
    for part in parts where !part.isEmpty {
      if part == [.star, .star] {
        if segments.last != .globstar { segments.append(.globstar) }
      } else {
        segments.append(.name(part))
      }
    }
    // A trailing `**` matches everything inside, so at least one more component.
    if segments.last == .globstar {
      segments.removeLast()
      segments.append(.name([.star]))
      segments.append(.globstar)
    }
    if !anchored && !segments.isEmpty && segments.first != .globstar {
      segments.insert(.globstar, at: 0)
    }
    self.segments = segments
    self.isDirectoryOnly = directoryOnly
    self.isAnchored = anchored
  }

  /// The pattern as written.
  public var description: String { pattern }

  /// Patterns are equal when written the same.
  public static func == (a: GlobPattern, b: GlobPattern) -> Bool { a.pattern == b.pattern }

  /// Whether `relativePath` (relative to the base, `/`-separated) matches the pattern itself.
  /// `isDirectory` says whether the path names a directory (for patterns ending in `/`).
  /// A path ending in `/` counts as a directory.
  public func matches(_ relativePath: String, isDirectory: Bool = false) -> Bool {
    let (components, endsInSlash) = Self.components(of: relativePath)
    return matches(components: components[...], isDirectory: isDirectory || endsInSlash)
  }

  /// Whether `relativePath` or any directory containing it matches, as gitignore does: `posts/live/`
  /// covers `posts/live/a.md`. `isDirectory` applies to `relativePath` itself.
  public func matchesPathOrAncestor(_ relativePath: String, isDirectory: Bool = false) -> Bool {
    let (components, endsInSlash) = Self.components(of: relativePath)
    if components.isEmpty { return false }
    for count in 1...components.count {
      let last = count == components.count
      let directory = last ? (isDirectory || endsInSlash) : true
      if matches(components: components[0..<count], isDirectory: directory) { return true }
    }
    return false
  }

  /// Matches already split components.
  func matches(components: ArraySlice<[Unicode.Scalar]>, isDirectory: Bool) -> Bool {
    if segments.isEmpty || components.isEmpty { return false }
    if isDirectoryOnly && !isDirectory { return false }
    return Self.match(segments, Array(components))
  }

  /// Splits a path into components, dropping empty ones and `.`; reports a trailing `/`.
  static func components(of path: String) -> ([[Unicode.Scalar]], Bool) {
    var result: [[Unicode.Scalar]] = []
    var current: [Unicode.Scalar] = []
    var endsInSlash = false
    for scalar in path.unicodeScalars {
      if scalar == "/" {
        if !current.isEmpty && current != ["."] { result.append(current) }
        current.removeAll()
        endsInSlash = true
      } else {
        current.append(scalar)
        endsInSlash = false
      }
    }
    if !current.isEmpty && current != ["."] { result.append(current) }
    return (result, endsInSlash && !result.isEmpty)
  }

  // MARK: - Matching

  /// Segment-level wildcard match: `globstar` is a star over whole components, each name consumes one.
  private static func match(_ segments: [Segment], _ components: [[Unicode.Scalar]]) -> Bool {
    var s = 0
    var c = 0
    var starSegment = -1
    var starComponent = 0
    while c < components.count {
      if s < segments.count {
        switch segments[s] {
        case .globstar:
          starSegment = s
          starComponent = c
          s += 1
          continue
        case .name(let tokens):
          if matchName(tokens, components[c]) {
            s += 1
            c += 1
            continue
          }
        }
      }
      if starSegment < 0 { return false }
      starComponent += 1
      c = starComponent
      s = starSegment + 1
    }
    while s < segments.count, segments[s] == .globstar { s += 1 }
    return s == segments.count
  }

  /// Character-level wildcard match of one component. Every token but `star` consumes one character, so
  /// remembering only the last star is enough (the classic linear-backtracking algorithm).
  private static func matchName(_ tokens: [Token], _ name: [Unicode.Scalar]) -> Bool {
    var t = 0
    var i = 0
    var starToken = -1
    var starIndex = 0
    while i < name.count {
      if t < tokens.count {
        switch tokens[t] {
        case .star:
          starToken = t
          starIndex = i
          t += 1
          continue
        case .any:
          t += 1
          i += 1
          continue
        case .literal(let scalar):
          if scalar == name[i] {
            t += 1
            i += 1
            continue
          }
        case .characterClass(let set):
          if set.contains(name[i]) {
            t += 1
            i += 1
            continue
          }
        case .slash:
          break
        }
      }
      if starToken < 0 { return false }
      starIndex += 1
      i = starIndex
      t = starToken + 1
    }
    while t < tokens.count, tokens[t] == .star { t += 1 }
    return t == tokens.count
  }

  // MARK: - Parsing

  private static func tokenize(_ pattern: String) -> [Token] {
    let scalars = Array(pattern.unicodeScalars)
    var tokens: [Token] = []
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      switch scalar {
      case "\\":
        if i + 1 < scalars.count {
          tokens.append(.literal(scalars[i + 1]))
          i += 2
        } else {
          tokens.append(.literal("\\"))
          i += 1
        }
      case "*":
        tokens.append(.star)
        i += 1
      case "?":
        tokens.append(.any)
        i += 1
      case "/":
        tokens.append(.slash)
        i += 1
      case "[":
        if let (set, next) = parseClass(scalars, from: i + 1) {
          tokens.append(.characterClass(set))
          i = next
        } else {
          tokens.append(.literal("["))
          i += 1
        }
      default:
        tokens.append(.literal(scalar))
        i += 1
      }
    }
    return tokens
  }

  /// Parses a class whose `[` is just before `start`; nil when it has no closing `]`.
  private static func parseClass(_ s: [Unicode.Scalar], from start: Int) -> (CharacterClass, Int)? {
    var i = start
    var negated = false
    if i < s.count, s[i] == "!" || s[i] == "^" {
      negated = true
      i += 1
    }
    var ranges: [ClosedRange<UInt32>] = []
    var first = true
    while i < s.count {
      var scalar = s[i]
      if scalar == "]" && !first { return (CharacterClass(negated: negated, ranges: ranges), i + 1) }
      if scalar == "/" { return nil }
      first = false
      if scalar == "\\" && i + 1 < s.count {
        i += 1
        scalar = s[i]
      }
      i += 1
      var upper = scalar
      if i + 1 < s.count, s[i] == "-", s[i + 1] != "]" {
        var end = s[i + 1]
        i += 2
        if end == "\\" && i < s.count {
          end = s[i]
          i += 1
        }
        upper = end
      }
      if scalar.value <= upper.value { ranges.append(scalar.value...upper.value) }
    }
    return nil
  }

  enum Token: Sendable, Equatable {
    case literal(Unicode.Scalar)
    case any
    case star
    case characterClass(CharacterClass)
    case slash
  }

  struct CharacterClass: Sendable, Equatable {
    var negated: Bool
    var ranges: [ClosedRange<UInt32>]

    func contains(_ scalar: Unicode.Scalar) -> Bool {
      if scalar == "/" { return false }
      let inside = ranges.contains { $0.contains(scalar.value) }
      return inside != negated
    }
  }

  enum Segment: Sendable, Equatable {
    case globstar
    case name([Token])
  }
}
