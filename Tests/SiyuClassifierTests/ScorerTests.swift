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

  @Test func utf16TextMatchesTheStandardLibrary() {
    let samples: [[UInt16]] = [
      Array("abc，你好🔥𠮷é".utf16), [0xD800], [0xDC00, 0x41], [0x41, 0xD83D], Array("".utf16),
      [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF],
    ]
    for units in samples {
      let fast = units.withUnsafeBufferPointer { UTF16Text.string($0) }
      #expect(fast == String(decoding: units, as: UTF16.self))
    }
  }
}
