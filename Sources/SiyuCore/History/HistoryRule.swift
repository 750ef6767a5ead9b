/// A check that needs the history of posts (frequency caps, hard-sell share, near-duplicates) rather than
/// one post alone. It judges one draft at a time against the gathered `History`; its findings land on the
/// draft and go through levels, overrides, suppressions, baselines and reporters like any rule's.
public protocol HistoryRule: Sendable {
  var description: RuleDescription { get }
  /// Messages (Chinese) for the draft at `entry` in `history.entries`; empty when it keeps the cap.
  func check(entry: Int, in history: History, caps: CapsSettings) -> [String]
  /// Whether the rule applies to posts without `publish_at` (the time-based ones do not).
  var needsTime: Bool { get }
}

extension HistoryRule {
  public var needsTime: Bool { true }
}

/// A built-in history rule, one type per file, with a static description. Its `triggering` and
/// `nonTriggering` examples are histories written as JSON Lines (one post a row, the fields of SPEC.md's
/// batch format); the last row is the draft being checked.
public protocol BuiltinHistoryRule: HistoryRule {
  static var description: RuleDescription { get }
  init()
}

extension BuiltinHistoryRule {
  public var description: RuleDescription { Self.description }
}

/// A history rule's result for one draft, before the linter applies levels and suppressions.
public struct HistoryHit: Sendable, Equatable {
  public var rule: RuleDescription
  public var message: String

  public init(rule: RuleDescription, message: String) {
    self.rule = rule
    self.message = message
  }
}

extension History {
  /// Runs `rules` on every draft numbered `from` or more: the hits per draft index. (Batch scoring keeps
  /// the posts of earlier chunks as lower-numbered drafts, so they count by time order but are not judged
  /// again.)
  public func judge(_ rules: [any HistoryRule], caps: CapsSettings, from: Int = 0) -> [Int: [HistoryHit]] {
    var hits: [Int: [HistoryHit]] = [:]
    for (draft, entry) in draftEntries where draft >= from {
      let timed = entries[entry].facts.publishAt != nil
      for rule in rules where timed || !rule.needsTime {
        for message in rule.check(entry: entry, in: self, caps: caps) {
          hits[draft, default: []].append(HistoryHit(rule: rule.description, message: message))
        }
      }
    }
    return hits
  }
}
