/// The single-cue guarantee (SPEC: a single mild cue never makes a post hard-sell on its own), and how it
/// decided a post's verdict when it did (`PostReport.singleCue`).
///
/// `Linter.check` consults it when the combined verdict says hard-sell, every finding with points comes
/// from one rule, and those points stay below `classifier.required_score` (the cue is mild: the rules
/// alone call the post value). First the rule points are set aside: they may confirm the verdict rule's
/// own evidence but not overrule it. Then, when the rule found one mention (one finding, or two that make a
/// range such as ¥99-¥129), its text is set aside too: the classifier's features from the tokens it covers
/// (for `¥129` the price kind and the `¥0` pair) are the same cue counted again. If either judgement says
/// value, the cue alone made the post hard-sell, and the post is value with that judgement's numbers.
/// Several mentions of one cue (two prices, a price and 原价) are left to the first step alone.
public struct SingleCueGuard: Sendable, Equatable {
  /// The rule every finding with points came from.
  public var rule: String
  /// That rule's findings with points in the post.
  public var occurrences: Int
  /// The rule points set aside: the post's whole score from rules.
  public var points: Double
  /// The cue's UTF-16 range in the post's body when it is one mention; nil for several.
  public var mention: Range<Int>?
  /// Whether the mention's text was set aside as well (setting its points aside did not decide).
  public var textSetAside: Bool
  /// The verdict with the cue counted, which the guarantee overruled (hard-sell).
  public var overruled: Verdict

  public init(
    rule: String, occurrences: Int, points: Double, mention: Range<Int>?, textSetAside: Bool,
    overruled: Verdict
  ) {
    self.rule = rule
    self.occurrences = occurrences
    self.points = points
    self.mention = mention
    self.textSetAside = textSetAside
    self.overruled = overruled
  }

  /// The findings with points when they all come from one rule: the first one's index and how many there
  /// are; nil when none has points or two rules have. (A set of rule ids would tell too, but building it
  /// cost about 300 instructions a post.)
  static func findings(_ findings: [Finding]) -> (first: Int, count: Int)? {
    var first: Int?
    var count = 0
    for (index, finding) in findings.enumerated() where finding.points > 0 {
      if let first {
        if finding.rule != findings[first].rule { return nil }
      } else {
        first = index
      }
      count += 1
    }
    return first.map { ($0, count) }
  }

  /// The guarantee for a post judged hard-sell (`overruled`) whose findings with points all come from one
  /// rule (`cue`, from `findings(_:)`), `points` in all: the verdict without the rule points, then, for one
  /// mention, without its text as well (`VerdictRule.verdict(_:settingAside:settings:)`). The first that
  /// says value decides, with how it did; nil when both say hard-sell: the post is hard-sell by more than
  /// its cue.
  static func decide(
    _ cue: (first: Int, count: Int), of findings: [Finding], points: Double, overruled: Verdict,
    judge: any VerdictRule, document: Document, settings: ClassifierSettings
  ) -> (verdict: Verdict, decision: SingleCueGuard)? {
    let mention = mention(cue, of: findings, in: document.units)
    var decision = SingleCueGuard(
      rule: findings[cue.first].rule, occurrences: cue.count, points: points, mention: mention,
      textSetAside: false, overruled: overruled)
    let withoutPoints = judge.verdict(document, settingAside: nil, settings: settings)
    if withoutPoints.class == .value { return (withoutPoints, decision) }
    guard let mention else { return nil }
    let withoutCue = judge.verdict(document, settingAside: mention, settings: settings)
    guard withoutCue.class == .value else { return nil }
    decision.textSetAside = true
    return (withoutCue, decision)
  }

  /// The range of the cue's one mention: its one finding with points, or two that make a range (the text
  /// between them only range marks and spaces: ¥99-¥129, 5折到8折, 99元～129元); nil otherwise.
  static func mention(_ cue: (first: Int, count: Int), of findings: [Finding], in units: [UInt16])
    -> Range<Int>?
  {
    let first = findings[cue.first].range
    if cue.count == 1 { return first }
    guard cue.count == 2,
      let other = findings[(cue.first + 1)...].first(where: { $0.points > 0 })?.range
    else { return nil }
    let (a, b) = first.lowerBound <= other.lowerBound ? (first, other) : (other, first)
    guard a.upperBound < b.lowerBound, b.lowerBound - a.upperBound <= 3, b.upperBound <= units.count
    else { return nil }
    let between = units[a.upperBound..<b.lowerBound]
    guard between.contains(where: rangeMarks.contains),
      between.allSatisfy({ rangeMarks.contains($0) || $0 == 0x20 || $0 == 0x3000 })
    else { return nil }
    return a.lowerBound..<b.upperBound
  }

  /// Marks that join the two ends of a range: - ~ ～ 〜 – — － 到 至.
  static let rangeMarks: Set<UInt16> = [0x2D, 0x7E, 0xFF5E, 0x301C, 0x2013, 0x2014, 0xFF0D, 0x5230, 0x81F3]
}
