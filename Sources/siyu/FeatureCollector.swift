import SiyuClassifier
import SiyuCore
import SiyuRules

/// Stands in for `hard-sell/classifier` while reading training and evaluation data: it records each
/// post's classifier features and the points of its other findings, and leaves the verdict rules-only.
/// One segmentation per post serves both. Used by one linter on one thread.
final class FeatureCollector: VerdictRule, @unchecked Sendable {
  var description: RuleDescription { ClassifierRule.description }
  /// Features and rule points of the last judged post.
  private(set) var features: [UInt64] = []
  private(set) var rulePoints = 0.0

  /// Forgets the last post (call before each `Linter.check`).
  func reset() {
    features = []
    rulePoints = 0
  }

  func check(_ document: Document) -> [RuleHit] { [] }

  func judge(
    _ document: Document, rulePoints: Double, settings: ClassifierSettings, reasons: Bool = true
  ) -> Judgement {
    features = FeatureExtractor.keys(document)
    self.rulePoints = rulePoints
    return Judgement(
      verdict: Linter.rulesOnlyVerdict(score: rulePoints, requiredScore: settings.requiredScore), hit: nil,
      points: 0)
  }

  /// Rules-only with no points (value); records nothing: the post's features and points are `judge`'s.
  func verdict(_ document: Document, settingAside cue: Range<Int>?, settings: ClassifierSettings) -> Verdict {
    Linter.rulesOnlyVerdict(score: 0, requiredScore: settings.requiredScore)
  }
}
