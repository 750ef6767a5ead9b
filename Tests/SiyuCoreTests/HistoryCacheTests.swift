import Foundation
import Testing

@testable import SiyuCore

@Suite struct HistoryCacheTests {
  static func sample() -> HistoryCache {
    var cache = HistoryCache(fingerprint: "fp1")
    cache["blob:abc"] = [
      .init(
        suffix: "",
        facts: PostFacts(
          channel: "moments", group: nil, persona: "xiaoli",
          publishAt: Date(timeIntervalSince1970: 1_795_000_000),
          hardSell: true, signature: MinHash(units: "冬天手干裂怎么办".utf16)))
    ]
    cache["content:def"] = [
      .init(
        suffix: "#2",
        facts: PostFacts(
          channel: "group", group: "宝妈群", persona: nil, publishAt: nil, hardSell: false,
          signature: MinHash(units: "".utf16)))
    ]
    return cache
  }

  @Test func roundTrips() throws {
    let cache = Self.sample()
    let decoded = try #require(HistoryCache.decode(cache.encode(), fingerprint: "fp1"))
    #expect(decoded.entries == cache.entries)
  }

  @Test func anotherFingerprintIsNotReused() {
    #expect(HistoryCache.decode(Self.sample().encode(), fingerprint: "fp2") == nil)
  }

  @Test func corruptOrTruncatedCachesAreIgnored() {
    let data = Self.sample().encode()
    #expect(HistoryCache.decode(Data("garbage".utf8), fingerprint: "fp1") == nil)
    #expect(HistoryCache.decode(data.prefix(data.count - 9), fingerprint: "fp1") == nil)
    for offset in stride(from: 0, to: data.count, by: 7) {
      var flipped = data
      flipped[offset] ^= 0x5A
      #expect(HistoryCache.decode(flipped, fingerprint: "fp1") == nil, "flipped byte \(offset) accepted")
    }
  }

  @Test func corruptCacheFileIsRebuiltByTheCollector() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("history-cache").path
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("SIYUHC not really a cache".utf8).write(to: URL(fileURLWithPath: path))
    #expect(HistoryCache.load(path: path, fingerprint: "fp") == nil)
    let linter = try Linter(rules: [], configuration: Configuration())
    let collector = HistoryCollector(
      linter: linter, configuration: Configuration(), cache: nil, fingerprint: "fp")
    let source = HistoryCollector.Source(id: "posts/a.md", path: "/x/posts/a.md", key: "content:1")
    let text = "---\nchannel: moments\npublish_at: 2026-11-24T09:00+08:00\n---\n早安\n"
    let entries = collector.entries([source]) { _ in ["content:1": Array(text.utf8)] }
    #expect(entries.count == 1 && collector.analysed == 1 && collector.cacheChanged)
    collector.cache.save(path: path)
    let reloaded = try #require(HistoryCache.load(path: path, fingerprint: "fp"))
    #expect(reloaded["content:1"]?.first?.facts.channel == "moments")
    // A second run takes the post from the cache without reading it.
    let again = HistoryCollector(
      linter: linter, configuration: Configuration(), cache: reloaded, fingerprint: "fp")
    let cached = again.entries([source]) { missing in
      Issue.record("read \(missing.map(\.id)) although cached")
      return [:]
    }
    #expect(cached.count == 1 && again.analysed == 0 && !again.cacheChanged)
  }

  @Test func minHashEstimatesSimilarity() {
    let a = MinHash(units: "冬天手干裂怎么办？分享三个小方法：洗手后马上涂护手霜，晚上厚涂再戴棉手套，洗碗一定戴手套。".utf16)
    let b = MinHash(units: "冬天手干裂怎么办？分享三个小方法：洗手后马上涂护手霜，晚上厚涂再戴棉手套，洗碗一定戴手套！！🔥".utf16)
    let c = MinHash(units: "今天聊聊防晒：阴天也有紫外线，出门前二十分钟涂，两三个小时补一次。".utf16)
    #expect(a.similarity(b) == 1)
    #expect(a.similarity(c) < 0.2)
    #expect(a.isSimilar(b, threshold: 0.85).0 && !a.isSimilar(c, threshold: 0.85).0)
    #expect(MinHash(units: "🔥🔥！！".utf16).isEmpty)
    #expect(a.similarity(MinHash(units: "".utf16)) == 0)
  }
}
