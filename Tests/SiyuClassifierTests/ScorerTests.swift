import SiyuCore
import SiyuText
import Testing

@testable import SiyuClassifier

@Suite struct ScorerTests {
  typealias S = ClassifierTestSupport

  /// The bulk path (`eval --classifier-only`) and the rule's path (`Document`, sorted keys) agree.
  @Test func scorerAgreesWithTheDocumentPath() throws {
    let model = Trainer.train(try S.examples())
    let scorer = Scorer(model: model, segmenter: try Segmenter())
    let texts =
      S.hardSell + S.value + [
        "", "🔥🔥🔥 秒杀！！！秒杀！！！", "<!-- siyu-disable hard-sell/shouting -->\n清仓",
        "詳情 https://example.com 加vx: abc123",
        String(repeating: "限时秒杀今晚下单", count: 200),
      ]
    for text in texts {
      let expected = model.logOdds(try S.keys(text))
      #expect(abs(scorer.logOdds(text) - expected) < 1e-9, "\(text.prefix(20))")
    }
  }
}
