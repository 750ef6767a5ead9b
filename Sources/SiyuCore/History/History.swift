import Foundation

/// Every post that counts for the caps, old and new, gathered once ("collect, then judge"): the history
/// (posts matched by `.siyu.yml`'s `history` globs, or the git index with `--staged`) and the drafts
/// being checked, which replace their own old versions.
///
/// Posts are grouped into streams: one per channel, persona and group (a group post with `group` set
/// counts against that 群 only; a persona is its own account). Within a stream, posts are ordered by
/// time, then path. Posts without `publish_at` are in no stream. A date-only `publish_at` is ordered at its
/// day's midnight, before any timed post of that day (a timed post at exactly midnight included).
public struct History: Sendable {
  /// One post.
  public struct Entry: Sendable {
    /// How the post is named in messages: its path, or `FILE#ROW`.
    public var path: String
    public var facts: PostFacts
    /// The index of the draft among the posts being checked; nil for a history post.
    public var draft: Int?

    public init(path: String, facts: PostFacts, draft: Int? = nil) {
      self.path = path
      self.facts = facts
      self.draft = draft
    }
  }

  /// Which stream a post belongs to.
  public struct StreamKey: Hashable, Sendable {
    public var channel: String
    public var group: String?
    public var persona: String?
  }

  public let entries: [Entry]
  public let timezone: TimeZone
  /// Entry indices per stream, ordered by (time, date-only first, draft after history, path).
  public let streams: [StreamKey: [Int]]
  /// Entry index of each draft, by draft index.
  public let draftEntries: [Int: Int]

  public init(entries: [Entry], timezone: TimeZone) {
    self.entries = entries
    self.timezone = timezone
    var streams: [StreamKey: [Int]] = [:]
    var drafts: [Int: Int] = [:]
    var times = [Double](repeating: 0, count: entries.count)
    var draftOrder = [Int](repeating: -1, count: entries.count)
    var timed = [Bool](repeating: true, count: entries.count)
    for (index, entry) in entries.enumerated() {
      if let draft = entry.draft {
        drafts[draft] = index
        draftOrder[index] = draft
      }
      guard let time = entry.facts.publishAt else { continue }
      times[index] = time.timeIntervalSince1970
      timed[index] = !entry.facts.publishDateOnly
      streams[Self.key(entry.facts), default: []].append(index)
    }
    // Sort by keys in flat arrays: comparing entries themselves copies them (retain/release per field).
    for key in streams.keys {
      streams[key]?.sort { a, b in
        if times[a] != times[b] { return times[a] < times[b] }
        if timed[a] != timed[b] { return !timed[a] }
        if draftOrder[a] != draftOrder[b] { return draftOrder[a] < draftOrder[b] }
        return entries[a].path < entries[b].path
      }
    }
    self.streams = streams
    draftEntries = drafts
  }

  static func key(_ facts: PostFacts) -> StreamKey {
    StreamKey(channel: facts.channel, group: facts.group, persona: facts.persona)
  }

  /// The order within a stream: by time, then date-only before timed, then history before drafts, then
  /// path.
  static func precedes(_ a: Entry, _ b: Entry) -> Bool {
    let ta = a.facts.publishAt ?? .distantPast
    let tb = b.facts.publishAt ?? .distantPast
    if ta != tb { return ta < tb }
    if a.facts.publishDateOnly != b.facts.publishDateOnly { return a.facts.publishDateOnly }
    let da = a.draft ?? -1
    let db = b.draft ?? -1
    if da != db { return da < db }
    return a.path < b.path
  }

  /// The posts of `entry`'s stream, in order (empty when it has no time).
  public func stream(of entry: Int) -> [Int] {
    guard entries[entry].facts.publishAt != nil else { return [] }
    return streams[Self.key(entries[entry].facts)] ?? []
  }

  /// Whether `other` counts against draft `entry`: every history post does, and a draft does when it
  /// comes before (so of two drafts that clash, the later one is flagged).
  public func countsAgainst(_ other: Int, draft entry: Int) -> Bool {
    guard other != entry else { return false }
    return entries[other].draft == nil || Self.precedes(entries[other], entries[entry])
  }

  /// The posts of `entry`'s stream published within `[from, to]` (inclusive) that count against it.
  public func others(of entry: Int, from: Date, to: Date) -> [Int] {
    let stream = stream(of: entry)
    // First index at or after `from` (the stream is sorted by time).
    var low = 0
    var high = stream.count
    while low < high {
      let mid = (low + high) / 2
      if (entries[stream[mid]].facts.publishAt ?? .distantPast) < from { low = mid + 1 } else { high = mid }
    }
    var result: [Int] = []
    var i = low
    while i < stream.count, let time = entries[stream[i]].facts.publishAt, time <= to {
      if countsAgainst(stream[i], draft: entry) { result.append(stream[i]) }
      i += 1
    }
    return result
  }

  /// Calendar day number (days since 1970-01-01 in the configured time zone) of `date`.
  public func day(of date: Date) -> Int {
    ScoreCalendar(timezone: timezone).dayAndMinute(date).day
  }

  /// Minutes after local midnight of `date`.
  public func minuteOfDay(_ date: Date) -> Int {
    ScoreCalendar(timezone: timezone).dayAndMinute(date).minute
  }

  /// The first instant of `date`'s local day and of the next one.
  public func dayBounds(of date: Date) -> (Date, Date) {
    let offset = timezone.secondsFromGMT(for: date)
    let start = Date(timeIntervalSince1970: TimeInterval(day(of: date) * 86_400 - offset))
    return (start, start.addingTimeInterval(86_400 - 0.001))
  }
}
