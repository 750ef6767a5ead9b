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
    #expect(Set(keys).count == keys.count)
    #expect(keys == details.map(\.key), "distinct keys in order of first occurrence, as details lists them")
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

  @Test func lengthBucketsAreHalfOctaves() {
    let buckets = (1...12).map { FeatureExtractor.lengthBucket($0) }
    #expect(buckets == [0, 2, 3, 4, 4, 5, 5, 6, 6, 6, 6, 7])
    for b in UInt16(0)..<40 where b != 1 {  // no count falls in bucket 1 (1 → 0, 2 → 2)
      let range = FeatureExtractor.lengthRange(b)
      #expect(FeatureExtractor.lengthBucket(range.lowerBound) == b, "bucket \(b)")
      #expect(range.lowerBound <= 1 || FeatureExtractor.lengthBucket(range.lowerBound - 1) < b)
      #expect(FeatureExtractor.lengthBucket(range.upperBound) <= b)
      #expect(FeatureExtractor.lengthBucket(range.upperBound + 1) > b)
    }
  }

  @Test func lengthLabelsMatchASearchOverEveryBucket() {
    // The table against the search it replaced: every bucket's two keys, and keys that are no length key.
    func searched(_ key: UInt64) -> (tokens: Bool, bucket: UInt16)? {
      for b in UInt16(0)..<128 {
        for tokens in [false, true] where FeatureExtractor.lengthKey(tokens: tokens, b) == key {
          return (tokens, b)
        }
      }
      return nil
    }
    var keys: [UInt64] = [1, 0xdead_beef, FeatureHash.key(UInt8(ascii: "w"), Array("秒杀".utf16))]
    for b in UInt16(0)..<130 {
      keys.append(FeatureExtractor.lengthKey(tokens: false, b))
      keys.append(FeatureExtractor.lengthKey(tokens: true, b))
    }
    for key in keys {
      let expected = searched(key)
      let label = FeatureExtractor.lengthLabel(key)
      #expect((label == nil) == (expected == nil), "\(key)")
      if let expected, let label {
        #expect(label.hasSuffix(" 个分词") == expected.tokens)
        let range = FeatureExtractor.lengthRange(expected.bucket)
        #expect(label.contains("\(range.lowerBound)"), "\(label) for bucket \(expected.bucket)")
      }
    }
    #expect(FeatureExtractor.lengthLabel(FeatureExtractor.lengthKey(tokens: false, 6)) == "篇幅 8–11 字")
  }

  @Test func distinctKeysMatchASetAcrossSetSizes() throws {
    // Posts of 1 to 300 characters cross the stack and heap sizes of the set and the key buffer.
    let pieces = ["限时", "秒杀", "！", "99", "元", "😀", "家人们", " ", "包邮", "¥199", "a", "。"]
    var random = SplitMix64(seed: 3)
    for length in stride(from: 1, through: 300, by: 7) {
      let text = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      let document = try S.document(text)
      let tokens = FeatureExtractor.contentTokens(document)
      var seen = Set<UInt64>()
      var expected: [UInt64] = []
      document.normalized.withUnsafeBufferPointer { norm in
        FeatureExtractor.walk(norm, tokens) { key, _, _, _ in
          if seen.insert(key).inserted { expected.append(key) }
        }
      }
      #expect(FeatureExtractor.keys(document) == expected, "\(length) pieces")
    }
  }

  @Test func lengthIsTwoFeatures() throws {
    // 限时秒杀!今晚99元 after normalization: 10 UTF-16 units, bucket 6 (8–11).
    let details = FeatureExtractor.details(try S.document("限时秒杀！今晚99元"))
    let labels = details.filter { $0.kind == .kind }.map(\.label)
    #expect(labels.contains("篇幅 8–11 字"))
    #expect(labels.contains { $0.hasSuffix(" 个分词") })
    #expect(details.contains { $0.key == FeatureExtractor.lengthKey(tokens: false, 6) })
    #expect(
      details.first { $0.label == "篇幅 8–11 字" }?.sourceRange.lowerBound == 0, "points at the first token")
  }

  @Test func lengthLeavesOutWhitespaceAndComments() throws {
    let units = FeatureExtractor.lengthKey(tokens: false, FeatureExtractor.lengthBucket(4))
    #expect(try S.keys("限时 秒杀").contains(units))
    #expect(try S.keys("限时\n\n   秒杀  ").contains(units))
    #expect(try S.keys("<!-- 编辑备注：周五再发一次 -->限时秒杀").contains(units))
  }

  @Test func longAndShortPostsDifferByLength() throws {
    let short = Set(try S.keys("今天带娃去公园"))
    let long = Set(try S.keys("今天带娃去公园，今天带娃去公园，今天带娃去公园，今天带娃去公园"))
    let lengthKeys = Set(
      (0..<64).flatMap { b in
        [
          FeatureExtractor.lengthKey(tokens: false, UInt16(b)),
          FeatureExtractor.lengthKey(tokens: true, UInt16(b)),
        ]
      })
    #expect(short.intersection(lengthKeys).count == 2)
    #expect(long.intersection(lengthKeys).count == 2)
    #expect(short.intersection(lengthKeys) != long.intersection(lengthKeys))
  }

  @Test func longPostsKeepEveryDistinctKeyOnce() throws {
    // Longer than the set's first size: the set is sized from the post, never overfull.
    let text = (0..<400).map { "第\($0)位姐妹下单立减\($0 % 7)元🔥" }.joined(separator: "，")
    let keys = FeatureExtractor.keys(try S.document(text))
    let details = FeatureExtractor.details(try S.document(text))
    #expect(Set(keys).count == keys.count)
    #expect(keys == details.map(\.key))
  }

  @Test func emptyTextHasNoFeatures() throws {
    #expect(try S.keys("").isEmpty)
    #expect(try S.keys("   \n ").isEmpty)
  }
}
