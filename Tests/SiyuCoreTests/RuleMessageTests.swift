import SiyuText
import Testing

@testable import SiyuCore

/// `RuleMessage` builds, when read, the string the rules used to build at once: the head, the quoted
/// source text (as `Document.text(in:)`, clamped) and the tail.
@Suite struct RuleMessageTests {
  @Test func quoteReadsAsTheEagerMessage() throws {
    let segmenter = try Segmenter()
    let texts = ["到手价 89元，加微信 abc12345 👍🏻", "", "a", "𠮷野家\n限时秒杀！！", "ｖｘ：test_01 满199减30"]
    var generator = SystemRandomNumberGenerator()
    for text in texts {
      let document = Document(post: Post(id: "t", text: text, channel: "moments"), segmenter: segmenter)
      let count = document.units.count
      for _ in 0..<50 {
        let lower = Int.random(in: -2...(count + 2), using: &generator)
        let upper = Int.random(in: max(lower, 0)...(count + 3), using: &generator)
        let range = max(lower, 0)..<upper
        let head = ["", "报价话术「", "ascii ["].randomElement(using: &generator)!
        let tail = ["", "」；报价和催促叠加在一条里就成了硬广", "] tail"].randomElement(using: &generator)!
        let eager = head + document.text(in: range) + tail
        let message = RuleMessage(quoting: range, of: document, between: head, and: tail)
        #expect(message.string == eager)
        #expect(document.text(in: range, between: head, and: tail) == eager)
        let hit = RuleHit(range: range, ruleMessage: message)
        #expect(hit.message == eager)
        #expect(hit == RuleHit(range: range, message: eager))
        var finding = Finding(rule: "r", severity: .info, range: range, ruleMessage: message, points: 1)
        #expect(finding.message == eager)
        finding.message = "另写"
        #expect(finding.message == "另写")
      }
    }
  }

  /// A quote over `quoteLimit` characters keeps `quoteKept` whole characters (an emoji with its skin tone
  /// or ZWJ sequence is one) and `…`; one at the limit is quoted whole.
  @Test func longQuotesAreShortened() throws {
    let segmenter = try Segmenter()
    for (unit, count) in [("🔥", 500_000), ("👩‍👩‍👧", 61), ("好", 61), ("！", 60), ("a", 3)] {
      let text = String(repeating: unit, count: count)
      let document = Document(post: Post(id: "t", text: text, channel: "moments"), segmenter: segmenter)
      let message = RuleMessage(quoting: 0..<document.units.count, of: document, between: "「", and: "」")
        .string
      if count > RuleMessage.quoteLimit {
        #expect(
          message == "「" + String(repeating: unit, count: RuleMessage.quoteKept) + "…」", "\(unit) × \(count)")
      } else {
        #expect(message == "「" + text + "」")
      }
    }
  }

  @Test func plainTextIsItself() {
    #expect(RuleMessage("消息（「x」）").string == "消息（「x」）")
    #expect(RuleHit(range: 0..<1, message: "m").message == "m")
    #expect(RuleMessage("m") != RuleMessage("n"))
  }
}
