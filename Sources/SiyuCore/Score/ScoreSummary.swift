import Foundation

/// What `siyu score` learned about a batch of posts: counts per class, channel, day, week, hour of the
/// week, cap, rule and cue, persona voice per week, and the worst posts.
///
/// Every field is a count or a bounded best-first list, so the summaries of shards merge exactly
/// (`merge(_:)`): the merged summary of shards A and B equals the summary of A followed by B. It is
/// what `--summary json` prints and what the HTML report is drawn from.
public struct ScoreSummary: Codable, Sendable, Equatable {
  /// Posts and how many of them are hard-sell.
  public struct ClassCounts: Codable, Sendable, Equatable {
    public var posts: Int
    public var hardSell: Int

    public init(posts: Int = 0, hardSell: Int = 0) {
      self.posts = posts
      self.hardSell = hardSell
    }

    public mutating func add(_ other: ClassCounts) {
      posts += other.posts
      hardSell += other.hardSell
    }

    enum CodingKeys: String, CodingKey {
      case posts
      case hardSell = "hard_sell"
    }
  }

  /// One persona's posts in one week, and how many of them broke its voice (any `persona/*` finding).
  public struct PersonaWeek: Codable, Sendable, Equatable {
    public var posts: Int
    public var offVoice: Int

    public init(posts: Int = 0, offVoice: Int = 0) {
      self.posts = posts
      self.offVoice = offVoice
    }

    enum CodingKeys: String, CodingKey {
      case posts
      case offVoice = "off_voice"
    }
  }

  /// A post among the most hard-sell of the batch, with its reasons.
  public struct WorstPost: Codable, Sendable, Equatable {
    public struct Reason: Codable, Sendable, Equatable {
      public var rule: String
      public var message: String

      public init(rule: String, message: String) {
        self.rule = rule
        self.message = message
      }
    }

    /// The row's `id`, or `FILE#ROW` / the path.
    public var id: String
    public var channel: String
    public var persona: String?
    /// ISO 8601 in the configured time zone (the date alone for a date-only `publish_at`), nil when the
    /// post has no time.
    public var publishAt: String?
    public var probability: Double
    public var score: Double
    /// The start of the text (at most `ScoreSummary.excerptLength` characters).
    public var excerpt: String
    public var reasons: [Reason]

    public init(
      id: String, channel: String, persona: String?, publishAt: String?, probability: Double, score: Double,
      excerpt: String, reasons: [Reason]
    ) {
      self.id = id
      self.channel = channel
      self.persona = persona
      self.publishAt = publishAt
      self.probability = probability
      self.score = score
      self.excerpt = excerpt
      self.reasons = reasons
    }

    /// Worst first: higher probability, then higher score, then id (a total order, so merging is exact).
    public static func worseThan(_ a: WorstPost, _ b: WorstPost) -> Bool {
      if a.probability != b.probability { return a.probability > b.probability }
      if a.score != b.score { return a.score > b.score }
      return a.id < b.id
    }

    enum CodingKeys: String, CodingKey {
      case id, channel, persona, probability, score, excerpt, reasons
      case publishAt = "publish_at"
    }
  }

  /// The settings the summary was made with, which the report draws against.
  public struct Settings: Codable, Sendable, Equatable {
    /// IANA name of the time zone days, weeks and hours are counted in.
    public var timezone: String
    /// `caps.hard_sell_share.max` (0–1).
    public var hardSellShareMax: Double
    /// `caps.hard_sell_share.window` in seconds.
    public var hardSellShareWindow: Int

    public init(timezone: String, hardSellShareMax: Double, hardSellShareWindow: Int) {
      self.timezone = timezone
      self.hardSellShareMax = hardSellShareMax
      self.hardSellShareWindow = hardSellShareWindow
    }

    enum CodingKeys: String, CodingKey {
      case timezone
      case hardSellShareMax = "hard_sell_share_max"
      case hardSellShareWindow = "hard_sell_share_window"
    }
  }

  /// Version of this JSON shape.
  public static let formatVersion = 1
  /// How many worst posts are kept.
  public static let worstCount = 20
  /// Characters of text kept per worst post.
  public static let excerptLength = 80

  public var version: Int
  public var settings: Settings
  /// Posts scored.
  public var posts: Int
  /// Rows that could not be scored (skipped, reported on stderr), one per row however many problems it
  /// had, plus inputs that could not be read at all (a missing file, a CSV without a `text` column), one
  /// each.
  public var badRows: Int
  /// Hard-sell posts.
  public var hardSell: Int
  /// Per channel.
  public var channels: [String: ClassCounts]
  /// Per local day (`YYYY-MM-DD`), per channel.
  public var days: [String: [String: ClassCounts]]
  /// Per ISO week of the local day (`YYYY-Www`), per channel.
  public var weeks: [String: [String: ClassCounts]]
  /// Per channel: posts by local weekday (0 = Monday … 6 = Sunday) and hour (0–23), `[7][24]`. Posts with
  /// a date-only `publish_at` have no hour and are left out (see `dateOnlyPosts`).
  public var heatmap: [String: [[Int]]]
  /// Posts without `publish_at` (in no day, week or heat map).
  public var untimed: Int
  /// Per cap rule id: posts that broke it.
  public var caps: [String: Int]
  /// Per rule id (caps excluded): posts with at least one finding of it.
  public var rules: [String: Int]
  /// Per hard-sell or ad-law rule id: the text of each finding (digit runs written `N`) and how often it
  /// was found.
  public var cues: [String: [String: Int]]
  /// Per persona, per ISO week.
  public var personas: [String: [String: PersonaWeek]]
  /// The most hard-sell posts, worst first, at most `worstCount`.
  public var worst: [WorstPost]

  public init(settings: Settings) {
    version = Self.formatVersion
    self.settings = settings
    posts = 0
    badRows = 0
    hardSell = 0
    channels = [:]
    days = [:]
    weeks = [:]
    heatmap = [:]
    untimed = 0
    caps = [:]
    rules = [:]
    cues = [:]
    personas = [:]
    worst = []
  }

  enum CodingKeys: String, CodingKey {
    case version, settings, posts, channels, days, weeks, heatmap, untimed, caps, rules, cues, personas, worst
    case badRows = "bad_rows"
    case hardSell = "hard_sell"
  }

  /// Adds `other` (a summary of other posts made with the same settings) to this one.
  public mutating func merge(_ other: ScoreSummary) {
    posts += other.posts
    badRows += other.badRows
    hardSell += other.hardSell
    for (channel, counts) in other.channels { channels[channel, default: ClassCounts()].add(counts) }
    for (day, perChannel) in other.days {
      for (channel, counts) in perChannel {
        days[day, default: [:]][channel, default: ClassCounts()].add(counts)
      }
    }
    for (week, perChannel) in other.weeks {
      for (channel, counts) in perChannel {
        weeks[week, default: [:]][channel, default: ClassCounts()].add(counts)
      }
    }
    for (channel, grid) in other.heatmap {
      var mine = heatmap[channel] ?? Self.emptyGrid
      for day in 0..<7 where day < grid.count {
        for hour in 0..<24 where hour < grid[day].count { mine[day][hour] += grid[day][hour] }
      }
      heatmap[channel] = mine
    }
    untimed += other.untimed
    for (rule, count) in other.caps { caps[rule, default: 0] += count }
    for (rule, count) in other.rules { rules[rule, default: 0] += count }
    for (rule, texts) in other.cues {
      for (text, count) in texts { cues[rule, default: [:]][text, default: 0] += count }
    }
    for (persona, perWeek) in other.personas {
      for (week, counts) in perWeek {
        personas[persona, default: [:]][week, default: PersonaWeek()].posts += counts.posts
        personas[persona, default: [:]][week, default: PersonaWeek()].offVoice += counts.offVoice
      }
    }
    for post in other.worst { offerWorst(post) }
  }

  /// Keeps `post` if it is among the `worstCount` worst seen.
  public mutating func offerWorst(_ post: WorstPost) {
    guard mightBeWorst(probability: post.probability, score: post.score, id: post.id) else { return }
    if worst.contains(post) { return }
    let index = worst.firstIndex { WorstPost.worseThan(post, $0) } ?? worst.count
    worst.insert(post, at: index)
    if worst.count > Self.worstCount { worst.removeLast() }
  }

  /// Whether a post with these numbers and id would enter `worst` (a cheap test before building its
  /// reasons): the order of `WorstPost.worseThan`, ties on both numbers broken by id, so a repost of a
  /// post already at the end of a full list is not re-checked.
  public func mightBeWorst(probability: Double, score: Double, id: String) -> Bool {
    guard worst.count >= Self.worstCount, let last = worst.last else { return true }
    if probability != last.probability { return probability > last.probability }
    if score != last.score { return score > last.score }
    return id < last.id
  }

  /// Timed posts left out of `heatmap` because their `publish_at` is a date alone. Derived, not stored:
  /// every post with `publish_at` is counted once in `days` and, when its time of day is known, once in
  /// `heatmap`, so the difference is exact, in merged summaries too (and 0 in summaries made before
  /// date-only values were told apart, which drew them at hour 0).
  public var dateOnlyPosts: Int {
    var dayCount = 0
    for perChannel in days.values { for counts in perChannel.values { dayCount += counts.posts } }
    var hourCount = 0
    for grid in heatmap.values { for row in grid { for cell in row { hourCount += cell } } }
    return max(0, dayCount - hourCount)
  }

  /// A grid of zeros for `heatmap`.
  public static var emptyGrid: [[Int]] { Array(repeating: Array(repeating: 0, count: 24), count: 7) }

  /// The top `limit` cues over every rule, most frequent first (ties by rule, then text).
  public func topCues(_ limit: Int) -> [(rule: String, text: String, count: Int)] {
    var all: [(rule: String, text: String, count: Int)] = []
    for (rule, texts) in cues { for (text, count) in texts { all.append((rule, text, count)) } }
    all.sort { ($1.count, $0.rule, $0.text) < ($0.count, $1.rule, $1.text) }
    return Array(all.prefix(limit))
  }
}
