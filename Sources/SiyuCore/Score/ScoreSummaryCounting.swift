import Foundation

extension ScoreSummary {
  /// Counts `post` (after the cap stage) in every field but `worst` and `badRows`.
  public mutating func add(_ post: ScoredPost, calendar: ScoreCalendar) {
    var tally = Tally()
    add(post, calendar: calendar, tally: &tally)
    flush(&tally)
  }

  /// Counts `post` like `add(_:calendar:)`, except that its channel and rule counts go to `tally`
  /// first, which spares the two dictionary lookups most rows would make (a row's channel is mostly the
  /// previous row's, and its rules are among a few ids); `flush(_:)` moves them into the summary.
  mutating func add(_ post: ScoredPost, calendar: ScoreCalendar, tally: inout Tally) {
    let hard = post.verdict.class == .hardSell
    let counts = ClassCounts(posts: 1, hardSell: hard ? 1 : 0)
    posts += 1
    if hard { hardSell += 1 }
    let channel = post.channel
    if tally.channel != channel {
      if let previous = tally.channel { channels[previous, default: ClassCounts()].add(tally.channelCounts) }
      tally.channel = channel
      tally.channelCounts = ClassCounts()
    }
    tally.channelCounts.add(counts)
    var week: String?
    if let time = post.publishAt {
      let (day, minute) = calendar.dayAndMinute(time)
      days[CivilDate(days: day).text, default: [:]][channel, default: ClassCounts()].add(counts)
      let isoWeek = CivilDate.isoWeek(days: day)
      week = isoWeek
      weeks[isoWeek, default: [:]][channel, default: ClassCounts()].add(counts)
      // A date-only post has a day but no hour: it stays out of the heat map (see `ScoreSummary.dateOnlyPosts`).
      if !post.publishDateOnly {
        if heatmap[channel] == nil { heatmap[channel] = Self.emptyGrid }
        heatmap[channel]![CivilDate.weekday(days: day)][minute / 60] += 1
      }
    } else {
      untimed += 1
    }
    for rule in post.caps { caps[rule, default: 0] += 1 }
    for rule in post.rules { tally.count(rule: rule) }
    for cue in post.cues { cues[cue.rule, default: [:]][cue.text, default: 0] += 1 }
    if let persona = post.persona, let week {
      personas[persona, default: [:]][week, default: PersonaWeek()].posts += 1
      if post.offVoice { personas[persona, default: [:]][week, default: PersonaWeek()].offVoice += 1 }
    }
  }

  /// Moves the counts held in `tally` into the summary and empties it.
  mutating func flush(_ tally: inout Tally) {
    if let channel = tally.channel { channels[channel, default: ClassCounts()].add(tally.channelCounts) }
    for (rule, count) in tally.rules { rules[rule, default: 0] += count }
    tally = Tally()
  }

  /// Channel and rule counts not yet in a summary (see `add(_:calendar:tally:)`).
  struct Tally {
    /// The channel of the current run of rows and their counts.
    var channel: String?
    var channelCounts = ClassCounts()
    /// Rule ids with counts, in order of first sight (a few dozen ids at most: a linear search is cheaper
    /// than hashing the id).
    var rules: [(id: String, count: Int)] = []

    mutating func count(rule: String) {
      for index in rules.indices where rules[index].id == rule {
        rules[index].count += 1
        return
      }
      rules.append((rule, 1))
    }
  }

  /// The summary as JSON (keys sorted, so equal summaries print equal text).
  public func json() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Every field is a plain value; encoding cannot fail.
    return (try? encoder.encode(self)) ?? Data()
  }

  /// Reads a summary printed by `--summary json`; the error message (Chinese) when it is not one.
  public static func read(_ data: Data) throws(SummaryError) -> ScoreSummary {
    let summary: ScoreSummary
    do {
      summary = try JSONDecoder().decode(ScoreSummary.self, from: data)
    } catch {
      throw SummaryError(message: "不是 siyu score --summary json 输出的摘要")
    }
    guard summary.version == formatVersion else {
      throw SummaryError(message: "摘要版本是 \(summary.version)，这个 siyu 只认版本 \(formatVersion)")
    }
    return summary
  }

  /// A file that is not a summary `merge` can read.
  public struct SummaryError: Error, Sendable {
    public var message: String
  }
}
