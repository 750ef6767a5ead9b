import SiyuCore
import SiyuText
import Testing

@testable import SiyuClassifier

/// The fused path (`FeatureExtractor.withDistinctKeys`, `Model.logOdds(_:)` on a document) and the
/// two-unit bigram shortcut against the plain computations, on many generated posts.
@Suite struct DistinctKeysTests {
  typealias S = ClassifierTestSupport

  /// Pieces that exercise words, digits next to digits, surrogate pairs (emoji, rare CJK), full-width
  /// forms, URLs, contacts, prices, whitespace and comments.
  static let pieces = [
    "限时", "秒杀", "！", "99", "元", "😀", "🔥🔥", "𠀋", "ＶＩＰ", "vip", " ", "\n", "https://example.com/a",
    "微信", "abc123", "7", "，", "今晚", "包邮", "#话题#", "@小王", "50%", "<!-- 备注 -->", "家人们", "¥199",
    "13800138000", "a", "。", "买一送一",
  ]

  static func posts(count: Int) -> [String] {
    var random = SplitMix64(seed: 8)
    return (0..<count).map { _ in
      let length = Int(random.next() % 24)
      return (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }
  }

  @Test func bigramKeysMatchThePlainHash() throws {
    let segmenter = try Segmenter()
    var bigrams = 0
    for text in Self.posts(count: 400) {
      let document = Document(post: Post(id: "t.md", text: text, channel: "moments"), segmenter: segmenter)
      let tokens = FeatureExtractor.contentTokens(document)
      document.normalized.withUnsafeBufferPointer { norm in
        FeatureExtractor.walk(norm, tokens) { key, kind, range, _ in
          guard kind == .bigram else { return }
          // Rebuilt from the bigram's units, digits folded, by the sequence hash.
          let units = range.map { FeatureExtractor.digitFolded(norm[$0]) }
          #expect(key == FeatureHash.key(UInt8(ascii: "b"), units), "\(text)")
          bigrams += 1
        }
      }
      let details = FeatureExtractor.details(document)
      #expect(FeatureExtractor.keys(document) == details.map(\.key), "\(text)")
    }
    #expect(bigrams > 2000, "the posts exercise the bigram paths")
  }

  @Test func documentLogOddsEqualsKeyLogOdds() throws {
    let segmenter = try Segmenter()
    for (algorithm, model) in try S.models() {
      for text in Self.posts(count: 150) + S.hardSell + S.value {
        let document = Document(post: Post(id: "t.md", text: text, channel: "moments"), segmenter: segmenter)
        let fused = model.logOdds(document)
        let plain = model.logOdds(FeatureExtractor.keys(document))
        #expect(fused.bitPattern == plain.bitPattern, "\(algorithm.name): \(text)")
      }
    }
  }

  /// `Model.pushingFeatures(_:)` with labels made by `PushingFeature.label(in:)` against the positive
  /// contributions of the labelled details, in order, for every algorithm.
  @Test func pushingFeaturesEqualPositiveContributions() throws {
    let segmenter = try Segmenter()
    var compared = 0
    for (algorithm, model) in try S.models() {
      for text in Self.posts(count: 150) + S.hardSell + S.value {
        let document = Document(post: Post(id: "t.md", text: text, channel: "moments"), segmenter: segmenter)
        let expected = model.contributions(FeatureExtractor.details(document)).filter { $0.weight > 0 }
        let pushing = model.pushingFeatures(document)
        #expect(pushing.count == expected.count, "\(algorithm.name): \(text)")
        for (feature, contribution) in zip(pushing, expected) {
          #expect(feature.key == contribution.feature.key, "\(algorithm.name): \(text)")
          #expect(feature.kind == contribution.feature.kind)
          #expect(feature.weight.bitPattern == contribution.weight.bitPattern)
          #expect(feature.sourceRange == contribution.feature.sourceRange)
          #expect(feature.label(in: document) == contribution.feature.label, "\(algorithm.name): \(text)")
          compared += 1
        }
      }
    }
    #expect(compared > 1000, "the posts have features that push")
  }
}
