import Foundation

/// The caps of `siyu score`: "collect, then judge" over a stream of scored posts, with bounded memory.
///
/// Posts arrive in input order and wait in a chunk; a full chunk is judged with the history rules
/// against itself and the earlier posts still inside the longest cap window (`horizon`), then released
/// in input order with their `caps` filled in. A chunk holds at least `minimumChunk` posts (and at least as
/// many as are retained, so judging stays O(n log n) overall): an export of that size is judged as a
/// whole, in any order. Longer exports must come in time order (as exports do) for the caps to be exact;
/// posts that arrive after later-timed posts were already judged are counted in `lateArrivals`.
public final class CapStage {
  private let rules: [any HistoryRule]
  private let configuration: Configuration
  private let minimumChunk: Int
  private let horizon: TimeInterval
  /// Re-checks a post that has suppressions with its cap hits, so the suppressions apply.
  private let recheck: (Post, [HistoryHit]) -> PostReport
  private var pending: [ScoredPost] = []
  private var retained: [History.Entry] = []
  private var pendingStart = 0
  private var judgedUntil: Date?
  private var latest: Date?
  /// Posts that arrived after posts of a later time had already been judged.
  public private(set) var lateArrivals = 0

  /// Whether the duplicate cap can judge `post` (so its signature is worth computing): a timed post of a
  /// capped channel.
  public static func needsSignature(_ post: Post, configuration: Configuration) -> Bool {
    post.publishAt != nil && configuration.caps.channels[post.channel] != nil
      && configuration.caps.duplicate.window > 0
  }

  public init(
    rules: [any HistoryRule], configuration: Configuration, minimumChunk: Int = 50_000,
    recheck: @escaping (Post, [HistoryHit]) -> PostReport
  ) {
    self.rules = rules
    self.configuration = configuration
    self.minimumChunk = max(1, minimumChunk)
    self.recheck = recheck
    let caps = configuration.caps
    let gaps = caps.channels.values.compactMap(\.minGap)
    horizon =
      TimeInterval(
        ([86_400 + 3_600, caps.hardSellShare.window, caps.duplicate.window] + gaps).max() ?? 86_400) + 1
  }

  /// Adds the next post; returns the posts whose caps are now final, in input order.
  public func add(_ post: consuming ScoredPost) -> [ScoredPost] {
    pending.append(post)
    guard pending.count >= max(minimumChunk, retained.count) else { return [] }
    return judge()
  }

  /// Judges what is left; returns it in input order.
  public func finish() -> [ScoredPost] {
    pending.isEmpty ? [] : judge()
  }

  private static let noSignature = MinHash.empty

  private func judge() -> [ScoredPost] {
    var entries = retained
    var chunkLatest: Date?
    for (offset, post) in pending.enumerated() {
      guard let time = post.publishAt else { continue }
      if let judgedUntil, time < judgedUntil { lateArrivals += 1 }
      if chunkLatest.map({ time > $0 }) ?? true { chunkLatest = time }
      let facts = PostFacts(
        channel: post.channel, group: post.group, persona: post.persona, publishAt: time,
        publishDateOnly: post.publishDateOnly, hardSell: post.verdict.class == .hardSell,
        signature: post.signature ?? Self.noSignature)
      entries.append(History.Entry(path: post.source, facts: facts, draft: pendingStart + offset))
    }
    var released = pending
    if entries.count > retained.count {
      let history = History(entries: entries, timezone: configuration.timezone)
      for (draft, hits) in history.judge(rules, caps: configuration.caps, from: pendingStart) {
        let index = draft - pendingStart
        released[index].caps = capIDs(released[index], hits: hits)
      }
    }
    if let chunkLatest, latest.map({ chunkLatest > $0 }) ?? true { latest = chunkLatest }
    judgedUntil = latest
    if let latest {
      let cutoff = latest - horizon
      retained = entries.filter { ($0.facts.publishAt ?? .distantPast) >= cutoff }
    }
    pendingStart += pending.count
    pending.removeAll(keepingCapacity: true)
    for index in released.indices where released[index].post != nil { released[index].post = nil }
    return released
  }

  /// The ids of the cap rules that `hits` report on `post` after levels, overrides and suppressions.
  private func capIDs(_ post: ScoredPost, hits: [HistoryHit]) -> [String] {
    if let full = post.post {
      var ids: [String] = []
      for located in recheck(full, hits).findings where located.finding.rule.hasPrefix("cap/") {
        if !ids.contains(located.finding.rule) { ids.append(located.finding.rule) }
      }
      return ids
    }
    var ids: [String] = []
    for hit in hits where !ids.contains(hit.rule.id) {
      let level = configuration.level(for: hit.rule, postPath: post.path, channel: post.channel)
      if level.severity != nil { ids.append(hit.rule.id) }
    }
    return ids
  }
}
