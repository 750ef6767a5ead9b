import Foundation
import SiyuRules
import SiyuText
import Testing

@testable import SiyuCore

/// A date-only `publish_at` (`2026-11-25`) means "that day, time of day not known yet": it counts for the
/// day and window caps (at its midnight, before the timed posts of its day) but is not judged by, nor
/// measured against in, the time-of-day caps (`cap/quiet-hours`, `cap/gap`); `siyu score` writes the date
/// alone and leaves it out of the hour-of-day heat map.
@Suite struct DateOnlyPublishTests {
  static let shanghai = PostDefaults.defaultTimezone

  // MARK: Inputs (FrontMatterDateTests has the parsing itself)

  @Test func everyInputCarriesTheFlag() throws {
    let file = try FrontMatter.post(
      from: "---\npublish_at: 2026-11-25\n---\n早安\n", id: "a.md", path: nil, defaults: PostDefaults()
    ).get()
    #expect(file.publishDateOnly && file.publishAt != nil)
    let timed = try FrontMatter.post(
      from: "---\npublish_at: 2026-11-25 09:00\n---\n早安\n", id: "b.md", path: nil, defaults: PostDefaults()
    ).get()
    #expect(!timed.publishDateOnly && timed.publishAt != nil)

    let rows = try Self.posts(
      """
      {"text":"早安","publish_at":"2026-11-25"}
      {"text":"午安","publish_at":"2026-11-25T12:00+08:00"}
      {"text":"晚安"}
      """)
    #expect(rows.map(\.publishDateOnly) == [true, false, false])

    let csv = try TextInput(
      bytes: Array("text,publish_at\n早安,2026-11-25\n午安,2026-11-25 12:00\n".utf8), name: "x.csv")
    let (csvRows, problems) = BatchReader.readCSV(csv, file: "x.csv", path: nil, defaults: PostDefaults())
    #expect(problems.isEmpty)
    #expect(csvRows.map(\.publishDateOnly) == [true, false])

    // `--at` gives the defaults; a row's own timed publish_at replaces both the time and the flag.
    let at = try #require(FrontMatterDate.parseValue("2026-11-25", timezone: Self.shanghai))
    let defaults = PostDefaults(publishAt: at.date, publishDateOnly: at.dateOnly)
    let fromDefaults = try FrontMatter.post(from: "早安\n", id: "-", path: nil, defaults: defaults).get()
    #expect(fromDefaults.publishDateOnly && fromDefaults.publishAt == at.date)
    let own = try FrontMatter.post(
      from: "---\npublish_at: 2026-11-25T09:00+08:00\n---\n早安\n", id: "-", path: nil, defaults: defaults
    ).get()
    #expect(!own.publishDateOnly)
    let input = try TextInput(bytes: Array(#"{"text":"早安"}"#.utf8), name: "x.jsonl")
    let (defaultRows, _) = BatchReader.readJSONLines(input, file: "x.jsonl", path: nil, defaults: defaults)
    #expect(defaultRows.map(\.publishDateOnly) == [true])
  }

  // MARK: Caps

  /// The posts of a JSON Lines batch.
  static func posts(_ jsonl: String) throws -> [Post] {
    let input = try TextInput(bytes: Array(jsonl.utf8), name: "h.jsonl")
    let (posts, problems) = BatchReader.readJSONLines(
      input, file: "h.jsonl", path: nil, defaults: PostDefaults())
    #expect(problems.isEmpty, "\(problems)")
    return posts
  }

  /// The cap findings (rule id, message) of each post of `jsonl`, every row a draft, as `siyu check` judges
  /// them with moments capped at `perDay` a day, a 2-hour gap and quiet hours 22:00-08:00.
  static func caps(_ jsonl: String, perDay: Int = 5) throws -> [[(rule: String, message: String)]] {
    var configuration = Configuration()
    configuration.caps.channels["moments"] = CapsSettings.Channel(
      perDay: perDay, minGap: 2 * 3_600, quietHours: QuietHours("22:00-08:00"))
    let linter = try Linter(rules: BuiltinRules.all, configuration: configuration)
    let drafts = try posts(jsonl)
    var reports = drafts.map { linter.check($0) }
    HistoryCheck.apply(drafts: drafts, reports: &reports, history: [], linter: linter, rules: CapRules.all)
    return reports.map { report in
      report.findings.filter { $0.finding.rule.hasPrefix("cap/") }.map {
        ($0.finding.rule, $0.finding.message)
      }
    }
  }

  @Test func twoDateOnlyPostsOnOneDayCountPerDayButNotForTimeOfDay() throws {
    let found = try Self.caps(
      """
      {"text":"分享一个护肤小技巧：洗脸水温别太高。","channel":"moments","publish_at":"2026-11-25"}
      {"text":"回答大家问得最多的问题：敏感肌怎么选面霜。","channel":"moments","publish_at":"2026-11-25"}
      """, perDay: 1)
    #expect(found[0].isEmpty, "\(found[0])")
    #expect(found[1].map(\.rule) == ["cap/daily"], "\(found[1])")
    // Neither quiet hours (midnight is only a stand-in) nor a 0-minute gap.
    #expect(!found.joined().contains { $0.rule == "cap/quiet-hours" || $0.rule == "cap/gap" })
    // The post already on that day is listed without a made-up 00:00.
    #expect(found[1].first?.message == "朋友圈 11月25日第 2 条，超过每日上限 1 条（h.jsonl#1 时间未定）")
  }

  @Test func aTimedPostRightAfterADateOnlyPostIsNoGap() throws {
    let found = try Self.caps(
      """
      {"text":"分享一个护肤小技巧：洗脸水温别太高。","channel":"moments","publish_at":"2026-11-25"}
      {"text":"回答大家问得最多的问题：敏感肌怎么选面霜。","channel":"moments","publish_at":"2026-11-25T08:30+08:00"}
      """)
    #expect(found.allSatisfy { $0.isEmpty }, "\(found)")
  }

  @Test func gapComparesTheNearestTimedPostsPastADateOnlyOne() throws {
    // 09:00 and 10:00 are an hour apart whatever sits between them; the date-only post is not named.
    let found = try Self.caps(
      """
      {"text":"早安，今天聊聊冬天怎么护手。","channel":"moments","publish_at":"2026-11-25T09:00+08:00"}
      {"text":"分享一个护肤小技巧：洗脸水温别太高。","channel":"moments","publish_at":"2026-11-25"}
      {"text":"回答大家问得最多的问题：敏感肌怎么选面霜。","channel":"moments","publish_at":"2026-11-25T10:00+08:00"}
      """)
    #expect(found[0].isEmpty && found[1].isEmpty, "\(found)")
    #expect(
      found[2].map(\.message) == ["朋友圈 10:00 与相邻帖子只隔 1 小时，至少间隔 2 小时（h.jsonl#1 11月25日 09:00）"])
  }

  @Test func aTimedMidnightPostStillTripsQuietHours() throws {
    let found = try Self.caps(
      """
      {"text":"分享一个护肤小技巧：洗脸水温别太高。","channel":"moments","publish_at":"2026-11-25T00:00+08:00"}
      """)
    #expect(found[0].map(\.rule) == ["cap/quiet-hours"])
    #expect(found[0].first?.message == "朋友圈 00:00 在免打扰时段 22:00-08:00 内，会打扰粉丝休息")
  }

  @Test func aDateOnlyPostSortsBeforeTheTimedPostsOfItsDay() throws {
    // Same instant (midnight): the date-only post comes first whatever the input order, so the timed one
    // is the second of the day and gets cap/daily.
    let found = try Self.caps(
      """
      {"text":"分享一个护肤小技巧：洗脸水温别太高。","channel":"moments","publish_at":"2026-11-25T00:00+08:00"}
      {"text":"回答大家问得最多的问题：敏感肌怎么选面霜。","channel":"moments","publish_at":"2026-11-25"}
      """, perDay: 1)
    #expect(found[0].map(\.rule).sorted() == ["cap/daily", "cap/quiet-hours"], "\(found)")
    #expect(found[1].isEmpty, "\(found)")
  }

  @Test func theHistoryCacheKeepsTheFlag() throws {
    var cache = HistoryCache(fingerprint: "fp")
    let facts = PostFacts(
      channel: "moments", group: nil, persona: nil, publishAt: Date(timeIntervalSince1970: 1_795_000_000),
      publishDateOnly: true, hardSell: false, signature: MinHash(units: "早安".utf16))
    cache["blob:1"] = [.init(suffix: "", facts: facts)]
    let decoded = try #require(HistoryCache.decode(cache.encode(), fingerprint: "fp"))
    #expect(decoded["blob:1"]?.first?.facts.publishDateOnly == true)
    #expect(decoded.entries == cache.entries)
    #expect(facts.timedPublishAt == nil)
  }

  // MARK: Score

  static func scored(_ text: String, publishAt: String?) throws -> ScoredPost {
    var post = Post(id: "x.jsonl#1", text: text, channel: "moments")
    if let publishAt {
      let value = try #require(FrontMatterDate.parseValue(publishAt, timezone: Self.shanghai))
      post.publishAt = value.date
      post.publishDateOnly = value.dateOnly
    }
    return ScoredPost(
      post: post,
      report: PostReport(
        path: post.id, verdict: Verdict(class: .value, probability: 0.1, score: 0), findings: []))
  }

  @Test func scoreRowsWriteTheDateAlone() throws {
    let calendar = ScoreCalendar(timezone: Self.shanghai)
    func row(_ post: ScoredPost, _ format: ScoreRowFormat) -> String {
      var out: [UInt8] = []
      format.append(post, calendar: calendar, to: &out)
      return String(decoding: out, as: UTF8.self)
    }
    let day = try Self.scored("早安", publishAt: "2026-11-25")
    #expect(row(day, .csv) == "x.jsonl#1,x.jsonl#1,moments,,,2026-11-25,value,0.1,0,,,\n")
    #expect(row(day, .jsonl).contains(#""publish_at":"2026-11-25","#))
    let midnight = try Self.scored("早安", publishAt: "2026-11-25T00:00")
    #expect(row(midnight, .csv).contains(",2026-11-25T00:00:00+08:00,"))
  }

  @Test func summariesLeaveDateOnlyPostsOutOfTheHeatMap() throws {
    let calendar = ScoreCalendar(timezone: Self.shanghai)
    var summary = ScoreSummary(
      settings: .init(timezone: "Asia/Shanghai", hardSellShareMax: 0.3, hardSellShareWindow: 7 * 86_400))
    for time in ["2026-11-25", "2026-11-25", "2026-11-25T09:00+08:00"] {
      summary.add(try Self.scored("早安", publishAt: time), calendar: calendar)
    }
    summary.add(try Self.scored("早安", publishAt: nil), calendar: calendar)
    #expect(summary.days["2026-11-25"]?["moments"]?.posts == 3)
    #expect(summary.weeks["2026-W48"]?["moments"]?.posts == 3)
    let grid = try #require(summary.heatmap["moments"])
    #expect(grid.joined().reduce(0, +) == 1)
    #expect(grid[2][9] == 1, "Wednesday 09:00; nothing at hour 0")
    #expect(summary.dateOnlyPosts == 2 && summary.untimed == 1)
    #expect(summary.text().contains("只有发布日期、没有钟点：2 条"))

    // Merging keeps the count exact.
    var merged = summary
    merged.merge(summary)
    #expect(merged.dateOnlyPosts == 4)

    let html = HTMLReport.render(summary)
    #expect(html.contains("另有 2 条帖子的 publish_at 只有日期、没有钟点，不在图中。"))

    var onlyDays = ScoreSummary(settings: summary.settings)
    onlyDays.add(try Self.scored("早安", publishAt: "2026-11-25"), calendar: calendar)
    #expect(onlyDays.heatmap.isEmpty && onlyDays.dateOnlyPosts == 1)
    #expect(HTMLReport.render(onlyDays).contains("帖子的 publish_at 都只有日期、没有钟点，画不出发帖时段。"))
  }
}
