import Foundation

extension ScoreSummary {
  /// Counts `post` (after the cap stage) in every field but `worst` and `badRows`.
  public mutating func add(_ post: ScoredPost, calendar: ScoreCalendar) {
    let hard = post.verdict.class == .hardSell
    let counts = ClassCounts(posts: 1, hardSell: hard ? 1 : 0)
    posts += 1
    if hard { hardSell += 1 }
    channels[post.channel, default: ClassCounts()].add(counts)
    var week: String?
    if let time = post.publishAt {
      let (day, minute) = calendar.dayAndMinute(time)
      days[CivilDate(days: day).text, default: [:]][post.channel, default: ClassCounts()].add(counts)
      let isoWeek = CivilDate.isoWeek(days: day)
      week = isoWeek
      weeks[isoWeek, default: [:]][post.channel, default: ClassCounts()].add(counts)
      if heatmap[post.channel] == nil { heatmap[post.channel] = Self.emptyGrid }
      heatmap[post.channel]![CivilDate.weekday(days: day)][minute / 60] += 1
    } else {
      untimed += 1
    }
    for rule in post.caps { caps[rule, default: 0] += 1 }
    for rule in post.rules { rules[rule, default: 0] += 1 }
    for cue in post.cues { cues[cue.rule, default: [:]][cue.text, default: 0] += 1 }
    if let persona = post.persona, let week {
      personas[persona, default: [:]][week, default: PersonaWeek()].posts += 1
      if post.offVoice { personas[persona, default: [:]][week, default: PersonaWeek()].offVoice += 1 }
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
