/// `caps:` in `.siyu.yml`: how often a team may post, per channel and overall.
public struct CapsSettings: Sendable, Equatable {
  /// Limits for one channel. A nil field means no limit of that kind.
  public struct Channel: Sendable, Equatable {
    /// Posts per calendar day (in the configured time zone).
    public var perDay: Int?
    /// Hard-sell posts per calendar day.
    public var hardSellPerDay: Int?
    /// Minimum time between two posts, in seconds.
    public var minGap: Int?
    /// Hours in which nothing should be published.
    public var quietHours: QuietHours?

    /// Limits as given; all nil means the channel is unlimited.
    public init(
      perDay: Int? = nil, hardSellPerDay: Int? = nil, minGap: Int? = nil, quietHours: QuietHours? = nil
    ) {
      self.perDay = perDay
      self.hardSellPerDay = hardSellPerDay
      self.minGap = minGap
      self.quietHours = quietHours
    }
  }

  /// `hard_sell_share`: at most `max` of the posts in any `window` may be hard-sell.
  public struct HardSellShare: Sendable, Equatable {
    /// Largest allowed share of hard-sell posts, 0–1.
    public var max: Double
    /// Window length in seconds.
    public var window: Int

    /// The share limit; default at most 30% hard-sell over 7 days.
    public init(max: Double = 0.3, window: Int = 7 * 86_400) {
      self.max = max
      self.window = window
    }
  }

  /// `duplicate`: a post this similar to one published within `window` is a near-duplicate.
  public struct Duplicate: Sendable, Equatable {
    /// Window length in seconds.
    public var window: Int
    /// Similarity (0–1) at or above which two posts count as duplicates.
    public var similarity: Double

    /// The duplicate check; default similarity 0.85 within 30 days.
    public init(window: Int = 30 * 86_400, similarity: Double = 0.85) {
      self.window = window
      self.similarity = similarity
    }
  }

  /// Limits per channel name (`moments`, `group`, or any configured channel).
  public var channels: [String: Channel]
  public var hardSellShare: HardSellShare
  public var duplicate: Duplicate

  /// The built-in limits for `moments` and `group`.
  public static let defaultChannels: [String: Channel] = [
    "moments": Channel(
      perDay: 3, hardSellPerDay: 1, minGap: 2 * 3_600, quietHours: QuietHours(start: 22 * 60, end: 8 * 60)),
    "group": Channel(perDay: 3, hardSellPerDay: 1, minGap: 3_600),
  ]

  /// Caps as given; the defaults are SPEC.md's.
  public init(
    channels: [String: Channel] = CapsSettings.defaultChannels,
    hardSellShare: HardSellShare = HardSellShare(),
    duplicate: Duplicate = Duplicate()
  ) {
    self.channels = channels
    self.hardSellShare = hardSellShare
    self.duplicate = duplicate
  }

  /// The limits for `channel`; an unconfigured channel is unlimited.
  public func limits(for channel: String) -> Channel {
    channels[channel] ?? Channel()
  }

  /// Channel names in output order: `moments`, `group`, then the others sorted.
  public var orderedChannelNames: [String] {
    let builtin = ["moments", "group"].filter { channels[$0] != nil }
    return builtin + channels.keys.filter { !builtin.contains($0) }.sorted()
  }
}
