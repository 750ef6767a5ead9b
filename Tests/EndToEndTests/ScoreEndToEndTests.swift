import Foundation
import Testing

// End-to-end tests of `siyu score` on Tests/Fixtures/score (format in Fixtures.swift), plus properties that
// need more rows than a fixture holds: output order and content do not depend on --jobs, shard summaries
// merge into the summary of the whole, --output replaces its file only when every row is written.

@Suite("siyu score, end to end")
struct ScoreEndToEndTests {
  static let requiredCases = [
    "rows-csv", "rows-jsonl", "summary-json", "bad-rows", "csv-gb18030", "folder-and-stdin", "merge",
  ]

  @Test("the fixture directory holds the required cases")
  func fixturesArePresent() {
    let names = Fixtures.caseNames("score")
    for name in Self.requiredCases {
      #expect(names.contains(name), "missing fixture case \(name)")
    }
  }

  @Test("score fixture", arguments: Fixtures.caseNames("score"))
  func fixture(_ name: String) throws {
    try Fixtures.run(suite: "score", name: name, defaultArgs: ["score", "posts.jsonl"])
  }

  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("siyu-e2e-score-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The corpus as JSON Lines (text, channel, and a publish_at spread over weeks), in a temp folder.
  static func corpusBatch(in directory: URL) throws -> URL {
    let corpus = Locations.packageRoot.appendingPathComponent("corpus")
    let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter {
      $0.hasSuffix(".md")
    }
    .sorted()
    var lines: [String] = []
    for (index, file) in files.enumerated() {
      let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
      // The body after the front matter.
      let parts = text.components(separatedBy: "\n---\n")
      let body = parts.count > 1 ? parts.dropFirst().joined(separator: "\n---\n") : text
      let channel = index % 3 == 0 ? "group" : "moments"
      let day = 1 + index / 12
      let hour = 7 + index % 12 + (index % 7 == 0 ? 9 : 0)
      let time = String(
        format: "2026-%02d-%02dT%02d:%02d+08:00", 1 + day / 28 % 12, 1 + day % 28, hour % 24, index % 60)
      let object: [String: Any] = ["text": body, "channel": channel, "publish_at": time, "id": "c\(index)"]
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      lines.append(String(decoding: data, as: UTF8.self))
    }
    let url = directory.appendingPathComponent("corpus.jsonl")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    return url
  }

  @Test("rows come out in input order with the same content whatever --jobs is")
  func jobsDoNotChangeOutput() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let batch = try Self.corpusBatch(in: directory)
    let one = try runSiyu(
      [
        "score", batch.path, "--jobs", "1", "--format", "jsonl", "--summary", "json", "--summary-output",
        "one.json", "--report", "report.html",
      ],
      in: directory)
    let three = try runSiyu(
      [
        "score", batch.path, "--jobs", "3", "--format", "jsonl", "--summary", "json", "--summary-output",
        "three.json",
      ],
      in: directory)
    #expect(one.status == 0)
    #expect(three.status == 0)
    #expect(one.stdout == three.stdout)
    let rows = String(decoding: one.stdout, as: UTF8.self).split(separator: "\n")
    #expect(rows.count > 2_000)
    for (index, row) in rows.enumerated() {
      #expect(row.hasPrefix("{\"id\":\"c\(index)\""), "row \(index) out of order: \(row.prefix(40))")
    }
    let a = try Data(contentsOf: directory.appendingPathComponent("one.json"))
    let b = try Data(contentsOf: directory.appendingPathComponent("three.json"))
    #expect(a == b)
    let report = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(report.contains("<svg") && report.contains("每周硬广占比"))
    #expect(!report.contains("<script"))
    // Caps do fire on this spread (several posts a day per channel).
    #expect(String(decoding: one.stdout, as: UTF8.self).contains("cap/daily"))
  }

  @Test("summaries of shards merge into the summary of the whole")
  func shardSummariesMerge() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let batch = try Self.corpusBatch(in: directory)
    // Shard by stream (channel), as the README advises, so the caps of each shard are the caps of the whole.
    let rows = String(decoding: try Data(contentsOf: batch), as: UTF8.self).split(separator: "\n")
    let moments = rows.filter { $0.contains("\"channel\":\"moments\"") }
    let group = rows.filter { $0.contains("\"channel\":\"group\"") }
    try Data((moments.joined(separator: "\n") + "\n").utf8).write(
      to: directory.appendingPathComponent("a.jsonl"))
    try Data((group.joined(separator: "\n") + "\n").utf8).write(
      to: directory.appendingPathComponent("b.jsonl"))
    for (input, summary) in [(batch.path, "whole.json"), ("a.jsonl", "a.json"), ("b.jsonl", "b.json")] {
      let result = try runSiyu(
        ["score", input, "--output", "/dev/null", "--summary", "json", "--summary-output", summary],
        in: directory)
      #expect(result.status == 0, "\(input): \(String(decoding: result.stderr, as: UTF8.self))")
    }
    let merged = try runSiyu(["score", "--merge", "a.json", "b.json", "--summary", "json"], in: directory)
    #expect(merged.status == 0)
    let whole = try Data(contentsOf: directory.appendingPathComponent("whole.json"))
    // With --merge there are no rows, so the summary goes to stdout (`> merged.json`).
    #expect(String(decoding: merged.stdout, as: UTF8.self) == String(decoding: whole, as: UTF8.self))
    #expect(merged.stderr.isEmpty)
  }

  @Test("bad_rows counts a row with two problems once, and each input that could not be read once")
  func badRowsCountsRowsNotMessages() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data().write(to: directory.appendingPathComponent(".siyu.yml"))
    let rows = [
      #"{"text":"聊聊周末去爬山。","channel":"nochan","persona":"nobody"}"#, #"{"text":"今天读完一本书。"}"#,
      #"{"text": 3}"#,
    ]
    try Data((rows.joined(separator: "\n") + "\n").utf8).write(
      to: directory.appendingPathComponent("rows.jsonl"))
    try Data("title,body\na,b\nc,d\n".utf8).write(to: directory.appendingPathComponent("notext.csv"))
    let result = try runSiyu(
      ["score", "rows.jsonl", "notext.csv", "missing.jsonl", "--output", "/dev/null", "--summary", "json"],
      in: directory)
    #expect(result.status == 2)
    // Five messages: two for row 1, one for row 3, the CSV header, the missing file.
    let lines = result.stderrText.split(separator: "\n").filter { $0.contains(": ") && !$0.hasPrefix(" ") }
    #expect(lines.filter { $0.hasPrefix("rows.jsonl:1:") }.count == 2, "\(result.stderrText)")
    // In input order: the missing file last, as it was named last.
    #expect(
      lines.map { $0.prefix { $0 != ":" } } == [
        "rows.jsonl", "rows.jsonl", "rows.jsonl", "notext.csv", "missing.jsonl",
      ],
      "\(result.stderrText)")
    let summary =
      try JSONSerialization.jsonObject(
        with: Data(result.stderrText.utf8).suffix(
          from:
            Data(result.stderrText.utf8).firstIndex(of: UInt8(ascii: "{"))!)) as? [String: Any]
    #expect(summary?["bad_rows"] as? Int == 4, "\(result.stderrText)")
    #expect(summary?["posts"] as? Int == 1)
  }

  @Test(
    ".json: one object a line is read as JSON Lines, an array is one clear problem; an empty id keeps FILE#ROW"
  )
  func jsonFilesAndEmptyIDs() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data().write(to: directory.appendingPathComponent(".siyu.yml"))
    try Data("\n[{\"text\":\"聊聊周末\"},{\"text\":\"好的\"}]\n".utf8).write(
      to: directory.appendingPathComponent("array.json"))
    try Data("{\"text\":\"聊聊周末\",\"id\":\"\"}\n{\"text\":\"好的\",\"id\":\"p2\"}\n".utf8).write(
      to: directory.appendingPathComponent("lines.json"))
    let result = try runSiyu(["score", "array.json", "lines.json", "--summary", "none"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderrText.hasPrefix("array.json:2: 这是 JSON 数组"), "\(result.stderrText)")
    #expect(result.stderrText.contains("jq -c '.[]' array.json"))
    let rows = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").dropFirst()
    #expect(rows.map { $0.prefix { $0 != "," } } == ["lines.json#1", "p2"], "\(rows)")
  }

  @Test(
    "a file's GB18030 warning comes before its rows' problems; a report that cannot be written keeps the summary"
  )
  func warningOrderAndFailedReport() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data().write(to: directory.appendingPathComponent(".siyu.yml"))
    let csv = "text,channel\n聊聊读书,moments\n聊聊做饭,nochan\n"
    try Data(try #require(csv.data(using: .init(rawValue: 0x8000_0632)))).write(
      to: directory.appendingPathComponent("gb.csv"))
    let result = try runSiyu(
      ["score", "gb.csv", "--output", "/dev/null", "--report", "missing-folder/r.html"], in: directory)
    #expect(result.status == 2)
    let lines = result.stderrText.split(separator: "\n").map(String.init)
    #expect(lines.first == "gb.csv: 不是 UTF-8 编码，已按 GB18030 读取", "\(result.stderrText)")
    #expect(lines.count > 1 && lines[1].hasPrefix("gb.csv:3: 未知的渠道"), "\(result.stderrText)")
    #expect(result.stderrText.contains("已评分 1 条"), "the summary is still printed: \(result.stderrText)")
    #expect(result.stderrText.contains("missing-folder/r.html"), "\(result.stderrText)")
  }

  @Test("numeric ids and metadata beyond a Double's precision come out as written")
  func bigNumbersAreEchoedExactly() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data().write(to: directory.appendingPathComponent(".siyu.yml"))
    let rows = #"{"text":"聊聊周末。","id":9007199254740993,"uid":12345678901234567890,"r":0.123456}"#
    try Data((rows + "\n").utf8).write(to: directory.appendingPathComponent("rows.jsonl"))
    let csv = try runSiyu(["score", "rows.jsonl", "--summary", "none"], in: directory)
    let text = String(decoding: csv.stdout, as: UTF8.self)
    #expect(csv.status == 0)
    #expect(text.contains("\n9007199254740993,rows.jsonl#1,"), "\(text)")
    #expect(text.contains(#"""r"":0.123456,""uid"":12345678901234567890}"#), "\(text)")
  }

  @Test("--output is replaced only when every row is written; a failed run leaves it as it was")
  func outputIsAtomic() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("scores.csv")
    try Data("old\n".utf8).write(to: output)
    try Data("{\"text\":\"你好\"}\n".utf8).write(to: directory.appendingPathComponent("in.jsonl"))
    // A configuration error stops the run before any row: the old file stays.
    try Data("rules: {nonsense/rule: error}\n".utf8).write(to: directory.appendingPathComponent("bad.yml"))
    let failed = try runSiyu(
      ["score", "in.jsonl", "--config", "bad.yml", "--output", "scores.csv"], in: directory)
    #expect(failed.status == 2)
    #expect(try String(contentsOf: output, encoding: .utf8) == "old\n")
    let done = try runSiyu(
      ["score", "in.jsonl", "--output", "scores.csv", "--summary", "none"], in: directory)
    #expect(done.status == 0)
    #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("id,source,channel"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(leftovers.isEmpty)
  }
}
