import SiyuCore
import SiyuText
import Testing

@testable import SiyuClassifier

@Suite struct FeatureExtractorTests {
  typealias S = ClassifierTestSupport

  @Test func wordsBigramsAndKinds() throws {
    let details = FeatureExtractor.details(try S.document("限时秒杀！今晚99元"))
    let labels = Set(details.map { "\($0.kind.rawValue):\($0.label)" })
    #expect(labels.contains("word:秒杀") || labels.contains("word:限时秒杀"))
    #expect(labels.contains("bigram:秒杀"))
    #expect(labels.contains("bigram:杀!"), "bigrams run across adjacent tokens, on normalized text")
    #expect(labels.contains("kind:价格"))
    #expect(labels.contains("bigram:0元"), "digits read as 0 in bigrams")
    #expect(!labels.contains("bigram:9元"))
    let keys = FeatureExtractor.keys(try S.document("限时秒杀！今晚99元"))
    #expect(keys == keys.sorted() && Set(keys).count == keys.count)
    #expect(Set(keys) == Set(details.map(\.key)))
  }

  @Test func normalizationMakesOneFeature() throws {
    #expect(try S.keys("限時秒殺") == S.keys("限时秒杀"))
    #expect(try S.keys("ＶＩＰ专享！") == S.keys("vip专享!"))
  }

  @Test func amountsShareTheirShape() throws {
    #expect(try S.keys("今晚99元") == S.keys("今晚59元"))
  }

  @Test func manyOfAKindIsItsOwnFeature() throws {
    let one = Set(try S.keys("只要9元"))
    let three = Set(try S.keys("9元，19元，29元"))
    #expect(three.subtracting(one).contains(FeatureExtractor.kindKeys[0].many))
    #expect(!one.contains(FeatureExtractor.kindKeys[0].many))
  }

  @Test func commentsAreNotContent() throws {
    #expect(try S.keys("<!-- siyu-disable hard-sell/shouting -->\n今天天气不错") == S.keys("今天天气不错"))
  }

  @Test func urlsAndContactsGiveKindsNotBigrams() throws {
    let labels = FeatureExtractor.details(try S.document("详情 https://example.com/abc")).map(\.label)
    #expect(labels.contains("链接"))
    #expect(!labels.contains("ex"))
  }

  @Test func keysAreStable() {
    // Stored in model files: the hash must never change silently.
    #expect(FeatureHash.key(UInt8(ascii: "w"), Array("秒杀".utf16)) == 0x1d53_d99f_08ab_d7a2)
  }

  @Test func emptyTextHasNoFeatures() throws {
    #expect(try S.keys("").isEmpty)
    #expect(try S.keys("   \n ").isEmpty)
  }
}
