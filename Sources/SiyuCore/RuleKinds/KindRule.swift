import SiyuText

/// A rule defined as data (Vale's rule kinds): a description, a matcher and a kind. Custom rules from
/// `.siyu.yml` are built as these by `CustomRules.make`.
public struct KindRule: FallibleRule {
  public typealias Kind = CustomRuleSettings.Kind

  public let description: RuleDescription
  public let kind: Kind
  public let matcher: KindMatcher
  /// The finding message; the matched text is appended.
  public let message: String
  /// `substitution`: the suggested replacement.
  public let replacement: String
  /// `occurrence`: most matches allowed.
  public let max: Int?
  /// `occurrence`: fewest matches required.
  public let min: Int?

  public init(
    description: RuleDescription, kind: Kind, matcher: KindMatcher, message: String, replacement: String = "",
    max: Int? = nil, min: Int? = nil
  ) {
    self.description = description
    self.kind = kind
    self.matcher = matcher
    self.message = message
    self.replacement = replacement
    self.max = max
    self.min = min
  }

  public func checkOrFail(_ document: Document) throws(RuleFailure) -> [RuleHit] {
    let matches: [KindMatch]
    do {
      matches = try matcher.matches(in: document)
    } catch .timeout {
      throw RuleFailure(message: "custom_rules「\(description.id)」的正则表达式超时，已跳过")
    } catch {
      throw RuleFailure(message: "custom_rules「\(description.id)」的正则表达式出错：\(error)，已跳过")
    }
    switch kind {
    case .existence:
      return matches.map { match in
        RuleHit(range: match.sourceRange, message: "\(message)（「\(document.text(in: match.sourceRange))」）")
      }
    case .substitution:
      return matches.map { match in
        let text = document.text(in: match.sourceRange)
        return RuleHit(
          range: match.sourceRange, message: "\(message)（「\(text)」→「\(replacement)」）",
          suggestion: Suggestion(range: match.sourceRange, replacement: replacement))
      }
    case .occurrence:
      return occurrenceHits(matches, in: document)
    case .repetition:
      return repetitionHits(matches, in: document)
    }
  }

  /// One hit on the first match past `max`, or one over the whole post when there are fewer than `min`.
  private func occurrenceHits(_ matches: [KindMatch], in document: Document) -> [RuleHit] {
    if let max, matches.count > max {
      return [
        RuleHit(
          range: matches[max].sourceRange, message: "\(message)（出现 \(matches.count) 次，最多 \(max) 次）")
      ]
    }
    if let min, matches.count < min {
      return [
        RuleHit(
          range: 0..<document.units.count, message: "\(message)（出现 \(matches.count) 次，至少 \(min) 次）")
      ]
    }
    return []
  }

  /// One hit per run of the same match repeated back to back (only whitespace between).
  private func repetitionHits(_ matches: [KindMatch], in document: Document) -> [RuleHit] {
    var hits: [RuleHit] = []
    let text = document.normalized
    var i = 0
    while i < matches.count {
      var j = i + 1
      while j < matches.count,
        text[matches[j].normalizedRange] == text[matches[i].normalizedRange],
        text[matches[j - 1].normalizedRange.upperBound..<matches[j].normalizedRange.lowerBound]
          .allSatisfy(Self.isSpace)
      {
        j += 1
      }
      if j - i >= 2 {
        let range = matches[i].sourceRange.lowerBound..<matches[j - 1].sourceRange.upperBound
        hits.append(
          RuleHit(
            range: range,
            message: "\(message)（「\(document.text(in: matches[i].sourceRange))」连用 \(j - i) 次）"))
      }
      i = j
    }
    return hits
  }

  private static func isSpace(_ unit: UInt16) -> Bool {
    unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0x3000
  }
}
