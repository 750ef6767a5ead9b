import Foundation

/// Gathers the analysed history ("collect, then judge"): for each history file the `PostFacts` of its
/// posts, from the cache when its key (git blob id or content hash) is there, else by reading and
/// linting it. Remembers what it used, so the cache it hands back holds exactly the current history.
public final class HistoryCollector {
  /// One file of the history.
  public struct Source: Sendable {
    /// How the file is named in messages (relative path).
    public var id: String
    /// Absolute path, stored in its posts for `overrides` globs.
    public var path: String
    /// Cache key: `blob:<id>` or `content:<hash>`.
    public var key: String

    public init(id: String, path: String, key: String) {
      self.id = id
      self.path = path
      self.key = key
    }
  }

  private let linter: Linter
  private let defaults: PostDefaults
  private let old: HistoryCache?
  private var fresh: HistoryCache
  /// Files that were read and linted rather than taken from the cache.
  public private(set) var analysed = 0
  /// `PATH:LINE: message` for history files that could not be read (they do not count).
  public private(set) var warnings: [String] = []

  /// `cache` is the loaded cache, if any; `fingerprint` the one the new cache gets.
  public init(linter: Linter, configuration: Configuration, cache: HistoryCache?, fingerprint: String) {
    self.linter = linter
    defaults = configuration.postDefaults
    old = cache
    fresh = HistoryCache(fingerprint: fingerprint)
  }

  /// The cache to write: every source seen in this run, nothing else.
  public var cache: HistoryCache { fresh }

  /// Whether the cache on disk differs from `cache` (something new was analysed or something dropped).
  public var cacheChanged: Bool { analysed > 0 || old?.entries.count != fresh.entries.count }

  /// The history entries of `sources`. `read` is called once with the sources missing from the cache
  /// and returns their bytes by key.
  public func entries<E: Error>(
    _ sources: [Source], read: ([Source]) throws(E) -> [String: [UInt8]]
  ) throws(E) -> [History.Entry] {
    let missing = sources.filter { old?[$0.key] == nil && fresh[$0.key] == nil }
    let contents = missing.isEmpty ? [:] : try read(missing)
    var entries: [History.Entry] = []
    entries.reserveCapacity(sources.count)
    for source in sources {
      let items: [HistoryCache.Item]
      if let cached = fresh[source.key] ?? old?[source.key] {
        items = cached
        fresh[source.key] = items
      } else if let bytes = contents[source.key] {
        let (read, clean) = analyse(source, bytes: bytes)
        items = read
        analysed += 1
        if clean { fresh[source.key] = items }
      } else {
        warnings.append("\(source.id): 无法读取（历史帖子，未计入发布频率）")
        continue
      }
      for item in items { entries.append(History.Entry(path: source.id + item.suffix, facts: item.facts)) }
    }
    return entries
  }

  /// Reads and lints one history file. Files with problems are not cached, so they are reported again.
  private func analyse(_ source: Source, bytes: [UInt8]) -> ([HistoryCache.Item], Bool) {
    let (posts, problems, _) = PostReader.readPosts(
      bytes: bytes, id: source.id, path: source.path, defaults: defaults)
    for problem in problems { warnings.append("\(problem.description)（历史帖子，未计入发布频率）") }
    let items = posts.map { post in
      let report = linter.check(post)
      return HistoryCache.Item(
        suffix: String(post.id.dropFirst(source.id.count)), facts: PostFacts(post: post, report: report))
    }
    return (items, problems.isEmpty)
  }
}
