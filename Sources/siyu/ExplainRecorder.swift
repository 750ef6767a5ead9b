import SiyuClassifier
import SiyuCore
import SiyuRules

/// Wraps `hard-sell/classifier` for `siyu explain`: judges as the wrapped rule does (or rules-only when
/// the rule is off for the post) and keeps the document and rule points it saw: the linter judges a post
/// once, and the single-cue guarantee asks `verdict(_:settingAside:settings:)`, which records nothing. One
/// linter, one thread.
final class ExplainRecorder: VerdictRule, @unchecked Sendable {
  let inner: ClassifierRule
  /// Whether the classifier is on for the post being explained.
  let enabled: Bool
  private(set) var document: Document?
  private(set) var rulePoints = 0.0

  init(inner: ClassifierRule, enabled: Bool) {
    self.inner = inner
    self.enabled = enabled
  }

  var description: RuleDescription { inner.description }

  func check(_ document: Document) -> [RuleHit] { [] }

  func judge(
    _ document: Document, rulePoints: Double, settings: ClassifierSettings, reasons: Bool = true
  ) -> Judgement {
    self.document = document
    self.rulePoints = rulePoints
    guard enabled else {
      return Judgement(
        verdict: Linter.rulesOnlyVerdict(score: rulePoints, requiredScore: settings.requiredScore), hit: nil,
        points: 0)
    }
    return inner.judge(document, rulePoints: rulePoints, settings: settings, reasons: reasons)
  }

  /// As the wrapped rule (or rules-only) gives it; records nothing, so `rulePoints` stays the post's own.
  func verdict(_ document: Document, settingAside cue: Range<Int>?, settings: ClassifierSettings) -> Verdict {
    guard enabled else { return Linter.rulesOnlyVerdict(score: 0, requiredScore: settings.requiredScore) }
    return inner.verdict(document, settingAside: cue, settings: settings)
  }
}
