import Foundation
import Testing

@testable import SiyuCore

private let shanghai = PostDefaults()

private func post(_ text: String, defaults: PostDefaults = shanghai) -> Result<Post, InputProblem> {
  FrontMatter.post(from: text, id: "posts/a.md", path: "posts/a.md", defaults: defaults)
}

private func problem(_ text: String) -> InputProblem? {
  if case .failure(let problem) = post(text) { return problem }
  return nil
}

/// Seconds since 1970 of an ISO 8601 time with offset, via Foundation (a second opinion).
private func epoch(_ iso: String) -> Double {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  return formatter.date(from: iso)!.timeIntervalSince1970
}

@Suite struct FrontMatterTests {
  @Test func withoutFrontMatterTheWholeTextIsTheBody() throws {
    let p = try post("姐妹们早上好\n---\n第二段").get()
    #expect(p.text == "姐妹们早上好\n---\n第二段")
    #expect(p.bodyLine == 1)
    #expect(p.channel == "moments")
    #expect(p.id == "posts/a.md")
    #expect(p.path == "posts/a.md")
    #expect(p.meta.isEmpty)
    let d = PostDefaults(channel: "group", persona: "xiaoli", publishAt: Date(timeIntervalSince1970: 5))
    let q = try post("正文", defaults: d).get()
    #expect(q.channel == "group")
    #expect(q.persona == "xiaoli")
    #expect(q.publishAt == Date(timeIntervalSince1970: 5))
  }

  @Test func typedFieldsMetaAndDisable() throws {
    let text = try String(contentsOfFile: inputFixture("front-matter.md"), encoding: .utf8)
    let p = try post(text).get()
    #expect(p.channel == "group")
    #expect(p.persona == "xiaoli")
    #expect(p.publishAt?.timeIntervalSince1970 == epoch("2026-11-24T01:00:00Z"))
    #expect(p.group == "宝妈1群")
    #expect(p.label == "value")
    #expect(p.industry == "母婴")
    #expect(p.disabledRules == ["hard-sell/price", "cap"])
    #expect(p.disableLine == 9)
    #expect(p.meta["id"] == .string("42"))
    #expect(p.meta["campaign"] == .object(["name": .string("双十一"), "round": .number(2)]))
    #expect(p.meta["tags"] == .array([.string("a"), .string("b")]))
    #expect(p.text == "姐妹们早上好！\n今天聊聊辅食。\n")
    #expect(p.bodyLine == 16)
  }

  @Test func metaScalarsFollowTheCoreSchema() throws {
    let text = """
      ---
      n: 12
      f: 1.5
      hex: 0x1F
      t: true
      nul: ~
      empty:
      q: "12"
      s: yes
      date: 2026-11-24
      tagged: !!str 7
      inf: .inf
      ---
      body
      """
    let meta = try post(text).get().meta
    #expect(meta["n"] == .number(12))
    #expect(meta["f"] == .number(1.5))
    #expect(meta["hex"] == .number(31))
    #expect(meta["t"] == .bool(true))
    #expect(meta["nul"] == .null)
    #expect(meta["empty"] == .null)
    #expect(meta["q"] == .string("12"))
    #expect(meta["s"] == .string("yes"))
    #expect(meta["date"] == .string("2026-11-24"))
    #expect(meta["tagged"] == .string("7"))
    #expect(meta["inf"] == .string(".inf"))
  }

  @Test func idKeepsItsTextAndLabelAcceptsDigits() throws {
    let p = try post("---\nid: 007\nlabel: 1\n---\n").get()
    #expect(p.meta["id"] == .string("007"))
    #expect(p.label == "hard-sell")
    #expect(try post("---\nlabel: 0\n---\n").get().label == "value")
    #expect(try post("---\nlabel: hard-sell\n---\n").get().label == "hard-sell")
  }

  @Test func fencesBodyLineAndEmptyFrontMatter() throws {
    let dots = try post("---\nchannel: group\n...\n正文").get()
    #expect(dots.channel == "group")
    #expect(dots.text == "正文")
    #expect(dots.bodyLine == 4)
    let empty = try post("---\n---\n正文").get()
    #expect(empty.text == "正文")
    #expect(empty.bodyLine == 3)
    let comments = try post("---\n# nothing\n---").get()
    #expect(comments.text == "")
    #expect(comments.bodyLine == 4)
    let spaced = try post("\u{FEFF}---  \r\nchannel: private\r\n---\r\n第一行\r\n第二行").get()
    #expect(spaced.channel == "private")
    #expect(spaced.text == "第一行\n第二行")
  }

  @Test func nullKnownValuesFallBackToDefaults() throws {
    let p = try post("---\nchannel:\npersona: ~\npublish_at:\nsiyu:\n---\n").get()
    #expect(p.channel == "moments")
    #expect(p.persona == nil)
    #expect(p.publishAt == nil)
    #expect(p.disabledRules.isEmpty)
  }

  @Test func unterminatedFrontMatter() {
    #expect(
      problem("---\nchannel: group\n正文")
        == InputProblem(path: "posts/a.md", line: 1, message: "front matter 没有结束的 ---"))
    #expect(problem("---")?.line == 1)
  }

  @Test func wrongTypesAreReportedOnTheirLine() {
    let cases: [(String, Int, String)] = [
      ("---\npersona: xiaoli\nchannel: [a, b]\n---\n", 3, "「channel」应为字符串"),
      ("---\nchannel: \"\"\n---\n", 2, "「channel」不能为空"),
      ("---\n\npublish_at: 2026-02-30\n---\n", 3, "「publish_at」不是有效的 ISO 8601 时间：2026-02-30"),
      ("---\npublish_at: 2026-11-24T25:00\n---\n", 2, "「publish_at」不是有效的 ISO 8601 时间：2026-11-24T25:00"),
      ("---\npublish_at:\n  a: 1\n---\n", 3, "「publish_at」应为 ISO 8601 时间字符串"),
      ("---\nlabel: spam\n---\n", 2, "「label」应为 hard-sell 或 value（或 1、0）：spam"),
      ("---\nchannel: group\nlabel: [value]\n---\n", 3, "「label」应为 hard-sell 或 value（或 1、0）：[\"value\"]"),
      ("---\nid: [1]\n---\n", 2, "「id」应为字符串或数字"),
      ("---\nsiyu: off\n---\n", 2, FrontMatterFields.notMapping),
      ("---\nsiyu:\n  enable: [x]\n---\n", 3, FrontMatterFields.unknownSetting("enable")),
      ("---\nsiyu:\n  disable:\n    - a/b\n    - {x: 1}\n---\n", 5, FrontMatterFields.disableNotList),
      ("---\nsiyu:\n  disable: {x: 1}\n---\n", 3, FrontMatterFields.disableNotList),
      ("---\n[a, b]\n---\n", 2, "front matter 应为「键: 值」的映射"),
      ("---\n[a]: 1\n---\n", 2, "front matter 的键应为字符串"),
    ]
    for (text, line, message) in cases {
      let p = problem(text)
      #expect(p == InputProblem(path: "posts/a.md", line: line, message: message), "\(text)")
    }
  }

  @Test func malformedYAMLIsReportedOnTheFileLine() throws {
    let p = try #require(problem("---\nchannel: group\npersona: [xiaoli\nlabel: value\n---\n正文"))
    #expect(p.path == "posts/a.md")
    #expect(p.message.hasPrefix("front matter 不是有效的 YAML："))
    #expect((3...5).contains(p.line ?? 0))
    let colon = try #require(problem("---\na: 1\nb: c: d\n---\n"))
    #expect(colon.line == 3)
    let duplicate = try #require(problem("---\nchannel: a\nchannel: b\n---\n"))
    // The repeat's line, not the first one's.
    #expect(duplicate.line == 3)
    #expect(duplicate.message == "front matter 中有重复的键：channel（前面已经写过一次）")
    let tab = try #require(problem("---\na:\n\tb: 1\n---\n"))
    #expect(tab.line == 3)
  }

  @Test func aliasBombIsRefused() throws {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...9 {
      let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
      yaml += "a\(i): &a\(i) [\(refs)]\n"
    }
    let start = Date()
    let p = try #require(problem("---\n" + yaml + "---\n正文"))
    #expect(p.message.contains("别名"))
    #expect(Date().timeIntervalSince(start) < 5)
    let deep = try #require(problem("---\nx: " + String(repeating: "[", count: 5000) + "\n---\n"))
    #expect(deep.message == "front matter 嵌套过深")
    #expect(deep.line == 2)
  }

  @Test func aliasKeysAreRefusedBeforeParsing() throws {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...9 {
      let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
      yaml += "a\(i): &a\(i) [\(refs)]\n"
    }
    for key in ["*a9 : x", "? *a9\n: x", "[*a9]: x", "{k: *a9}: x"] {
      let start = Date()
      let p = try #require(problem("---\n" + yaml + key + "\n---\n"))
      #expect(p.message == "front matter 中不支持用别名或集合作键", "\(key)")
      #expect(p.line == 12)
      #expect(Date().timeIntervalSince(start) < 5)
    }
    // Without aliases, the same shapes are only keys that are not strings.
    #expect(problem("---\n[a]: 1\n---\n")?.message == "front matter 的键应为字符串")
    // Quoted text and comments do not count.
    let fine = try post("---\nbase: &b x\nnote: \"*b: [y]: z\" # *b: ]:\ncopy: *b\n---\n").get()
    #expect(fine.meta["copy"] == .string("x"))
  }

  @Test func smallAliasesAreFine() throws {
    let p = try post("---\nbase: &b {a: 1}\ncopy: *b\n---\n").get()
    #expect(p.meta["copy"] == .object(["a": .number(1)]))
  }

  @Test func splitAlone() throws {
    let parts = try FrontMatter.split("---\na: 1\n---\nbody\n", path: "x").get()
    #expect(parts.yaml == "a: 1\n")
    #expect(parts.yamlLine == 2)
    #expect(parts.body == "body\n")
    #expect(parts.bodyLine == 4)
  }
}

@Suite struct FrontMatterDateTests {
  static let forms: [(String, String)] = [
    ("2026-11-24T09:00+08:00", "2026-11-24T01:00:00Z"),
    ("2026-11-24T09:00:00Z", "2026-11-24T09:00:00Z"),
    ("2026-11-24T09:00:00z", "2026-11-24T09:00:00Z"),
    ("2026-11-24 09:00", "2026-11-24T01:00:00Z"),
    ("2026-11-24T09:00", "2026-11-24T01:00:00Z"),
    ("2026-11-24t09:00:30", "2026-11-24T01:00:30Z"),
    ("2026-11-24", "2026-11-23T16:00:00Z"),
    ("2026-11-24T09:00-0530", "2026-11-24T14:30:00Z"),
    ("2026-11-24T09:00+09", "2026-11-24T00:00:00Z"),
    ("2024-02-29T23:59:59+00:00", "2024-02-29T23:59:59Z"),
    (" 2026-01-01 00:00 ", "2025-12-31T16:00:00Z"),
  ]

  @Test func acceptedForms() {
    for (text, expected) in Self.forms {
      let date = FrontMatterDate.parse(text, timezone: PostDefaults.defaultTimezone)
      #expect(date?.timeIntervalSince1970 == epoch(expected), "\(text)")
    }
    let fraction = FrontMatterDate.parse("2026-11-24T09:00:00.250Z", timezone: .gmt)
    #expect(fraction?.timeIntervalSince1970 == epoch("2026-11-24T09:00:00Z") + 0.25)
  }

  @Test func timezoneDefaultIsUsedWithoutOffset() throws {
    let newYork = try #require(TimeZone(identifier: "America/New_York"))
    // Summer (EDT, -4) and winter (EST, -5).
    #expect(
      FrontMatterDate.parse("2026-07-01 09:00", timezone: newYork)?.timeIntervalSince1970
        == epoch("2026-07-01T13:00:00Z"))
    #expect(
      FrontMatterDate.parse("2026-12-01 09:00", timezone: newYork)?.timeIntervalSince1970
        == epoch("2026-12-01T14:00:00Z"))
    let defaults = PostDefaults(timezone: newYork)
    let p = try FrontMatter.post(
      from: "---\npublish_at: 2026-12-01\n---\n", id: "x", path: nil, defaults: defaults
    )
    .get()
    #expect(p.publishAt?.timeIntervalSince1970 == epoch("2026-12-01T05:00:00Z"))
  }

  @Test func aDateAloneHasNoTimeOfDay() throws {
    let value = try #require(FrontMatterDate.parseValue("2026-11-25", timezone: PostDefaults.defaultTimezone))
    #expect(value.dateOnly)
    #expect(value.date.timeIntervalSince1970 == epoch("2026-11-24T16:00:00Z"), "midnight in Shanghai")
    #expect(
      FrontMatterDate.parseValue(" 2026-11-25 ", timezone: PostDefaults.defaultTimezone)?.dateOnly == true)
  }

  @Test func aDateWithATimeHasATimeOfDay() throws {
    for text in [
      "2026-11-25T00:00+08:00", "2026-11-25T00:00", "2026-11-25 09:00", "2026-11-25T09:00:00Z",
      "2026-11-25T09:00:00.5+0800",
    ] {
      let value = try #require(
        FrontMatterDate.parseValue(text, timezone: PostDefaults.defaultTimezone), "\(text)")
      #expect(!value.dateOnly, "\(text)")
      #expect(value.date == FrontMatterDate.parse(text, timezone: PostDefaults.defaultTimezone), "\(text)")
    }
    // A timed midnight is the same instant as the date alone, but a time someone chose.
    let midnight = try #require(
      FrontMatterDate.parseValue("2026-11-25T00:00+08:00", timezone: PostDefaults.defaultTimezone))
    let day = try #require(FrontMatterDate.parseValue("2026-11-25", timezone: PostDefaults.defaultTimezone))
    #expect(midnight.date == day.date && midnight.dateOnly != day.dateOnly)
  }

  @Test func impossibleOrMalformedTimes() {
    let bad = [
      "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-11-31", "2026-11-24T25:00",
      "2026-11-24T24:00", "2026-11-24T09:60", "2026-11-24T09:00:61", "2026-11-24T09", "2026/11/24",
      "26-11-24", "2026-11-24T09:00+8", "2026-11-24T09:00+08:0", "2026-11-24T09:00 CST", "tomorrow", "",
      "2026-11-24T09:00:00.Z", "2026-11-24T09:00+25:00", "2026-11-24Z",
    ]
    for text in bad {
      #expect(FrontMatterDate.parse(text, timezone: .gmt) == nil, "\(text)")
    }
  }

  /// RFC 9557 annotations, as Java's `ZonedDateTime.toString()` and Temporal write them.
  static let annotated: [(String, String)] = [
    ("2026-11-24T09:00+08:00[Asia/Shanghai]", "2026-11-24T01:00:00Z"),
    ("2026-11-24T09:00:00.000+08:00[Asia/Shanghai]", "2026-11-24T01:00:00Z"),
    ("2026-11-24T09:00+08[Asia/Shanghai]", "2026-11-24T01:00:00Z"),
    ("2026-11-24T09:00+08:00[!Asia/Shanghai][u-ca=gregory]", "2026-11-24T01:00:00Z"),
    ("2026-11-24T09:00+08:00[Asia/Shanghai][x-note=ok]", "2026-11-24T01:00:00Z"),
    ("2026-11-24T09:00Z[UTC]", "2026-11-24T09:00:00Z"),
    ("2026-11-24T09:00+09:00[+09:00]", "2026-11-24T00:00:00Z"),
    // Without an offset the annotated zone, not the configured one, gives the local time.
    ("2026-07-01T09:00[America/New_York]", "2026-07-01T13:00:00Z"),
    ("2026-12-01T09:00[America/New_York]", "2026-12-01T14:00:00Z"),
    ("2026-11-24T09:00[+05:30]", "2026-11-24T03:30:00Z"),
    ("2026-11-24T09:00[u-ca=iso8601]", "2026-11-24T01:00:00Z"),
  ]

  @Test func annotationsAfterATime() {
    for (text, expected) in Self.annotated {
      let value = FrontMatterDate.parseValue(text, timezone: PostDefaults.defaultTimezone)
      #expect(value?.date.timeIntervalSince1970 == epoch(expected), "\(text)")
      #expect(value?.dateOnly == false, "\(text)")
    }
  }

  @Test func annotationsThatNameNoSingleTime() {
    let bad = [
      "2026-11-24T09:00+09:00[Asia/Shanghai]",  // offset and zone disagree
      "2026-07-01T09:00-05:00[America/New_York]",  // EST in summer
      "2026-11-24T09:00+08:00[+09:00]",
      "2026-11-24T09:00[Mars/Olympus]", "2026-11-24T09:00+08:00[Mars/Olympus]",
      "2026-11-24T09:00+08:00[u-ca=hebrew]", "2026-11-24T09:00+08:00[!x-unknown=1]",
      "2026-11-24T09:00+08:00[u-ca=gregory][Asia/Shanghai]",  // the zone must come first
      "2026-11-24T09:00+08:00[Asia/Shanghai][Asia/Shanghai]", "2026-11-24T09:00+08:00[Asia/Shanghai",
      "2026-11-24T09:00+08:00[]", "2026-11-24T09:00+08:00[Asia/Shanghai]x",
      "2026-11-24T09:00+08:00 [Asia/Shanghai]", "2026-11-24[Asia/Shanghai]",
      "2026-11-24T09:00[+25:00]", "2026-11-24T09:00+08:00[[Asia/Shanghai]]",
    ]
    for text in bad {
      #expect(FrontMatterDate.parseValue(text, timezone: PostDefaults.defaultTimezone) == nil, "\(text)")
    }
  }

  @Test func theErrorSaysWhatIsWrongWithTheAnnotations() {
    let cases: [(String, String?)] = [
      ("2026-11-24T09:00+09:00[Asia/Shanghai]", "时区「Asia/Shanghai」在这一时刻的时差是 +08:00，与所写的时差不符"),
      ("2026-07-01T09:00-05:00[America/New_York]", "时区「America/New_York」在这一时刻的时差是 -04:00，与所写的时差不符"),
      ("2026-11-24T09:00[Mars/Olympus]", "未知的时区「Mars/Olympus」"),
      ("2026-11-24T09:00+08:00[u-ca=hebrew]", "只支持公历 u-ca=gregory，不支持历法「hebrew」"),
      ("2026-11-24T09:00+08:00[!x-unknown=1]", "不认识的必需标注「!x-unknown=1」"),
      ("2026-11-24T09:00+08:00[u-ca=gregory][Asia/Shanghai]", "时区标注只能有一个，且要在其他标注之前"),
      // Not the annotations' fault, or not a time without them: the plain message.
      ("2026-11-24T25:00[Asia/Shanghai]", nil), ("2026-11-24[Asia/Shanghai]", nil),
      ("2026-11-24T09:00+08:00[Asia/Shanghai", nil), ("tomorrow", nil),
    ]
    for (text, expected) in cases {
      #expect(FrontMatterDate.parseValue(text, timezone: PostDefaults.defaultTimezone) == nil, "\(text)")
      #expect(
        FrontMatterDate.annotationProblem(text, timezone: PostDefaults.defaultTimezone) == expected, "\(text)"
      )
    }
  }
}
