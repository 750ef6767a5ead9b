import SiyuText

/// Inline suppression comments in a post body and front-matter disables, with bookkeeping of which ones
/// suppressed something (an unused one is reported as info).
///
/// - `<!-- siyu-disable RULE… -->`: the rules (ids or families) are off for the whole post; with no rule
///   named, every rule is.
/// - `<!-- siyu-disable-next-line RULE… -->`: off for findings starting on the next line.
/// - front matter `siyu: { disable: [RULE…] }`: like `siyu-disable`.
public struct Suppressions: Sendable {
  /// One directive.
  public struct Directive: Sendable {
    /// Rule ids or families; empty means every rule.
    public var rules: [String]
    /// 1-based line of the body the directive applies to (next-line directives), or nil for the whole post.
    public var targetLine: Int?
    /// UTF-16 range of the comment in the body (nil for the front-matter disable).
    public var range: Range<Int>?
    /// Which of `rules` suppressed something (index -1 stands for "every rule").
    public var used: Set<Int> = []
  }

  public private(set) var directives: [Directive]
  /// Comments that start with a `siyu-` word siyu does not know (`siyu-disable-line`, ESLint's spelling):
  /// the word and the comment's range. They suppress nothing; `siyu/unknown-rule` reports them.
  public private(set) var unknownKeywords: [(keyword: String, range: Range<Int>)] = []

  /// Parses the comments of `document`'s body and the post's front-matter disables.
  public init(document: Document) {
    var directives: [Directive] = []
    if !document.post.disabledRules.isEmpty {
      directives.append(Directive(rules: document.post.disabledRules, targetLine: nil, range: nil))
    }
    let units = document.units
    for range in HTMLComments.ranges(in: units, unterminatedToEnd: false) {
      let inner = String(decoding: units[(range.lowerBound + 4)..<(range.upperBound - 3)], as: UTF16.self)
      let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
      if let keyword = words.first, keyword == "siyu-disable" || keyword == "siyu-disable-next-line" {
        let rules = Array(words.dropFirst())
        var target: Int?
        if keyword == "siyu-disable-next-line" {
          target = document.lines.position(of: range.upperBound).line + 1
        }
        directives.append(Directive(rules: rules, targetLine: target, range: range))
      } else if let keyword = words.first, keyword.hasPrefix("siyu-") {
        unknownKeywords.append((keyword, range))
      }
    }
    self.directives = directives
  }

  /// Whether a finding of `rule` starting on body line `line` is suppressed; marks the directive used.
  public mutating func suppresses(_ rule: RuleDescription, line: Int) -> Bool {
    var suppressed = false
    for d in directives.indices {
      if let target = directives[d].targetLine, target != line { continue }
      if directives[d].rules.isEmpty {
        directives[d].used.insert(-1)
        suppressed = true
        continue
      }
      for (k, name) in directives[d].rules.enumerated() where name == rule.id || name == rule.family {
        directives[d].used.insert(k)
        suppressed = true
      }
    }
    return suppressed
  }
}
