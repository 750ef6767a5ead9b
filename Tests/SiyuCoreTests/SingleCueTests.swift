import SiyuRules
import SiyuText
import Testing

@testable import SiyuCore

/// SPEC: a single mild cue never makes a post hard-sell on its own. Every entry of the hard-sell cue lists,
/// posted alone, stays below `required_score` in the rules-only verdict, including an entry that holds a
/// cue of another list (券后 holds the offer 券) or sits in two lists (特惠): overlapping findings of
/// cue-word rules score once (`Linter.scoreOverlapsOnce`).
@Suite struct SingleCueTests {
  static let lists = [
    "cues/price.txt", "cues/offer.txt", "cues/urgency.txt", "cues/cta.txt", "cues/contact.txt",
    "cues/shop-voice.txt",
  ]

  @Test func noCueEntryIsHardSellAlone() throws {
    var configuration = Configuration()
    configuration.rules[ClassifierRule.description.id] = .off
    let linter = try Linter(rules: BuiltinRules.all, configuration: configuration)
    var checked = 0
    for path in Self.lists {
      let lexicon = try #require(BuiltinLexicons.lexicon(path), "\(path) is missing")
      for entry in lexicon.entries {
        let post = Post(id: "cue.md", path: "cue.md", text: entry.text, channel: "moments")
        let verdict = linter.check(post).verdict
        #expect(
          verdict.class == .value, "the cue \(entry.text.debugDescription) alone scores \(verdict.score)")
        checked += 1
      }
    }
    #expect(checked > 400)
  }
}
