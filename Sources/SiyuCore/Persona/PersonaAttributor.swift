import Foundation

/// Which of several personas a post reads most like, from their style profiles' n-gram counts.
///
/// Each profile is a naive-Bayes class over the post's characters, character pairs and clause-length
/// patterns, Dirichlet-smoothed toward the pool of all profiles (pseudo-counts `prior`), so a profile
/// learned from few posts leans on the pool instead of ruling out what it has not seen. A post's score
/// for a persona is its log-likelihood ratio against the pool per character: above 0 it reads more like
/// that persona than like the average of them.
public struct PersonaAttributor: Sendable {
  /// The personas, in the order scores are given.
  public let names: [String]
  private let models: [StyleModel]
  private let poolUnigrams: [UInt32: Double]
  private let poolBigrams: [UInt64: Double]
  private let poolShapes: [UInt32: Double]

  /// Dirichlet pseudo-counts per kind of feature (characters, pairs, clause shapes), tuned on held-apart
  /// posts of authors with 50 to 600 texts each.
  static let prior = (unigram: 1_000.0, bigram: 300.0, shape: 30.0)
  /// Weight of each kind of feature in the score.
  static let weight = (unigram: 1.0, bigram: 0.5, shape: 0.5)

  /// One class per profile (names from `StyleProfile.name`).
  public init(profiles: [StyleProfile]) {
    self.init(names: profiles.map(\.name), models: profiles.map(StyleModel.init(profile:)))
  }

  init(names: [String], models: [StyleModel]) {
    self.names = names
    self.models = models
    func pool<K: Hashable>(_ counts: [[K: Int]]) -> [K: Double] {
      var sum: [K: Double] = [:]
      var total = 0.0
      for map in counts {
        for (k, n) in map {
          sum[k, default: 0] += Double(n)
          total += Double(n)
        }
      }
      let denominator = total + 0.5 * Double(sum.count)
      return sum.mapValues { ($0 + 0.5) / denominator }
    }
    poolUnigrams = pool(models.map(\.unigrams))
    poolBigrams = pool(models.map(\.bigrams))
    poolShapes = pool(models.map(\.shapes))
  }

  public var isEmpty: Bool { names.isEmpty }

  /// Each persona's score for `sample` (log-likelihood ratio against the pool, per weighted feature), in
  /// `names` order. Features no profile has seen say nothing and are skipped. Empty without features.
  public func scores(_ sample: StyleSample) -> [Double] {
    var totals = Array(repeating: 0.0, count: models.count)
    var baseline = 0.0
    var weight = 0.0
    func add(_ n: Int, _ background: Double, _ w: Double, _ mu: Double, _ count: (StyleModel) -> (Int, Int)) {
      let wn = w * Double(n)
      baseline += wn * log(background)
      weight += wn
      for (i, model) in models.enumerated() {
        let (c, total) = count(model)
        totals[i] += wn * log((Double(c) + mu * background) / (Double(total) + mu))
      }
    }
    for (k, n) in sample.unigrams {
      guard let bg = poolUnigrams[k] else { continue }
      add(n, bg, Self.weight.unigram, Self.prior.unigram) { ($0.unigrams[k] ?? 0, $0.unigramTotal) }
    }
    for (k, n) in sample.bigrams {
      guard let bg = poolBigrams[k] else { continue }
      add(n, bg, Self.weight.bigram, Self.prior.bigram) { ($0.bigrams[k] ?? 0, $0.bigramTotal) }
    }
    for (k, n) in sample.shapes {
      guard let bg = poolShapes[k] else { continue }
      add(n, bg, Self.weight.shape, Self.prior.shape) { ($0.shapes[k] ?? 0, $0.shapeTotal) }
    }
    guard weight > 0 else { return [] }
    return totals.map { ($0 - baseline) / weight }
  }

  /// The persona `sample` reads most like, with its score; nil without profiles or features.
  public func best(_ sample: StyleSample) -> (name: String, score: Double)? {
    let scores = scores(sample)
    guard let top = scores.indices.max(by: { scores[$0] < scores[$1] }) else { return nil }
    return (names[top], scores[top])
  }
}
