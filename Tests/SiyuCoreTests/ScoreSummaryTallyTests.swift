import Foundation
import Testing

@testable import SiyuCore

/// Counting through a `ScoreSummary.Tally` (what `BatchScorer` does) gives the summary that counting row
/// by row gives.
@Suite struct ScoreSummaryTallyTests {
  @Test func tallyThenFlushEqualsAddingEachRow() throws {
    let calendar = ScoreCalendar(timezone: try #require(TimeZone(identifier: "Asia/Shanghai")))
    var plain = ScoreSummary(settings: ScoreSummaryTests.settings)
    var tallied = ScoreSummary(settings: ScoreSummaryTests.settings)
    var tally = ScoreSummary.Tally()
    // Runs of one channel and channels that come back, rules seen again and new ones.
    for index in 0..<700 {
      var post = ScoreSummaryTests.scored(index / 3)
      post.rules += index % 11 == 0 ? ["ad-law/absolute", "persona/voice"] : []
      plain.add(post, calendar: calendar)
      tallied.add(post, calendar: calendar, tally: &tally)
    }
    #expect(tallied != plain, "the tally holds counts until it is flushed")
    tallied.flush(&tally)
    #expect(tallied == plain)
    #expect(tally.channel == nil && tally.rules.isEmpty)
  }
}
