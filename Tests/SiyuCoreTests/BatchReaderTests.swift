import Foundation
import SiyuText
import Testing

@testable import SiyuCore

private func read(_ path: String, display: String? = nil) -> (
  posts: [Post], problems: [InputProblem], warnings: [String]
) {
  PostReader.readPosts(path: path, displayPath: display, defaults: PostDefaults())
}

@Suite struct BatchJSONLinesTests {
  @Test func badRowInTheMiddleKeepsTheOthers() {
    let (posts, problems, warnings) = read(inputFixture("batch.jsonl"), display: "batch.jsonl")
    #expect(warnings.isEmpty)
    #expect(posts.map(\.id) == ["batch.jsonl#1", "batch.jsonl#4"])
    #expect(posts.map(\.text) == ["第一条", "第三条"])
    #expect(posts.allSatisfy { $0.bodyLine == 1 && $0.path == inputFixture("batch.jsonl") })
    #expect(posts[0].label == "hard-sell")
    #expect(posts[0].meta == ["source": .string("crm")])
    #expect(posts[1].group == "3群")
    #expect(posts[1].publishAt != nil)
    #expect(problems == [InputProblem(path: "batch.jsonl", line: 2, message: "这一行不是有效的 JSON")])
  }

  @Test func rowErrorsNameTheirLine() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    let lines = [
      #"{"text":"ok","id":12,"siyu":{"disable":["cap"]},"extra":[1,{"a":null}]}"#,
      #"["not", "an object"]"#,
      #"{"channel":"group"}"#,
      #"{"text":5}"#,
      #"{"text":"x","label":"maybe"}"#,
      #"{"text":"x","publish_at":"2026-02-30"}"#,
      "   ",
      #"{"text":"last\r\nline","channel":"private","label":0}"#,
    ]
    let path = try tree.write("rows.ndjson", lines.joined(separator: "\r\n"))
    let (posts, problems, _) = read(path)
    #expect(posts.map(\.id) == ["\(path)#1", "\(path)#8"])
    #expect(posts[0].meta == ["id": .string("12"), "extra": .array([.number(1), .object(["a": .null])])])
    #expect(posts[0].disabledRules == ["cap"])
    #expect(posts[0].disableLine == 1)
    #expect(posts[1].text == "last\nline")
    #expect(posts[1].channel == "private")
    #expect(posts[1].label == "value")
    #expect(problems.map(\.line) == [2, 3, 4, 5, 6])
    #expect(
      problems.map(\.message) == [
        "这一行应为 JSON 对象",
        "缺少必需的「text」字段",
        "「text」应为字符串",
        "「label」应为 hard-sell 或 value（或 1、0）：maybe",
        "「publish_at」不是有效的 ISO 8601 时间：2026-02-30",
      ])
  }
}

@Suite struct BatchCSVTests {
  @Test func gb18030IsReadWithAWarning() {
    let path = inputFixture("gb18030.csv")
    let (posts, problems, warnings) = read(path, display: "exports/gb.csv")
    #expect(problems.isEmpty)
    #expect(warnings == ["exports/gb.csv: 不是 UTF-8 编码，已按 GB18030 读取"])
    #expect(posts.map(\.id) == ["exports/gb.csv#1", "exports/gb.csv#2"])
    #expect(posts[0].text == "姐妹们早上好，今天分享一个护肤小技巧")
    #expect(posts[0].label == "value")
    #expect(posts[0].meta == ["备注": .string("第一条")])
    #expect(posts[1].text == "限时秒杀！！\n扫码下单")
    #expect(posts[1].channel == "group")
    #expect(posts[1].meta == ["备注": .string("带\"引号\"")])
  }

  @Test func bomCRLFAndQuotedNewlines() throws {
    let (posts, problems, warnings) = read(inputFixture("bom-crlf.csv"), display: "b.csv")
    #expect(problems.isEmpty)
    #expect(warnings.isEmpty)
    #expect(posts.map(\.text) == ["早安", "多行\n正文, 带逗号"])
    #expect(posts.map(\.meta) == [["id": .string("a1")], ["id": .string("7")]])
    let formatter = ISO8601DateFormatter()
    #expect(posts[0].publishAt == formatter.date(from: "2026-11-24T01:00:00Z"))
    #expect(posts[1].publishAt == formatter.date(from: "2026-11-24T13:00:00Z"))
  }

  @Test func rowNumbersAndProblemLines() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    let csv = #"""
      Text , Channel,note
      one,group,
      "two
      spans
      lines",,n2

      three,too,many,fields
      four,,"say ""hi"""
      five,,"x"tail
      "six, with comma",private,
      """#
    let path = try tree.write("posts.csv", csv + "\n")
    let (posts, problems, _) = read(path, display: "p.csv")
    #expect(posts.map(\.id) == ["p.csv#1", "p.csv#2", "p.csv#4", "p.csv#5", "p.csv#6"])
    #expect(posts.map(\.text) == ["one", "two\nspans\nlines", "four", "five", "six, with comma"])
    #expect(posts.map(\.channel) == ["group", "moments", "moments", "moments", "private"])
    #expect(posts[0].meta == ["note": .string("")])
    #expect(posts[2].meta == ["note": .string("say \"hi\"")])
    #expect(posts[3].meta == ["note": .string("xtail")])
    #expect(problems == [InputProblem(path: "p.csv", line: 7, message: "第 3 条记录有 4 个字段，表头有 3 个")])
  }

  @Test func unbalancedQuoteKeepsEarlierRows() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    let path = try tree.write("q.csv", "text,label\nok,value\n\"still fine\",1\nbad,\"open\nmore\nrows,x\n")
    let (posts, problems, _) = read(path, display: "q.csv")
    #expect(posts.map(\.text) == ["ok", "still fine"])
    #expect(posts[1].label == "hard-sell")
    #expect(problems.count == 1)
    #expect(problems.first?.line == 4)
    #expect(problems.first?.message.hasPrefix("引号没有闭合") == true)
  }

  @Test func headerProblems() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    let noText = try tree.write("a.csv", "body,channel\nx,y\n")
    #expect(
      read(noText, display: "a.csv").problems == [
        InputProblem(path: "a.csv", line: 1, message: "CSV 表头缺少「text」列")
      ])
    #expect(read(noText).posts.isEmpty)
    let duplicate = try tree.write("b.csv", "text,TEXT\nx,y\n")
    #expect(read(duplicate, display: "b.csv").problems.map(\.line) == [1])
    // CR alone ends lines (old Mac exports): one header line with no rows would pass silently.
    let carriageReturns = try tree.write("d.csv", "text,channel\r聊聊读书。,moments\r聊聊做饭。,moments\r")
    let crProblems = read(carriageReturns, display: "d.csv").problems
    #expect(crProblems.map(\.line) == [1])
    #expect(crProblems.first?.message.contains("以 CR 换行") == true)
    #expect(read(carriageReturns).posts.isEmpty)
    let crlf = try tree.write("f.csv", "text,channel\r\n聊聊读书。,moments\r\n")
    #expect(read(crlf).posts.map(\.text) == ["聊聊读书。"])
    let empty = try tree.write("c.csv", "")
    // An empty file is a batch with no rows (issue 9: empty files are checked normally).
    #expect(read(empty).problems.isEmpty)
    #expect(read(empty).posts.isEmpty)
    let spaces = try tree.write("e.csv", "text,channel,\n  \na,group,x\n")
    #expect(read(spaces).problems.isEmpty)
    #expect(read(spaces).posts.map(\.meta) == [[:]])
    #expect(read(spaces).posts.map(\.id) == [spaces + "#1"])
    let headerOnly = try tree.write("d.csv", "text\n")
    #expect(read(headerOnly).problems.isEmpty)
    #expect(read(headerOnly).posts.isEmpty)
  }

  @Test func badValueInARowIsReportedAndOthersKept() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    let path = try tree.write("v.csv", "text,publish_at,label\na,2026-11-24,\nb,2026-11-31,\nc,,x\nd,,\n")
    let (posts, problems, _) = read(path, display: "v.csv")
    #expect(posts.map(\.text) == ["a", "d"])
    #expect(problems.map(\.line) == [3, 4])
    #expect(problems[0].message == "第 2 条记录：「publish_at」不是有效的 ISO 8601 时间：2026-11-31")
  }

  @Test func longFieldsSpanningPiecesAreWhole() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    let long = String(repeating: "长", count: TextInput.pieceLimit + 10)
    let path = try tree.write("l.csv", "text,group\n\"\(long)\",g\n")
    let (posts, problems, _) = read(path)
    #expect(problems.isEmpty)
    #expect(posts.first?.text == long)
    #expect(posts.first?.group == "g")
    let jsonl = try tree.write("l.jsonl", "{\"text\":\"\(long)\"}\n")
    #expect(read(jsonl).posts.first?.text == long)
  }
}
