import Foundation
import Testing

@testable import SiyuCore

/// `ScoredPost` keeps value semantics over its shared box.
@Suite struct ScoredPostTests {
  @Test func copiesAreIndependent() {
    var post = Post(id: "in.jsonl#3", text: "今晚秒杀", channel: "moments", persona: "xiaoli")
    post.meta = ["id": .string("row-3"), "campaign": .string("c1")]
    let original = ScoredPost(
      post: post,
      report: PostReport(
        path: post.id, verdict: Verdict(class: .hardSell, probability: 0.9, score: 2), findings: []))
    #expect(original.id == "row-3" && original.source == "in.jsonl#3")
    #expect(original.meta == ["campaign": .string("c1")])
    var copy = original
    copy.caps = ["cap/daily"]
    copy.rules.append("hard-sell/cta")
    copy.channel = "group"
    copy.post = post
    #expect(original.caps.isEmpty && original.rules.isEmpty && original.channel == "moments")
    #expect(original.post == nil && copy.post != nil)
    #expect(copy.caps == ["cap/daily"] && copy.rules == ["hard-sell/cta"] && copy.channel == "group")
    var array = [original, original]
    array[1].offVoice = true
    #expect(!array[0].offVoice && array[1].offVoice && !original.offVoice)
  }
}
