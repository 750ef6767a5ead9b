/// A rule that judges the whole post after the other rules have run: it merges their points with its own
/// evidence into the post's verdict (the `hard-sell/classifier` rule). It lives outside SiyuCore and is
/// handed to the `Linter` with the other rules, so SiyuCore depends on no classifier.
///
/// The linter calls `judge` instead of `check`, after the other rules' findings (and suppressions) are
/// known. When the rule is off for a post, the verdict is rules-only (`Linter.rulesOnlyVerdict`).
public protocol VerdictRule: Rule {
  /// The verdict for `document` given the points of its other findings, and the finding to report when
  /// the verdict is hard-sell (its `RuleHit`), if any. Without `reasons`, the finding's message gives the
  /// probability only (batch scoring, where messages are not shown and the reasons cost more than the
  /// verdict).
  func judge(_ document: Document, rulePoints: Double, settings: ClassifierSettings, reasons: Bool)
    -> Judgement

  /// The verdict on `document` with its single cue set aside, for the single-cue guarantee (SPEC: a
  /// single mild cue never makes a post hard-sell on its own; `Linter.check`): no rule points, and, when
  /// `cue` is given (a UTF-16 range in the post's body), as if the text there were not written, so that
  /// none of the rule's evidence comes from the cue either. With `cue` nil it is the verdict `judge` gives
  /// with no rule points. Called only for posts whose points all come from one rule; gives no finding.
  func verdict(_ document: Document, settingAside cue: Range<Int>?, settings: ClassifierSettings) -> Verdict
}

/// What a `VerdictRule` decided about a post.
public struct Judgement: Sendable {
  public var verdict: Verdict
  /// The finding to report (hard-sell), with its points: the score's share that is not rule points.
  public var hit: RuleHit?
  public var points: Double

  public init(verdict: Verdict, hit: RuleHit?, points: Double) {
    self.verdict = verdict
    self.hit = hit
    self.points = points
  }
}
