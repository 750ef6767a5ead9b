import SiyuText
import Testing

@testable import SiyuCore
@testable import SiyuRules

/// `check --fix` applies the safe `ad-law/absolute` replacements unread, so none may be a cue of any
/// rule itself (销量第一 → 热销 turned an ad-law error into a hard-sell/offer finding).
@Suite struct AbsoluteReplacementTests {
  @Test func safeReplacementsTriggerNoRule() throws {
    let lexicon = CueList.absolute.lexicon
    let replacements = Set(
      lexicon.entries.compactMap(\.fields.first).filter { !$0.isEmpty && !$0.hasPrefix("?") })
    #expect(replacements.count > 10)
    let linter = try Linter(
      rules: BuiltinRules.all.filter { !($0 is ClassifierRule) }, configuration: Configuration())
    for replacement in replacements.sorted() {
      let post = Post(id: "a.md", text: "这是\(replacement)的产品。", channel: "moments")
      let findings = linter.check(post).findings.map { "\($0.finding.rule) \($0.finding.message)" }
      #expect(findings.isEmpty, "\(replacement): \(findings)")
    }
  }
}
