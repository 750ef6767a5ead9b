import Foundation
import SiyuRules
import Testing

@testable import SiyuCore

@Suite struct CivilDateTests {
  @Test func isoWeeksAtYearEdges() {
    func week(_ y: Int, _ m: Int, _ d: Int) -> String {
      CivilDate.isoWeek(days: CivilDate.days(year: y, month: m, day: d))
    }
    #expect(week(2026, 11, 24) == "2026-W48")
    #expect(week(2021, 1, 1) == "2020-W53")
    #expect(week(2024, 12, 30) == "2025-W01")
    #expect(week(2026, 1, 1) == "2026-W01")
    #expect(week(2027, 1, 3) == "2026-W53")
  }

  @Test func daysRoundTripAndWeekdays() {
    for days in stride(from: -800_000, through: 800_000, by: 997) {
      let date = CivilDate(days: days)
      #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == days)
    }
    #expect(CivilDate(days: 0).text == "1970-01-01")
    #expect(CivilDate.weekday(days: 0) == 3)  // a Thursday
    #expect(CivilDate.weekday(days: CivilDate.days(year: 2026, month: 11, day: 23)) == 0)  // a Monday
  }

  @Test func calendarWritesOffsetsAndLocalHours() throws {
    let shanghai = ScoreCalendar(timezone: try #require(TimeZone(identifier: "Asia/Shanghai")))
    let date = try #require(FrontMatterDate.parse("2026-11-24T01:30+00:00", timezone: .gmt))
    #expect(shanghai.iso8601(date) == "2026-11-24T09:30:00+08:00")
    #expect(shanghai.dayAndMinute(date).minute == 9 * 60 + 30)
    let newYork = ScoreCalendar(timezone: try #require(TimeZone(identifier: "America/New_York")))
    #expect(newYork.iso8601(date) == "2026-11-23T20:30:00-05:00")
  }
}

@Suite struct ScoreRowFormatTests {
  func fixed(_ value: Double, _ places: Int) -> String {
    var out: [UInt8] = []
    ScoreRowFormat.fixed(value, places: places, &out)
    return String(decoding: out, as: UTF8.self)
  }

  @Test func fixedDecimals() {
    #expect(fixed(0.97, 4) == "0.97")
    #expect(fixed(11.5, 2) == "11.5")
    #expect(fixed(3, 2) == "3")
    #expect(fixed(0.99996, 4) == "1")
    #expect(fixed(0.00004, 4) == "0")
    #expect(fixed(-5.071, 2) == "-5.07")
    #expect(fixed(-0.001, 2) == "0")
    #expect(fixed(0.0501, 4) == "0.0501")
    #expect(fixed(.nan, 2) == "0")
  }

  @Test func csvCellsAreQuotedOnlyWhenNeeded() {
    func cell(_ text: String) -> String {
      var out: [UInt8] = []
      ScoreRowFormat.csvCell(text, &out)
      return String(decoding: out, as: UTF8.self)
    }
    #expect(cell("你好") == "你好")
    #expect(cell("a,b") == "\"a,b\"")
    #expect(cell("说\"好\"") == "\"说\"\"好\"\"\"")
    #expect(cell("两\n行") == "\"两\n行\"")
  }

  @Test func jsonStringsEscapeControlCharacters() {
    var out: [UInt8] = []
    ScoreRowFormat.jsonString("a\"b\\c\nd\u{01}你", &out)
    #expect(String(decoding: out, as: UTF8.self) == #""a\"b\\c\nd\u0001你""#)
  }
}

@Suite struct ScoreSummaryTests {
  static let settings = ScoreSummary.Settings(
    timezone: "Asia/Shanghai", hardSellShareMax: 0.3, hardSellShareWindow: 7 * 86_400)

  /// A scored post made by hand (no linter needed for counting).
  static func scored(_ index: Int) -> ScoredPost {
    let channels = ["moments", "group", "private"]
    var post = Post(
      id: "in.jsonl#\(index)", text: "帖子 \(index)", channel: channels[index % 3],
      persona: index % 4 == 0 ? "xiaoli" : nil,
      publishAt: index % 5 == 0 ? nil : Date(timeIntervalSince1970: 1_790_000_000 + Double(index) * 7_919))
    post.meta = ["campaign": .string("c\(index % 2)")]
    let hard = index % 3 == 1
    var scored = ScoredPost(
      post: post,
      report: PostReport(
        path: post.id,
        verdict: Verdict(class: hard ? .hardSell : .value, probability: hard ? 0.9 : 0.1, score: 1),
        findings: []))
    scored.rules = hard ? ["hard-sell/classifier", "hard-sell/cta"] : []
    scored.cues = hard ? [ScoredPost.Cue(rule: "hard-sell/cta", text: index % 2 == 0 ? "扫码下单" : "私聊我")] : []
    scored.caps = index % 7 == 0 ? ["cap/daily"] : []
    scored.offVoice = index % 8 == 0
    return scored
  }

  @Test func shardsMergeIntoTheWhole() throws {
    let calendar = ScoreCalendar(timezone: try #require(TimeZone(identifier: "Asia/Shanghai")))
    var whole = ScoreSummary(settings: Self.settings)
    var a = ScoreSummary(settings: Self.settings)
    var b = ScoreSummary(settings: Self.settings)
    for index in 0..<500 {
      let post = Self.scored(index)
      whole.add(post, calendar: calendar)
      if index % 2 == 0 { a.add(post, calendar: calendar) } else { b.add(post, calendar: calendar) }
      let worst = ScoreSummary.WorstPost(
        id: post.id, channel: post.channel, persona: nil, publishAt: nil,
        probability: Double(index % 50) / 50,
        score: Double(index % 7), excerpt: "", reasons: [])
      whole.offerWorst(worst)
      if index % 2 == 0 { a.offerWorst(worst) } else { b.offerWorst(worst) }
    }
    var merged = a
    merged.merge(b)
    #expect(merged == whole)
    #expect(whole.worst.count == ScoreSummary.worstCount)
    #expect(whole.posts == 500)
    #expect(whole.untimed == 100)
    #expect(whole.heatmap.values.flatMap { $0.flatMap { $0 } }.reduce(0, +) == 400)
    // And through JSON, as shards hand them over.
    let decoded = try ScoreSummary.read(a.json())
    #expect(decoded == a)
  }

  /// `mightBeWorst` says yes exactly when the post belongs among the `worstCount` worst (sorting all of
  /// them by `worseThan`), ties on both numbers broken by id: a repost of the last kept post is not
  /// worth building reasons for.
  @Test func mightBeWorstMatchesOfferWorst() {
    var summary = ScoreSummary(settings: Self.settings)
    for index in 0..<ScoreSummary.worstCount {
      #expect(summary.mightBeWorst(probability: 0.9, score: 6, id: "b#\(index)"))
      summary.offerWorst(
        .init(
          id: "b#\(index)", channel: "moments", persona: nil, publishAt: nil, probability: 0.9, score: 6,
          excerpt: "", reasons: []))
    }
    let last = summary.worst.last!.id
    let cases: [(Double, Double, String)] = [
      (0.9, 6, last), (0.9, 6, "c"), (0.9, 6, "a"), (0.9, 5, "a"), (0.9, 7, "z"), (0.95, 0, "z"),
      (0.8, 9, "a"),
    ]
    for (probability, score, id) in cases {
      let candidate = ScoreSummary.WorstPost(
        id: id, channel: "moments", persona: nil, publishAt: nil, probability: probability, score: score,
        excerpt: "x", reasons: [])
      let kept = (summary.worst + [candidate]).sorted(by: ScoreSummary.WorstPost.worseThan)
        .prefix(ScoreSummary.worstCount).contains(candidate)
      #expect(summary.mightBeWorst(probability: probability, score: score, id: id) == kept, "\(id) \(score)")
    }
  }
  @Test func readRefusesOtherFiles() {
    #expect(throws: ScoreSummary.SummaryError.self) { try ScoreSummary.read(Data("{}".utf8)) }
    var future = ScoreSummary(settings: Self.settings)
    future.version = 99
    #expect(throws: ScoreSummary.SummaryError.self) { try ScoreSummary.read(future.json()) }
  }
}

@Suite struct CapStageTests {
  /// Five moments posts a day for three days, two of them hard-sell each day, scored by hand.
  static func posts() -> [ScoredPost] {
    var result: [ScoredPost] = []
    for day in 0..<3 {
      for slot in 0..<5 {
        let time = Date(timeIntervalSince1970: 1_790_000_000 + Double(day * 86_400 + slot * 3 * 3_600))
        let post = Post(
          id: "in.jsonl#\(day * 5 + slot + 1)", text: "第 \(day) 天第 \(slot) 条", channel: "moments",
          publishAt: time)
        let hard = slot % 2 == 1
        result.append(
          ScoredPost(
            post: post,
            report: PostReport(
              path: post.id,
              verdict: Verdict(class: hard ? .hardSell : .value, probability: hard ? 0.9 : 0.1, score: 0),
              findings: [])))
      }
    }
    return result
  }

  func run(_ posts: [ScoredPost], chunk: Int) -> (caps: [String: [String]], late: Int) {
    let stage = CapStage(rules: CapRules.all, configuration: Configuration(), minimumChunk: chunk) {
      post, _ in
      PostReport(path: post.id, verdict: Verdict(class: .value, probability: 0, score: 0), findings: [])
    }
    var released: [ScoredPost] = []
    for post in posts { released += stage.add(post) }
    released += stage.finish()
    #expect(released.map(\.source) == posts.map(\.source), "released in input order")
    return (Dictionary(uniqueKeysWithValues: released.map { ($0.source, $0.caps) }), stage.lateArrivals)
  }

  @Test func smallChunksOfSortedInputJudgeLikeOneChunk() {
    let whole = run(Self.posts(), chunk: 1_000)
    #expect(whole.late == 0)
    #expect(whole.caps.values.contains { $0.contains("cap/daily") })
    #expect(whole.caps.values.contains { $0.contains("cap/hard-sell-daily") })
    for chunk in [1, 2, 4, 7] {
      let chunked = run(Self.posts(), chunk: chunk)
      #expect(chunked.caps == whole.caps, "chunk \(chunk)")
      #expect(chunked.late == 0)
    }
  }

  @Test func anyOrderIsExactWithinOneChunkAndCountedAsLateBeyond() {
    let reversed = Array(Self.posts().reversed())
    let whole = run(Self.posts(), chunk: 1_000)
    let oneChunk = run(reversed, chunk: 1_000)
    #expect(oneChunk.caps == whole.caps)
    #expect(oneChunk.late == 0)
    let chunked = run(reversed, chunk: 3)
    #expect(chunked.late > 0)
  }
}

/// The parallel scorer in-process (so `scripts/sanitize thread` sees its threads): the built-in rules and
/// caps over a few hundred timed rows, with 1 and 3 jobs.
@Suite struct BatchScorerParallelTests {
  static func rows(in directory: URL) throws -> String {
    var lines: [String] = []
    let texts = [
      "早上好，今天分享一个护肤小技巧：洗脸水温别太高。",
      "【限时秒杀】原价399，今晚只要99元！库存只剩最后20件，手慢无，赶紧扫码下单",
      "群里的朋友问围巾怎么洗：冷水手洗，别拧，平铺晾干。",
      "家人们！年货节团购最后一天🔥全场买二送一，满299包邮，点击链接下单",
      "这是我们店国家级的好产品，效果最佳 <!-- siyu-disable cap/daily -->",
    ]
    for index in 0..<600 {
      let hour = 6 + index % 20 / 2
      let day = 1 + index / 20
      let channel = index % 4 == 0 ? "group" : "moments"
      let text = texts[index % texts.count]
      lines.append(
        #"{"id":"r\#(index)","text":"\#(text)","channel":"\#(channel)","publish_at":"2026-10-\#(String(format: "%02d", day))T\#(String(format: "%02d", hour)):\#(index % 2 * 3)0+08:00"}"#
      )
    }
    lines.insert(#"{"text": broken"#, at: 300)
    let path = directory.appendingPathComponent("rows.jsonl").path
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func score(_ path: String, jobs: Int, summarizes: Bool = true) throws -> (
    rows: [String], problems: [String], summary: ScoreSummary
  ) {
    let configuration = Configuration()
    var scorer = BatchScorer(
      configuration: configuration, defaults: configuration.postDefaults, historyRules: CapRules.all,
      jobs: jobs
    ) {
      try Linter(rules: BuiltinRules.all, configuration: configuration)
    }
    scorer.batchSize = 16
    scorer.minimumChunk = 50
    scorer.summarizes = summarizes
    var rows: [String] = []
    var problems: [String] = []
    let calendar = ScoreCalendar(timezone: configuration.timezone)
    let summary = try scorer.run(
      [BatchScorer.Input(path: path)],
      linter: try Linter(rules: BuiltinRules.all, configuration: configuration),
      handlers: BatchScorer.Handlers(
        row: { post in
          var out: [UInt8] = []
          ScoreRowFormat.jsonl.append(post, calendar: calendar, to: &out)
          rows.append(String(decoding: out, as: UTF8.self))
        },
        problem: { problems.append($0.description) },
        warning: { problems.append($0) }))
    return (rows, problems, summary)
  }

  @Test func threeJobsGiveWhatOneJobGives() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-scorer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try Self.rows(in: directory)
    let one = try score(path, jobs: 1)
    let three = try score(path, jobs: 3)
    #expect(one.rows.count == 600)
    #expect(one.rows == three.rows)
    #expect(one.problems == three.problems)
    #expect(one.problems.count == 1, "\(one.problems)")
    #expect(one.summary == three.summary)
    #expect(one.summary.caps["cap/daily"] ?? 0 > 0)
    #expect(one.summary.hardSell > 0)
    #expect(one.summary.worst.count == ScoreSummary.worstCount)
    #expect(one.rows.enumerated().allSatisfy { $1.hasPrefix("{\"id\":\"r\($0)\"") })
  }

  @Test func withoutASummaryTheRowsAreTheSame() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-scorer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try Self.rows(in: directory)
    let summarized = try score(path, jobs: 1)
    for jobs in [1, 3] {
      let bare = try score(path, jobs: jobs, summarizes: false)
      #expect(bare.rows == summarized.rows, "\(jobs) jobs")
      #expect(bare.problems == summarized.problems, "\(jobs) jobs")
      #expect(bare.summary.posts == 0 && bare.summary.worst.isEmpty, "nothing counted")
    }
    #expect(summarized.summary.posts == 600)
  }
}

/// The hand-off queue must not keep taken batches alive: `siyu score --jobs 2` once held every post read
/// (235 MB at 1,000,000 rows) because taken slots stayed in the queue's array.
@Suite struct ScoreQueueTests {
  final class Payload: @unchecked Sendable {}

  @Test func takenBatchesAreReleased() {
    let queue = ScoreQueue<Payload>(capacity: 4)
    weak var first: Payload?
    for number in 0..<100 {
      let payload = Payload()
      if number == 0 { first = payload }
      queue.put(number, payload)
      _ = queue.take()
    }
    #expect(first == nil)
  }

  @Test func orderedDeliveryHandsBatchesOutInOrder() {
    let queue = ScoreQueue<Int>(capacity: 2)
    let done = DispatchGroup()
    for number in (0..<20).reversed() {
      DispatchQueue.global().async(group: done) { queue.deliver(number, number * 10) }
    }
    queue.finish(count: 20)
    var seen: [Int] = []
    var number = 0
    while let value = queue.take(number: number) {
      seen.append(value)
      number += 1
    }
    done.wait()
    #expect(seen == (0..<20).map { $0 * 10 })
  }
}
