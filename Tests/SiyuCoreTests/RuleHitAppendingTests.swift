import Foundation
import SiyuText
import Testing

@testable import SiyuCore
@testable import SiyuRules

/// `BuiltinRule.check(_:into:)`, which the linter calls with one array reused for every rule, must append
/// exactly what `check(_:)` returns, in the same order, and leave the hits already in the array alone.
@Suite struct RuleHitAppendingTests {
  /// A hit already in the array, placed after any example's text so that a sort over the whole array
  /// (instead of the rule's own hits) would move it.
  static let earlier = RuleHit(range: 1000..<1001, message: "earlier")

  /// Every example of every built-in rule, plus posts with several hits of one rule out of text order.
  static var texts: [String] {
    BuiltinRules.types.flatMap { $0.description.triggering + $0.description.nonTriggering } + [
      // A signature before the unsubscribe instruction: bulk-message finds them in the other order.
      "本周六会员日，欢迎惠顾【青禾生活馆】\n回T退订",
      "限时秒杀！！！原价¥298，今天只要¥129，加我微信 abc12345，扫码下单，仅剩3件，本店新老顾客专享",
      "全网最低价，国家级品质，最近很火，国宴同款，根治失眠 🔥🔥🔥 https://a.cn/1 https://a.cn/2 https://a.cn/3",
    ]
  }

  @Test func appendingMatchesChecking() throws {
    let segmenter = try Segmenter()
    for text in Self.texts {
      for type in BuiltinRules.types {
        let document = Document(
          post: Post(id: "p.md", path: "p.md", text: text, channel: "moments"), segmenter: segmenter)
        let expected = type.init().check(document)
        var fresh: [RuleHit] = []
        type.checkFresh(document, into: &fresh)
        #expect(fresh == expected, "\(type.description.id): \(text)")
        var appended = [Self.earlier]
        type.init().check(document, into: &appended)
        #expect(appended == [Self.earlier] + expected, "\(type.description.id): \(text)")
      }
    }
  }

  /// The countdown scan tests a token's first unit before looking its two units up: every countdown
  /// word must start with a lead, and the leads are the inventory's `countdownLead` characters.
  @Test func everyCountdownWordStartsWithALead() {
    for word in UrgencyRule.countdownWords {
      #expect(UrgencyRule.isCountdownLead(UInt16(word >> 16)), "\(String(word, radix: 16))")
    }
    for unit in Array("最仅只还".utf16) {
      #expect(UrgencyRule.isCountdownLead(unit))
      #expect(TextInventory.Characters(rawValue: TextInventory.kinds(of: unit)).contains(.countdownLead))
    }
    #expect(!UrgencyRule.isCountdownLead(0x4ECA))  // 今
  }

  /// Shouting counts a punctuation token made of `!` only, three or more.
  @Test func shoutingNeedsThreeExclamationMarksAndNothingElse() throws {
    let segmenter = try Segmenter()
    func hits(_ text: String) -> Int {
      ShoutingRule().check(
        Document(post: Post(id: "p.md", path: "p.md", text: text, channel: "moments"), segmenter: segmenter)
      ).count
    }
    #expect(hits("好！！！") == 1)
    #expect(hits("好!!!!") == 1)
    #expect(hits("好！！") == 0)
    #expect(hits("真的吗！？！") == 0)
  }

  @Test func bulkMessageSortsOnlyItsOwnHits() throws {
    let document = Document(
      post: Post(id: "p.md", path: "p.md", text: "本周六会员日，欢迎惠顾【青禾生活馆】\n回T退订", channel: "moments"),
      segmenter: try Segmenter())
    var hits = [Self.earlier]
    BulkMessageRule().check(document, into: &hits)
    #expect(hits.count == 3)
    #expect(hits.first == Self.earlier)
    #expect(hits.dropFirst().map(\.range.lowerBound) == hits.dropFirst().map(\.range.lowerBound).sorted())
  }
}
