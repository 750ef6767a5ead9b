import Foundation
import XCTest

@testable import SiyuCore

// The HTML report of `siyu score --report`: a golden page for HTMLReportSample.summary
// (Tests/Fixtures/report/expected.html) and properties every page must have. The page in a real browser is
// HTMLReportBrowserTests.
//
// To regenerate the golden after an intended change: SIYU_UPDATE_GOLDEN=1 swift test --filter HTMLReport
// then look at the page (scripts/check-report Tests/Fixtures/report/expected.html --screenshot /tmp/r.png)
// and review the diff before committing.

final class HTMLReportTests: XCTestCase {
  static let fixture = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // SiyuCoreTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures/report/expected.html")

  func testGolden() throws {
    let actual = HTMLReport.render(HTMLReportSample.summary)
    if ProcessInfo.processInfo.environment["SIYU_UPDATE_GOLDEN"] == "1" {
      try actual.write(to: Self.fixture, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: Self.fixture, encoding: .utf8)
    if actual != expected {
      XCTFail(
        """
        the report differs from \(Self.fixture.path) at \(Self.firstDifference(actual, expected)).
        If the change is intended: SIYU_UPDATE_GOLDEN=1 swift test --filter HTMLReport, then review the diff.
        """)
    }
  }

  func testNoScriptAndNothingFetched() throws {
    let tagPattern = try NSRegularExpression(pattern: "<[A-Za-z!/][^>]*>")
    for page in [
      HTMLReport.render(HTMLReportSample.summary), HTMLReport.render(HTMLReportSample.hostile().summary),
    ] {
      let lower = page.lowercased()
      for banned in ["<script", "http://", "https://", "javascript:", "url(", "@import", "@font-face"] {
        XCTAssertFalse(lower.contains(banned), "the page contains \(banned)")
      }
      // All user text is escaped, so every tag in the page is the renderer's own.
      let range = NSRange(lower.startIndex..., in: lower)
      let tags = tagPattern.matches(in: lower, range: range).compactMap {
        Range($0.range, in: lower).map { lower[$0] }
      }
      XCTAssertGreaterThan(tags.count, 100)
      let names = Set(
        tags.compactMap {
          $0.dropFirst().split(whereSeparator: { " >/".contains($0) }).first.map(String.init)
        })
      let allowed: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p",
        "section",
        "dl", "div", "dt", "dd", "small", "table", "thead", "tbody", "tr", "th", "td", "span", "ul", "li",
        "code",
        "footer", "svg", "g", "path", "text", "line", "circle", "rect",
      ]
      XCTAssertEqual(names.subtracting(allowed), [], "elements that are not the report's own")
      for tag in tags {
        XCTAssertNil(
          tag.range(
            of: #"\s(on[a-z]+|href|src|xlink:href|srcset|action|formaction)\s*="#,
            options: .regularExpression),
          "a reference or event handler in \(tag)")
      }
    }
  }

  func testEveryUserTextEscaped() {
    let (summary, markers) = HTMLReportSample.hostile()
    let page = HTMLReport.render(summary)
    for n in 1...markers {
      XCTAssertTrue(
        page.contains(HTMLReportSample.escapedMarker(n)), "user text \(n) is missing or not escaped")
      XCTAssertFalse(page.contains("<u\(n) "), "user text \(n) is in the page as markup")
      XCTAssertFalse(page.contains("</u\(n)>"), "user text \(n) is in the page as markup")
    }
    XCTAssertFalse(page.contains("'\"'"), "a quote from the data is in the page unescaped")
  }

  func testSampleEscapesItsScriptExcerpt() {
    let page = HTMLReport.render(HTMLReportSample.summary)
    XCTAssertTrue(
      page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 今晚8点直播 &amp; 抽奖 &quot;免单&quot;"))
    XCTAssertTrue(page.contains("直播群 &quot;A&amp;B&quot;"))
    XCTAssertTrue(page.contains("下单引导「&lt;a href=x&gt;点我&lt;/a&gt;」"))
  }

  func testEmptySummaryRenders() {
    let empty = ScoreSummary(
      settings: .init(timezone: "Asia/Shanghai", hardSellShareMax: 0.3, hardSellShareWindow: 604_800))
    let page = HTMLReport.render(empty)
    XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"))
    XCTAssertTrue(page.hasSuffix("</body>\n</html>\n"))
    XCTAssertFalse(page.contains("<svg"), "an empty summary has nothing to draw")
    XCTAssertEqual(Self.count("没有带时间的帖子", in: page), 3)
    for text in ["这批没有评分的帖子。", "没有命中硬广或广告法话术。", "没有帖子违反频次上限。", "没有规则命中。", "没有评分的帖子。"] {
      XCTAssertTrue(page.contains(text), "missing \(text)")
    }
    XCTAssertFalse(page.contains("人设偏离"), "no personas, no persona section")
    XCTAssertFalse(page.contains("<table"), "no rows, no tables")
  }

  func testPostsWithoutTimeOnly() {
    var summary = ScoreSummary(
      settings: .init(timezone: "Asia/Shanghai", hardSellShareMax: 0.3, hardSellShareWindow: 604_800))
    summary.posts = 2
    summary.untimed = 2
    summary.channels = ["moments": .init(posts: 2, hardSell: 0)]
    let page = HTMLReport.render(summary)
    XCTAssertEqual(Self.count("没有带时间的帖子", in: page), 3)
    XCTAssertFalse(page.contains("<svg"))
    XCTAssertTrue(page.contains("<td>moments</td><td class=\"num\">2</td>"))
  }

  func testSampleHasEveryChart() {
    let page = HTMLReport.render(HTMLReportSample.summary)
    for id in ["overview", "daily", "weekly-share", "heatmap", "cues", "personas", "worst", "counts"] {
      XCTAssertTrue(page.contains("<section id=\"\(id)\">"), "missing section \(id)")
    }
    XCTAssertEqual(Self.count("<svg", in: page), Self.count("</svg>", in: page))
    // Daily and weekly share, four heat maps (all channels and three channels), cues, persona drift.
    XCTAssertEqual(Self.count("<svg class=\"chart\"", in: page), 3)
    XCTAssertEqual(Self.count("<svg class=\"heat\"", in: page), 4)
    XCTAssertEqual(Self.count("<svg class=\"bars\"", in: page), 1)
    XCTAssertTrue(page.contains(">上限 30%</text>"), "the cap line is labelled")
    XCTAssertTrue(page.contains("超过上限的周：2026-W47（31.8%）、2026-W48（57.7%）</p>"))
    for weekday in HeatMap.weekdays { XCTAssertTrue(page.contains(">\(weekday)</text>")) }
    XCTAssertTrue(page.contains(">23</text><text") && page.contains(">时</text>"))
    XCTAssertEqual(Self.count("<tr><td class=\"num\">", in: page), HTMLReportSample.summary.worst.count)
  }

  func testDeterministic() throws {
    let summary = HTMLReportSample.summary
    let decoded = try JSONDecoder().decode(ScoreSummary.self, from: JSONEncoder().encode(summary))
    XCTAssertEqual(decoded, summary)
    var reordered = summary
    reordered.channels = Self.reordered(summary.channels)
    reordered.days = Self.reordered(summary.days.mapValues(Self.reordered))
    reordered.weeks = Self.reordered(summary.weeks.mapValues(Self.reordered))
    reordered.heatmap = Self.reordered(summary.heatmap)
    reordered.caps = Self.reordered(summary.caps)
    reordered.rules = Self.reordered(summary.rules)
    reordered.cues = Self.reordered(summary.cues.mapValues(Self.reordered))
    reordered.personas = Self.reordered(summary.personas.mapValues(Self.reordered))
    XCTAssertEqual(reordered, summary)
    XCTAssertTrue(
      Array(reordered.rules.keys) != Array(summary.rules.keys)
        || Array(reordered.cues.keys) != Array(summary.cues.keys)
        || Array(reordered.days.keys) != Array(summary.days.keys),
      "the reordered dictionaries should iterate in another order")
    let page = HTMLReport.render(summary)
    XCTAssertEqual(HTMLReport.render(summary), page)
    XCTAssertEqual(HTMLReport.render(decoded), page)
    XCTAssertEqual(HTMLReport.render(reordered), page)
  }

  /// The same dictionary built with another capacity and insertion order, so it iterates differently.
  private static func reordered<Value>(_ dictionary: [String: Value]) -> [String: Value] {
    var out = [String: Value](minimumCapacity: 97)
    for key in dictionary.keys.sorted().reversed() { out[key] = dictionary[key] }
    return out
  }

  func testSizeStaysSmall() {
    var summary = HTMLReportSample.summary
    for day in 0..<365 {
      let key = ReportCalendar.dayKey(ReportCalendar.day("2026-01-01")! + day)
      for channel in ["moments", "group", "private"] {
        summary.days[key, default: [:]][channel] = .init(posts: day % 7, hardSell: day % 3)
        summary.weeks[ReportCalendar.weekKey(ReportCalendar.day(key)!), default: [:]][channel] = .init(
          posts: 9, hardSell: 2)
      }
    }
    let page = HTMLReport.render(summary)
    XCTAssertLessThan(page.utf8.count, 200_000, "a year of three channels should stay well under 200 kB")
  }

  func testEscape() {
    XCTAssertEqual(
      HTMLText.escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
    XCTAssertEqual(HTMLText.escape("行一\n\t行二"), "行一\n\t行二")
    XCTAssertEqual(HTMLText.escape("a\u{0}b\u{7}c\u{85}d\u{FFFF}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
    XCTAssertEqual(HTMLText.escape("🔥𠮷"), "🔥𠮷")
    XCTAssertEqual(HTMLText.truncate("全网最低价格保证", to: 5), "全网最低…")
    XCTAssertEqual(HTMLText.truncate("最佳", to: 5), "最佳")
  }

  func testNumbers() {
    XCTAssertEqual(ReportNumber.coordinate(12.04), "12")
    XCTAssertEqual(ReportNumber.coordinate(12.06), "12.1")
    XCTAssertEqual(ReportNumber.coordinate(-0.01), "0")
    XCTAssertEqual(ReportNumber.percent(0.3), "30%")
    XCTAssertEqual(ReportNumber.percent(1.0 / 3), "33.3%")
    XCTAssertEqual(ReportNumber.score(6.25), "6.25")
    XCTAssertEqual(ReportNumber.score(9), "9")
    XCTAssertEqual(ReportNumber.window(604_800), "7 天")
    XCTAssertEqual(ReportNumber.window(7_200), "2 小时")
    XCTAssertEqual(ReportNumber.niceStep(0.3, minimum: 1), 1)
    XCTAssertEqual(ReportNumber.niceStep(3.2, minimum: 1), 5)
    XCTAssertEqual(ReportNumber.niceStep(15, minimum: 1), 20)
    XCTAssertEqual(ReportNumber.niceStep(0.0825, minimum: 0.05), 0.1)
  }

  /// Day and week keys against Foundation's ISO 8601 calendar, every day of 1999–2031.
  func testCalendarAgainstFoundation() throws {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
    let start = try XCTUnwrap(ReportCalendar.day("1999-01-01"))
    let end = try XCTUnwrap(ReportCalendar.day("2031-12-31"))
    XCTAssertEqual(ReportCalendar.day("1970-01-01"), 0)
    for day in start...end {
      let date = Date(timeIntervalSince1970: Double(day) * 86_400)
      let parts = calendar.dateComponents(
        [.year, .month, .day, .weekday, .weekOfYear, .yearForWeekOfYear], from: date)
      let key = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
      XCTAssertEqual(ReportCalendar.dayKey(day), key)
      XCTAssertEqual(ReportCalendar.day(key), day)
      XCTAssertEqual(ReportCalendar.weekday(day), (parts.weekday! + 5) % 7)
      let week = String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
      XCTAssertEqual(ReportCalendar.weekKey(day), week, key)
      XCTAssertEqual(ReportCalendar.week(week), day - ReportCalendar.weekday(day), key)
    }
    XCTAssertNil(ReportCalendar.day("2026-02-29"))
    XCTAssertNil(ReportCalendar.day("2026-2-28"))
    XCTAssertNil(ReportCalendar.week("2025-W53"))
    XCTAssertNotNil(ReportCalendar.week("2026-W53"))
    XCTAssertEqual(
      ReportCalendar.dayAxis(["2026-11-30", "2026-12-02"]), ["2026-11-30", "2026-12-01", "2026-12-02"])
    XCTAssertEqual(
      ReportCalendar.weekAxis(["2026-W52", "2027-W02"]), ["2026-W52", "2026-W53", "2027-W01", "2027-W02"])
    XCTAssertEqual(ReportCalendar.dayAxis(["2026-12-02", "bad"]), ["2026-12-02", "bad"])
    XCTAssertEqual(ReportCalendar.dayAxis(["1970-01-01", "2026-12-02"]), ["1970-01-01", "2026-12-02"])
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  /// "line N: expected … / actual …" for the first line where the texts differ.
  static func firstDifference(_ actual: String, _ expected: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, e.count) {
      let lineA = i < a.count ? String(a[i]) : "<end>"
      let lineE = i < e.count ? String(e[i]) : "<end>"
      if lineA != lineE { return "line \(i + 1)\n  expected: \(lineE)\n  actual:   \(lineA)" }
    }
    return "<no line differs>"
  }
}
