import Foundation
import SiyuRules
import SiyuText
import Testing

@testable import SiyuCore

/// Runs every history rule's example histories (JSON Lines; the last row is the draft) through the real
/// linter and history judge: triggering histories must flag the draft, non-triggering ones must not, and a
/// `siyu-disable` of the rule in the draft suppresses the finding without being reported as unused.
@Suite struct CapRuleExamplesTests {
  static let ids = CapRules.descriptions.map(\.id)

  /// The posts of a JSON Lines history, `prefix` added to the last row's text.
  static func posts(_ jsonl: String, draftPrefix: String = "") throws -> [Post] {
    let input = try TextInput(bytes: Array(jsonl.utf8), name: "example.jsonl")
    var (posts, problems) = BatchReader.readJSONLines(
      input, file: "example.jsonl", path: nil, defaults: PostDefaults())
    #expect(problems.isEmpty, "\(problems)")
    if !posts.isEmpty { posts[posts.count - 1].text = draftPrefix + posts[posts.count - 1].text }
    return posts
  }

  /// The draft's report after judging `jsonl` with `rule` alone.
  static func report(_ jsonl: String, rule: any HistoryRule, draftPrefix: String = "") throws -> PostReport {
    let linter = try Linter(rules: BuiltinRules.all, configuration: Configuration())
    let posts = try Self.posts(jsonl, draftPrefix: draftPrefix)
    let draft = try #require(posts.last)
    let history = posts.dropLast().map { post in
      History.Entry(path: post.id, facts: PostFacts(post: post, report: linter.check(post)))
    }
    var reports = [linter.check(draft)]
    HistoryCheck.apply(drafts: [draft], reports: &reports, history: history, linter: linter, rules: [rule])
    return reports[0]
  }

  @Test(arguments: ids)
  func examples(id: String) throws {
    let rule = try #require(CapRules.all.first { $0.description.id == id })
    let description = rule.description
    #expect(!description.triggering.isEmpty, "\(id) has no triggering example")
    #expect(!description.nonTriggering.isEmpty, "\(id) has no non-triggering example")
    for example in description.triggering {
      let findings = try Self.report(example, rule: rule).findings.filter { $0.finding.rule == id }
      #expect(!findings.isEmpty, "\(id) should trigger on\n\(example)")
      // The finding sits at the start of the draft's body.
      #expect(findings.allSatisfy { $0.start.line == 1 && $0.start.column == 1 })
      let suppressed = try Self.report(example, rule: rule, draftPrefix: "<!-- siyu-disable \(id) -->\n")
      #expect(!suppressed.findings.contains { $0.finding.rule == id }, "\(id) not suppressed")
      #expect(
        !suppressed.findings.contains { $0.finding.rule == UnusedSuppressionRule.description.id },
        "\(id): a used suppression is reported as unused")
    }
    for example in description.nonTriggering {
      let findings = try Self.report(example, rule: rule).findings.filter { $0.finding.rule == id }
      #expect(findings.isEmpty, "\(id) should not trigger on\n\(example)")
    }
  }

  @Test func idsAreUniqueAcrossAllRules() {
    let ids = BuiltinRules.descriptions.map(\.id)
    #expect(Set(ids).count == ids.count)
    for id in Self.ids { #expect(id.hasPrefix("cap/") && BuiltinRules.knownIDs.contains(id)) }
  }

  /// Every file under Sources/SiyuRules defining a `BuiltinHistoryRule` is listed in `CapRules.types`.
  @Test func everyHistoryRuleFileIsRegistered() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let registered = Set(CapRules.types.map { String(describing: $0) })
    var names: [String] = []
    let walker = FileManager.default.enumerator(
      at: root.appendingPathComponent("Sources/SiyuRules"), includingPropertiesForKeys: nil)
    while let file = walker?.nextObject() as? URL {
      let name = file.deletingPathExtension().lastPathComponent
      guard file.pathExtension == "swift" else { continue }
      if try String(contentsOf: file, encoding: .utf8).contains("\(name): BuiltinHistoryRule") {
        names.append(name)
      }
    }
    #expect(names.count == CapRules.types.count)
    for name in names { #expect(registered.contains(name), "\(name) is not in CapRules.types") }
  }

  @Test func dailyMessageNamesThreePostsAndTheRest() throws {
    var rows: [String] = []
    for hour in [10, 11, 12, 13, 14] {
      rows.append(#"{"text":"第\#(hour)条","channel":"group","publish_at":"2026-11-24T\#(hour):00+08:00"}"#)
    }
    rows.append(#"{"text":"最后一条","channel":"group","publish_at":"2026-11-24T20:00+08:00"}"#)
    let report = try Self.report(rows.joined(separator: "\n"), rule: DailyCapRule())
    let message = try #require(report.findings.first { $0.finding.rule == "cap/daily" }).finding.message
    #expect(
      message
        == "群 11月24日第 6 条，超过每日上限 3 条（example.jsonl#1 10:00、example.jsonl#2 11:00、example.jsonl#3 12:00 等另外 2 条）"
    )
  }

  @Test func daysFollowTheConfiguredTimeZone() throws {
    // 23:30 in Shanghai is 15:30 UTC the same day; 00:30 in Shanghai is the next day.
    let tz = try #require(TimeZone(identifier: "Asia/Shanghai"))
    let history = History(entries: [], timezone: tz)
    let late = try #require(FrontMatterDate.parse("2026-11-24T23:30+08:00", timezone: tz))
    let early = try #require(FrontMatterDate.parse("2026-11-25T00:30+08:00", timezone: tz))
    #expect(history.day(of: early) == history.day(of: late) + 1)
    #expect(history.monthDay(late) == "11月24日" && history.clock(late) == "23:30")
    let utc = History(entries: [], timezone: try #require(TimeZone(identifier: "UTC")))
    #expect(utc.day(of: early) == utc.day(of: late))
  }
}
