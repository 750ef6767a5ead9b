import Foundation

@testable import SiyuCore

/// Summaries built by hand for the HTML report's tests.
enum HTMLReportSample {
  /// Three channels (one with a name that needs escaping) over two and a half weeks with a gap, one week
  /// above the cap, heat maps, cues, caps, rule hits, two personas, and worst posts with a `<script>`
  /// excerpt, a post without time or persona and a post without reasons.
  static var summary: ScoreSummary {
    var s = ScoreSummary(
      settings: .init(timezone: "Asia/Shanghai", hardSellShareMax: 0.3, hardSellShareWindow: 7 * 86_400))
    let odd = "直播群 \"A&B\""
    let days: [(String, String, Int, Int)] = [
      ("2026-11-16", "moments", 3, 0), ("2026-11-16", "group", 5, 1), ("2026-11-17", "moments", 2, 1),
      ("2026-11-18", "group", 6, 2), ("2026-11-19", "moments", 4, 1), ("2026-11-21", odd, 2, 2),
      ("2026-11-23", "moments", 3, 2), ("2026-11-23", "group", 8, 4), ("2026-11-24", "moments", 5, 3),
      ("2026-11-24", odd, 3, 3), ("2026-11-25", "group", 7, 3), ("2026-11-30", "moments", 2, 0),
      ("2026-12-01", "group", 4, 1), ("2026-12-02", "moments", 1, 0),
    ]
    for (day, channel, posts, hardSell) in days {
      let counts = ScoreSummary.ClassCounts(posts: posts, hardSell: hardSell)
      s.days[day, default: [:]][channel, default: .init()].add(counts)
      let week = ReportCalendar.weekKey(ReportCalendar.day(day)!)
      s.weeks[week, default: [:]][channel, default: .init()].add(counts)
      s.channels[channel, default: .init()].add(counts)
      s.posts += posts
      s.hardSell += hardSell
      let weekday = ReportCalendar.weekday(ReportCalendar.day(day)!)
      var grid = s.heatmap[channel] ?? ScoreSummary.emptyGrid
      for i in 0..<posts { grid[weekday][[9, 12, 20, 21, 8][i % 5]] += 1 }
      s.heatmap[channel] = grid
    }
    s.posts += 3
    s.untimed = 3
    s.channels["moments", default: .init()].add(.init(posts: 3, hardSell: 0))
    s.badRows = 2
    s.caps = ["cap/daily": 4, "cap/hard-sell-share": 6, "cap/quiet-hours": 1]
    s.rules = [
      "hard-sell/urgency": 14, "hard-sell/price": 21, "hard-sell/cta": 14, "ad-law/absolute": 3,
      "persona/avoid": 5, "hard-sell/classifier": 19,
    ]
    s.cues = [
      "hard-sell/urgency": ["手慢无": 9, "限时秒杀": 6, "最后N天": 2],
      "hard-sell/price": ["¥N": 15, "原价¥N": 4, "N折": 7],
      "hard-sell/cta": ["扫码下单": 8, "<script>alert(\"cue\")</script>": 1],
      "ad-law/absolute": ["最佳": 3, "全网最低价格保证让你买到就是赚到": 2],
    ]
    s.personas = [
      "xiaoli": [
        "2026-W47": .init(posts: 9, offVoice: 1), "2026-W48": .init(posts: 8, offVoice: 3),
        "2026-W49": .init(posts: 3, offVoice: 0),
      ],
      "老王 & <co>": ["2026-W47": .init(posts: 4, offVoice: 2), "2026-W49": .init(posts: 2, offVoice: 2)],
    ]
    s.worst = [
      .init(
        id: "exports/moments.csv#12", channel: "moments", persona: "xiaoli",
        publishAt: "2026-11-24T20:30:00+08:00",
        probability: 0.993, score: 14.5, excerpt: "🔥限时秒杀！！！原价¥399 今天只要99元\n手慢无，扫码下单",
        reasons: [
          .init(rule: "hard-sell/classifier", message: "硬广概率 0.99：价格 + 紧迫感 + 引导下单"),
          .init(rule: "hard-sell/urgency", message: "紧迫感话术「限时秒杀」"),
          .init(rule: "cap/hard-sell-share", message: "7 天内硬广占 45%，超过上限 30%"),
        ]),
      .init(
        id: "posts/<b>evil</b>.md", channel: odd, persona: nil, publishAt: "2026-11-24T21:00:00+08:00",
        probability: 0.97, score: 9, excerpt: "<script>alert('x')</script> 今晚8点直播 & 抽奖 \"免单\"",
        reasons: [.init(rule: "hard-sell/cta", message: "下单引导「<a href=x>点我</a>」")]),
      .init(
        id: "exports/group.jsonl#3", channel: "group", persona: nil, publishAt: nil, probability: 0.81,
        score: 6.25, excerpt: "最后N天，加微信领券", reasons: []),
    ]
    return s
  }

  /// A summary whose every user text is `marker(n)` for a distinct `n`, `markers` of them.
  static func hostile() -> (summary: ScoreSummary, markers: Int) {
    var n = 0
    func m() -> String {
      n += 1
      return marker(n)
    }
    var s = ScoreSummary(settings: .init(timezone: m(), hardSellShareMax: 0.25, hardSellShareWindow: 86_400))
    let a = m()
    let b = m()
    s.posts = 4
    s.hardSell = 2
    s.channels = [a: .init(posts: 3, hardSell: 1), b: .init(posts: 1, hardSell: 1)]
    s.days = ["2026-11-24": [a: .init(posts: 3, hardSell: 1)], m(): [b: .init(posts: 1, hardSell: 1)]]
    s.weeks = ["2026-W48": [a: .init(posts: 3, hardSell: 1)], m(): [b: .init(posts: 1, hardSell: 1)]]
    var grid = ScoreSummary.emptyGrid
    grid[1][9] = 3
    s.heatmap = [a: grid, b: grid]
    s.caps = [m(): 1]
    s.rules = [m(): 2]
    s.cues = [m(): [m(): 3]]
    s.personas = [m(): ["2026-W48": .init(posts: 2, offVoice: 1)], m(): [m(): .init(posts: 1, offVoice: 1)]]
    s.worst = [
      .init(
        id: m(), channel: m(), persona: m(), publishAt: m(), probability: 0.9, score: 3, excerpt: m(),
        reasons: [.init(rule: m(), message: m())])
    ]
    return (s, n)
  }

  /// A user text that breaks a page unless escaped; short enough that no chart truncates it.
  static func marker(_ n: Int) -> String {
    "<u\(n) a='\"'>&</u\(n)>"
  }

  /// `marker(n)` as escaped HTML.
  static func escapedMarker(_ n: Int) -> String {
    "&lt;u\(n) a=&#39;&quot;&#39;&gt;&amp;&lt;/u\(n)&gt;"
  }
}
