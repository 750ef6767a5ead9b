import Testing

@testable import SiyuCore

/// `WorstCandidates` keeps the list that offering every post's `WorstPost` to
/// `ScoreSummary.offerWorst` keeps, making `WorstPost`s only for posts still in it at the end and for
/// ties: random offers with many equal numbers, ids and whole posts, alone and merged from shards.
@Suite struct WorstCandidatesTests {
  /// A post: the numbers it ranks by, its id and what its reasons would say (a tie on the first three
  /// with another post is equal to it only when this matches too).
  struct Fake: Sendable {
    var probability: Double
    var score: Double
    var id: String
    var reason: Int
  }

  static func worstPost(_ post: Fake) -> ScoreSummary.WorstPost {
    ScoreSummary.WorstPost(
      id: post.id, channel: "moments", persona: nil, publishAt: nil, probability: post.probability,
      score: post.score, excerpt: "x", reasons: [.init(rule: "r", message: "\(post.reason)")])
  }

  static func entry(_ post: Fake) -> WorstCandidates<Fake>.Entry {
    .init(probability: post.probability, score: post.score, id: post.id, payload: post)
  }

  static func randomPosts(_ count: Int, using generator: inout some RandomNumberGenerator) -> [Fake] {
    (0..<count).map { _ in
      Fake(
        probability: Double(Int.random(in: 0...6, using: &generator)) / 6,
        score: Double(Int.random(in: 0...3, using: &generator)),
        id: "p\(Int.random(in: 0...8, using: &generator))",
        reason: Int.random(in: 0...1, using: &generator))
    }
  }

  @Test func keepsWhatOfferWorstKeeps() {
    var generator = SplitMix(seed: 7)
    for round in 0..<300 {
      let posts = Self.randomPosts(Int.random(in: 0...80, using: &generator), using: &generator)
      var summary = ScoreSummary(
        settings: .init(timezone: "UTC", hardSellShareMax: 1, hardSellShareWindow: 1))
      var candidates = WorstCandidates<Fake>()
      let make = { (entry: WorstCandidates<Fake>.Entry) in Self.worstPost(entry.payload) }
      for post in posts {
        let worst = Self.worstPost(post)
        #expect(
          candidates.mightBeWorst(probability: post.probability, score: post.score, id: post.id)
            == summary.mightBeWorst(probability: post.probability, score: post.score, id: post.id))
        summary.offerWorst(worst)
        candidates.offer(Self.entry(post), make: make)
      }
      #expect(candidates.finish(make: make) == summary.worst, "round \(round)")

      // Shards merged in order, as the scorer's workers are.
      var shards = [WorstCandidates<Fake>(), WorstCandidates<Fake>(), WorstCandidates<Fake>()]
      var wholeSummary = ScoreSummary(settings: summary.settings)
      var shardSummaries = [wholeSummary, wholeSummary, wholeSummary]
      for (index, post) in posts.enumerated() {
        shards[index % 3].offer(Self.entry(post), make: make)
        shardSummaries[index % 3].offerWorst(Self.worstPost(post))
      }
      var merged = WorstCandidates<Fake>()
      for shard in shards { merged.merge(shard, make: make) }
      for shard in shardSummaries { wholeSummary.merge(shard) }
      #expect(merged.finish(make: make) == wholeSummary.worst, "round \(round)")
    }
  }

  /// Without ties, only the posts in the final list get their `WorstPost` made.
  @Test func makesOnlyTheFinalList() {
    var candidates = WorstCandidates<Fake>()
    var made = 0
    for index in 0..<1000 {
      let post = Fake(probability: Double(index % 997) / 997, score: 1, id: "p\(index)", reason: 0)
      candidates.offer(Self.entry(post)) { _ in
        made += 1
        return Self.worstPost(post)
      }
    }
    let list = candidates.finish { entry in
      made += 1
      return Self.worstPost(entry.payload)
    }
    #expect(list.count == ScoreSummary.worstCount)
    #expect(made == ScoreSummary.worstCount)
  }
}

/// A small seeded generator, so that failures repeat.
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
