/// What `siyu rules` shows for a rule, and what the rule-examples test runs.
public struct RuleDescription: Sendable, Equatable {
  /// Stable id: `family/name`, e.g. `hard-sell/shouting`.
  public var id: String
  public var defaultLevel: RuleLevel
  /// One line in English: what the rule flags.
  public var summary: String
  /// Why it matters, in English.
  public var rationale: String
  /// Default points a finding adds to the post's score.
  public var points: Double
  /// Posts that must trigger the rule (at least one finding each).
  public var triggering: [String]
  /// Posts that must not trigger it.
  public var nonTriggering: [String]
  /// Whether a finding marks the words of one cue (a price, a call to action, an absolute term), not
  /// a stretch of the post such as an emoji run. Where findings of two such rules overlap, the words
  /// are one cue and score once (`Linter.scoreOverlapsOnce`): 特惠 is in the price and the offer lists,
  /// and 券后 holds the offer cue 券, yet each is one cue.
  public var marksCueWords: Bool

  public init(
    id: String, defaultLevel: RuleLevel, summary: String, rationale: String, points: Double,
    triggering: [String], nonTriggering: [String], marksCueWords: Bool = false
  ) {
    self.marksCueWords = marksCueWords
    self.id = id
    self.defaultLevel = defaultLevel
    self.summary = summary
    self.rationale = rationale
    self.points = points
    self.triggering = triggering
    self.nonTriggering = nonTriggering
  }

  /// The family: the part of the id before the first `/`.
  public var family: String { String(id.prefix { $0 != "/" }) }
}

/// A rule's raw result before the linter applies levels, scores and suppressions.
public struct RuleHit: Sendable, Equatable {
  /// UTF-16 range in the post's body text.
  public var range: Range<Int>
  /// The message, built when read (`RuleMessage`).
  public var ruleMessage: RuleMessage
  public var suggestion: Suggestion?

  public init(range: Range<Int>, message: String, suggestion: Suggestion? = nil) {
    self.init(range: range, ruleMessage: RuleMessage(message), suggestion: suggestion)
  }

  public init(range: Range<Int>, ruleMessage: RuleMessage, suggestion: Suggestion? = nil) {
    self.range = range
    self.ruleMessage = ruleMessage
    self.suggestion = suggestion
  }

  /// What was found and what to do, in Chinese.
  public var message: String {
    get { ruleMessage.string }
    set { ruleMessage = RuleMessage(newValue) }
  }
}

/// A check on one post.
public protocol Rule: Sendable {
  var description: RuleDescription { get }
  func check(_ document: Document) -> [RuleHit]
}

/// A rule implemented in code, one type per file, with a static description.
public protocol BuiltinRule: Rule {
  static var description: RuleDescription { get }
  init()
  /// Appends the rule's hits on `document` to `hits`, in the order `check(_:)` returns them, and
  /// leaves what `hits` held untouched. `Linter` passes one array that it reuses for every rule of a
  /// post: a rule with nothing to report (most rules on most posts) then returns no array of its own,
  /// whose release cost more per post than many rules' checks. The default appends `check(_:)`'s
  /// result; the cue rules implement this and conform to `AppendingRule`, whose `check(_:)` calls it.
  func check(_ document: Document, into hits: inout [RuleHit])
  /// `Self().check(document, into: &hits)`. `Linter` calls a rule that holds no state (a type of size
  /// 0) through its type: an existential metatype is two plain words, where calling through the rule's
  /// existential copies and destroys it by value-witness calls on every post.
  static func checkFresh(_ document: Document, into hits: inout [RuleHit])
}

/// A built-in rule that implements `check(_:into:)`: its `check(_:)` is that, into a new array.
public protocol AppendingRule: BuiltinRule {}

extension AppendingRule {
  public func check(_ document: Document) -> [RuleHit] {
    var hits: [RuleHit] = []
    check(document, into: &hits)
    return hits
  }
}

extension BuiltinRule {
  public var description: RuleDescription { Self.description }

  /// `check(_:)`'s hits appended to `hits` (taken as they are when `hits` is empty, with no copy).
  public func check(_ document: Document, into hits: inout [RuleHit]) {
    if hits.isEmpty {
      hits = check(document)
    } else {
      hits.append(contentsOf: check(document))
    }
  }

  /// Inlinable, so that each rule's witness is specialized for it (the `init()` of an empty struct
  /// then costs nothing).
  @inlinable
  public static func checkFresh(_ document: Document, into hits: inout [RuleHit]) {
    Self().check(document, into: &hits)
  }
}
