import Foundation

/// A post compared with its persona's style profile: how far each feature lies from the persona's own
/// posts, the overall distance against the spread of those posts, and, with several profiles, which
/// persona it reads most like. What persona/style reports and what `siyu explain` can show.
public struct StyleComparison: Sendable {
  /// A persona's attribution score for the post (see `PersonaAttributor.scores`).
  public struct Score: Sendable, Equatable {
    /// The persona's key.
    public var persona: String
    /// Its display name.
    public var name: String
    public var score: Double

    public init(persona: String, name: String, score: Double) {
      self.persona = persona
      self.name = name
      self.score = score
    }
  }

  /// The persona the post is checked against (its key in `.siyu.yml`).
  public var persona: String
  /// Its display name.
  public var displayName: String
  /// Posts its profile was learned from.
  public var profilePosts: Int
  /// Every distance feature, largest |z| first.
  public var deviations: [StyleDeviation]
  /// Root mean square of the deviations' weights.
  public var distance: Double
  /// The persona's own posts' distances; nil when the profile has too few posts to say.
  public var ownDistances: StyleProfile.DistanceSpread?
  /// Attribution scores over every persona with a profile, best first (empty with one profile).
  public var scores: [Score]
  /// What the post showed.
  public var sample: StyleSample

  /// Largest |z| a single feature adds to the distance.
  static let cap = 6.0
  /// Smallest |z| for a feature to be named as a deviation.
  static let notable = 2.0
  /// How much better, per character, another persona must score before the post is said to read like it.
  static let attributionMargin = 0.05
  /// Shortest post judged: letters and digits, and clauses.
  static let minimumContent = 15
  static let minimumClauses = 2

  /// Whether `sample` is long enough to judge its style.
  public static func isJudgeable(_ sample: StyleSample) -> Bool {
    sample.contentCharacters >= minimumContent && sample.clauses >= minimumClauses
  }

  /// Compares `sample` with `profile`. `fit` is the sample's `StyleModel.fit` against the profile
  /// (nil when it has no characters). `attribution` scores, when given, fill `scores`.
  public init(
    sample: StyleSample, fit: Double?, profile: StyleProfile, persona: String, displayName: String,
    attribution: [Score] = []
  ) {
    self.persona = persona
    self.displayName = displayName
    profilePosts = profile.posts
    var deviations: [StyleDeviation] = []
    for feature in StyleFeature.distanceFeatures {
      if feature == .wording {
        if let fit { deviations.append(StyleDeviation(feature: .wording, value: fit, spread: profile.fit)) }
      } else if let spread = profile.spread(of: feature), let value = sample.value(of: feature) {
        deviations.append(StyleDeviation(feature: feature, value: value, spread: spread))
      }
    }
    distance =
      deviations.isEmpty
      ? 0
      : (deviations.reduce(0) { $0 + $1.weight } / Double(StyleFeature.distanceFeatures.count)).squareRoot()
    deviations.sort { $0.weight > $1.weight }
    self.deviations = deviations
    ownDistances = profile.distance
    scores = attribution.sorted { $0.score > $1.score }
    self.sample = sample
  }

  /// The post lies beyond the fence of the persona's own posts' distances.
  public var isOutOfStyle: Bool { ownDistances.map { distance > $0.fence } ?? false }

  /// The features to name: deviations of at least `notable`, at most three.
  public var notableDeviations: [StyleDeviation] {
    Array(deviations.filter { $0.weight >= Self.notable * Self.notable }.prefix(3))
  }

  /// Another persona the post reads more like than its own, by a clear margin.
  public var readsLike: Score? {
    guard let top = scores.first, top.persona != persona else { return nil }
    guard let own = scores.first(where: { $0.persona == persona }) else { return nil }
    return top.score - own.score >= Self.attributionMargin ? top : nil
  }

  /// persona/style's message, or nil when the post is in style and reads like its own persona.
  public var finding: String? {
    let named = notableDeviations
    let other = readsLike
    guard (isOutOfStyle && !named.isEmpty) || other != nil else { return nil }
    var parts: [String] = []
    if isOutOfStyle && !named.isEmpty {
      parts.append(
        "和「\(displayName)」以往帖子的风格差别大：" + named.map(\.message).joined(separator: "、"))
    }
    if let other {
      parts.append("读起来更像「\(other.name)」的帖子，不像「\(displayName)」")
    }
    return parts.joined(separator: "；") + "。照「\(displayName)」平时的口吻改一改"
  }

  /// A short human rendering, a few lines, for `siyu explain`.
  public func render() -> String {
    var out = "人设「\(displayName)」（\(persona)，画像来自 \(profilePosts) 条帖子）\n"
    let distanceText = String(format: "%.2f", distance)
    if let own = ownDistances {
      let verdict = isOutOfStyle ? "超出人设自己帖子的范围" : "在人设自己帖子的范围内"
      out +=
        "  风格距离 \(distanceText)（人设自己的帖子：中位 \(String(format: "%.2f", own.median))，上限 "
        + "\(String(format: "%.2f", own.fence))）：\(verdict)\n"
    } else {
      out += "  风格距离 \(distanceText)（画像帖子太少，无法判断范围）\n"
    }
    for deviation in deviations.prefix(4) {
      let z = String(format: "%+.1f", deviation.z)
      out +=
        "  \(deviation.feature.label)：本帖 \(deviation.feature.describe(deviation.value))，平时 "
        + "\(deviation.feature.describe(deviation.typical))（z \(z)）\n"
    }
    if !scores.isEmpty {
      let list = scores.prefix(3).map { "\($0.name) \(String(format: "%+.3f", $0.score))" }
      out += "  最像：\(list.joined(separator: "、"))\n"
    }
    return out
  }
}
