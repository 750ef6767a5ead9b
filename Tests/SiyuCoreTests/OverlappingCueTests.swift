import SiyuRules
import Testing

@testable import SiyuCore

/// Words found by two cue-word rules score once (`Linter.scoreOverlapsOnce`).
@Suite struct OverlappingCueTests {
  static func finding(_ rule: String, _ range: Range<Int>, points: Double = -1) -> Finding {
    Finding(rule: rule, severity: .info, range: range, message: "", points: points)
  }

  @Test func theStrongerOfTwoOverlappingFindingsScores() {
    // price: 0..<2 and 5..<7; offer: 0..<2 (the same words); contact: 10..<12.
    var findings = [
      Self.finding("price", 0..<2), Self.finding("price", 5..<7), Self.finding("offer", 0..<2),
      Self.finding("contact", 10..<12),
    ]
    Linter.scoreOverlapsOnce(
      &findings,
      groups: [
        .init(points: 2.5, findings: 0..<2), .init(points: 2.5, findings: 2..<3),
        .init(points: 3, findings: 3..<4),
      ])
    // Equal points and length: the earlier finding (price) scores, the offer finding scores 0.
    #expect(findings.map(\.points) == [2.5, 1.25, 0, 3])
    #expect(findings.map(\.rule) == ["price", "price", "offer", "contact"])
  }

  @Test func aCoveredFindingDoesNotUseUpItsRulesFullPoints() {
    // urgency 限时秒杀 (0..<4, 2.5) covers offer 秒杀 (2..<4); offer's next finding gets the full points.
    var findings = [
      Self.finding("urgency", 0..<4), Self.finding("offer", 2..<4), Self.finding("offer", 8..<10),
      Self.finding("offer", 12..<14),
    ]
    Linter.scoreOverlapsOnce(
      &findings, groups: [.init(points: 2.5, findings: 0..<1), .init(points: 2.5, findings: 1..<4)])
    #expect(findings.map(\.points) == [2.5, 0, 2.5, 1.25])
  }

  @Test func morePointsThenTheLongerRangeWins() {
    var findings = [Self.finding("price", 0..<2), Self.finding("contact", 1..<3), Self.finding("cta", 0..<6)]
    Linter.scoreOverlapsOnce(
      &findings,
      groups: [
        .init(points: 2.5, findings: 0..<1), .init(points: 3, findings: 1..<2),
        .init(points: 2.5, findings: 2..<3),
      ])
    // contact (3 points) first; cta overlaps it; price overlaps it too.
    #expect(findings.map(\.points) == [0, 3, 0])
    var tie = [Self.finding("price", 0..<2), Self.finding("cta", 0..<6)]
    Linter.scoreOverlapsOnce(
      &tie, groups: [.init(points: 2.5, findings: 0..<1), .init(points: 2.5, findings: 1..<2)])
    #expect(tie.map(\.points) == [0, 2.5])
  }

  @Test func withoutOverlapsNothingChanges() {
    var findings = [Self.finding("price", 0..<2, points: 7), Self.finding("offer", 2..<4, points: 9)]
    Linter.scoreOverlapsOnce(
      &findings, groups: [.init(points: 2.5, findings: 0..<1), .init(points: 2.5, findings: 1..<2)])
    #expect(findings.map(\.points) == [7, 9])
  }

  /// Through the linter: 特惠 is in the price and the offer lists; alone it is one cue, not hard-sell.
  /// Findings of rules that do not mark cue words (an emoji run) still add up.
  @Test func oneWordInTwoListsIsOneCue() throws {
    var configuration = Configuration()
    configuration.rules[ClassifierRule.description.id] = .off
    let linter = try Linter(rules: BuiltinRules.all, configuration: configuration)
    let report = linter.check(Post(id: "a.md", path: "a.md", text: "特惠", channel: "moments"))
    let rules = report.findings.map(\.finding.rule)
    #expect(rules.contains("hard-sell/price") && rules.contains("hard-sell/offer"))
    #expect(report.verdict.score == 2.5)
    #expect(report.verdict.class == .value)
    let two = linter.check(Post(id: "b.md", path: "b.md", text: "特惠，扫码下单", channel: "moments"))
    #expect(two.verdict.score == 5)
    #expect(two.verdict.class == .hardSell)
  }

  /// With the classifier on, a word found by two cue rules is still one cue for the single-cue guarantee:
  /// the covered finding has no points, so every finding with points comes from one rule.
  @Test func oneWordInTwoListsIsOneCueForTheClassifierToo() throws {
    let linter = try Linter(rules: BuiltinRules.all, configuration: Configuration())
    for text in ["特惠", "新到的围巾 特惠", "今天天气很好，特惠", "特惠，周末去看了展"] {
      let report = linter.check(Post(id: "a.md", path: "a.md", text: text, channel: "moments"))
      let rules = report.findings.map(\.finding.rule)
      #expect(rules.contains("hard-sell/price") && rules.contains("hard-sell/offer"), "\(text): \(rules)")
      #expect(report.verdict.class == .value, "\(text) is hard-sell at \(report.verdict.probability)")
    }
    let two = linter.check(Post(id: "b.md", path: "b.md", text: "特惠，扫码下单", channel: "moments"))
    #expect(two.verdict.class == .hardSell)
    #expect(two.singleCue == nil)
  }
}
