import Foundation

/// Builds a `StyleProfile` from a persona's past posts, one `StyleSample` at a time.
public struct StyleProfileLearner: Sendable {
  public let name: String
  public private(set) var samples: [StyleSample] = []

  public init(name: String) {
    self.name = name
  }

  public mutating func add(_ sample: StyleSample) {
    samples.append(sample)
  }

  /// The profile of the posts added so far (at least one): counts, each feature's spread, the
  /// leave-one-out n-gram fit of every post, and the distances of the posts long enough to judge.
  public func profile() -> StyleProfile {
    let model = StyleModel(samples: samples)
    var features: [String: StyleProfile.Spread] = [:]
    for feature in StyleFeature.all {
      features[feature.key] = StyleProfile.Spread(samples.compactMap { $0.value(of: feature) })
    }
    var particles: [String: Int] = [:]
    for (i, particle) in PersonaTerm.particles.enumerated() {
      let n = samples.reduce(0) { $0 + $1.particles[i] }
      if n > 0 { particles[particle] = n }
    }
    let punctuation = [
      "tilde": samples.reduce(0) { $0 + $1.tilde },
      "exclamation": samples.reduce(0) { $0 + $1.exclamation },
      "ellipsis": samples.reduce(0) { $0 + $1.ellipsis },
      "question": samples.reduce(0) { $0 + $1.question },
    ]
    func merged(_ maps: [[String: Int]]) -> [String: Int] {
      maps.reduce(into: [:]) { sum, map in
        for (k, n) in map { sum[k, default: 0] += n }
      }
    }
    let fits = samples.map { model.fit($0, leavingOut: samples.count > 1 ? $0 : nil) }
    var profile = StyleProfile(
      format: StyleProfile.formatName, version: StyleProfile.currentVersion, name: name, posts: samples.count,
      characters: samples.reduce(0) { $0 + $1.characters }, features: features, particles: particles,
      punctuation: punctuation, emoji: merged(samples.map(\.emoji)),
      selfTerms: merged(samples.map(\.selfTerms)),
      addressTerms: merged(samples.map(\.addressTerms)), ngrams: model.ngrams,
      fit: StyleProfile.Spread(fits.compactMap { $0 }), distance: nil)
    var distances: [Double] = []
    for (sample, fit) in zip(samples, fits) where StyleComparison.isJudgeable(sample) {
      let comparison = StyleComparison(
        sample: sample, fit: fit, profile: profile, persona: name, displayName: name)
      distances.append(comparison.distance)
    }
    if distances.count >= 4 {
      distances.sort()
      func quantile(_ q: Double) -> Double {
        let position = q * Double(distances.count - 1)
        let lower = Int(position)
        let upper = min(lower + 1, distances.count - 1)
        return distances[lower] + (distances[upper] - distances[lower]) * (position - Double(lower))
      }
      let q1 = quantile(0.25)
      let q3 = quantile(0.75)
      let r = StyleProfile.rounded
      profile.distance = StyleProfile.DistanceSpread(
        q1: r(q1), median: r(quantile(0.5)), q3: r(q3), fence: r(q3 + 1.5 * (q3 - q1)),
        max: r(distances.last ?? 0))
    }
    return profile
  }
}
