import Foundation
import Testing

@testable import SiyuCore

/// `ScoreRowFormat.append` (through `ScoreRowWriter`) against the straightforward byte-by-byte writer it
/// replaced, on rows with quotes, commas, line ends, control characters, absent values and many rules.
@Suite struct ScoreRowWriterTests {
  @Test func rowsMatchThePlainWriter() throws {
    let calendar = ScoreCalendar(timezone: try #require(TimeZone(identifier: "Asia/Shanghai")))
    let texts: [String] = [
      "", "a", "家人们", "a,b", "说\"好\"", "两\n行", "tab\there", "c\u{01}d", "x\r\ny", "😀,\"",
      "长" + String(repeating: "，\"", count: 40),
    ]
    var state: UInt64 = 7
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for index in 0..<600 {
      var post = Post(
        id: "in.jsonl#\(index)", text: "帖子", channel: texts[next(texts.count)],
        persona: next(3) == 0 ? nil : texts[next(texts.count)],
        publishAt: next(2) == 0 ? nil : Date(timeIntervalSince1970: 1_790_000_000 + Double(next(1_000_000))),
        group: next(2) == 0 ? nil : texts[next(texts.count)])
      if next(2) == 0 {
        post.meta = [
          "id": JSONValue.string(texts[next(texts.count)]), "k": JSONValue.string(texts[next(texts.count)]),
        ]
      }
      let probability = [0, 1, 0.5, 0.12345, 0.99996, 0.00004, Double(next(10_000)) / 9_999][next(7)]
      let score = [0, -5.071, 11.5, 3, -0.001, 123_456.789, Double(next(100_000)) / 7][next(7)]
      var scored = ScoredPost(
        post: post,
        report: PostReport(
          path: post.id,
          verdict: Verdict(class: next(2) == 0 ? .hardSell : .value, probability: probability, score: score),
          findings: []))
      scored.rules = (0..<next(4)).map { ["hard-sell/cta", "ad-law/absolute", "persona/voice"][$0] }
      scored.caps = (0..<next(3)).map { ["cap/daily", "cap/duplicate"][$0] }
      for format in ScoreRowFormat.allCases {
        var new: [UInt8] = [1, 2]
        var old: [UInt8] = [1, 2]
        format.append(scored, calendar: calendar, to: &new)
        Reference.append(format, scored, calendar: calendar, to: &old)
        #expect(new == old, "\(format) row \(index)")
      }
    }
  }
}

/// The row writer before `ScoreRowWriter` (appending to the array byte by byte).
private enum Reference {
  static func append(
    _ format: ScoreRowFormat, _ post: ScoredPost, calendar: ScoreCalendar, to out: inout [UInt8]
  ) {
    let time = post.publishAt.map(calendar.iso8601)
    let meta = post.meta.isEmpty ? nil : JSONValue.object(post.meta).jsonText
    switch format {
    case .csv:
      Self.csvCell(post.id, &out)
      out.append(0x2C)
      Self.csvCell(post.source, &out)
      out.append(0x2C)
      Self.csvCell(post.channel, &out)
      out.append(0x2C)
      Self.csvCell(post.persona ?? "", &out)
      out.append(0x2C)
      Self.csvCell(post.group ?? "", &out)
      out.append(0x2C)
      if let time { Self.appendUTF8(time, &out) }
      out.append(0x2C)
      Self.appendUTF8(post.verdict.class.rawValue, &out)
      out.append(0x2C)
      Self.fixed(post.verdict.probability, places: 4, &out)
      out.append(0x2C)
      Self.fixed(post.verdict.score, places: 2, &out)
      out.append(0x2C)
      Self.appendJoined(post.rules, &out)
      out.append(0x2C)
      Self.appendJoined(post.caps, &out)
      out.append(0x2C)
      if let meta { Self.csvCell(meta, &out) }
      out.append(0x0A)
    case .jsonl:
      Self.appendUTF8(#"{"id":"#, &out)
      Self.jsonString(post.id, &out)
      Self.appendUTF8(#","source":"#, &out)
      Self.jsonString(post.source, &out)
      Self.appendUTF8(#","channel":"#, &out)
      Self.jsonString(post.channel, &out)
      Self.appendUTF8(#","persona":"#, &out)
      Self.jsonOptional(post.persona, &out)
      Self.appendUTF8(#","group":"#, &out)
      Self.jsonOptional(post.group, &out)
      Self.appendUTF8(#","publish_at":"#, &out)
      Self.jsonOptional(time, &out)
      Self.appendUTF8(#","class":""#, &out)
      Self.appendUTF8(post.verdict.class.rawValue, &out)
      Self.appendUTF8(#"","probability":"#, &out)
      Self.fixed(post.verdict.probability, places: 4, &out)
      Self.appendUTF8(#","score":"#, &out)
      Self.fixed(post.verdict.score, places: 2, &out)
      Self.appendUTF8(#","rules":["#, &out)
      for (index, rule) in post.rules.enumerated() {
        if index > 0 { out.append(0x2C) }
        Self.jsonString(rule, &out)
      }
      Self.appendUTF8(#"],"caps":["#, &out)
      for (index, rule) in post.caps.enumerated() {
        if index > 0 { out.append(0x2C) }
        Self.jsonString(rule, &out)
      }
      Self.appendUTF8(#"],"meta":"#, &out)
      Self.appendUTF8(meta ?? "{}", &out)
      Self.appendUTF8("}\n", &out)
    }
  }

  /// `ids` joined by `;`, as UTF-8 (rule ids need no quoting).
  static func appendJoined(_ ids: [String], _ out: inout [UInt8]) {
    for (index, id) in ids.enumerated() {
      if index > 0 { out.append(0x3B) }
      appendUTF8(id, &out)
    }
  }

  /// `text` as UTF-8, copied from its storage in one step (appending `text.utf8` goes element-wise).
  @inline(__always)
  static func appendUTF8(_ text: String, _ out: inout [UInt8]) {
    var text = text
    text.withUTF8 { out.append(contentsOf: $0) }
  }

  /// A CSV cell, quoted (RFC 4180) when it holds a comma, quote or line end.
  static func csvCell(_ text: String, _ out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      var needsQuotes = false
      for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
        needsQuotes = true
        break
      }
      guard needsQuotes else {
        out.append(contentsOf: bytes)
        return
      }
      out.append(0x22)
      for byte in bytes {
        if byte == 0x22 { out.append(0x22) }
        out.append(byte)
      }
      out.append(0x22)
    }
  }

  static func jsonOptional(_ text: String?, _ out: inout [UInt8]) {
    if let text { jsonString(text, &out) } else { Self.appendUTF8("null", &out) }
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
  static func jsonString(_ text: String, _ out: inout [UInt8]) {
    out.append(0x22)
    for byte in text.utf8 {
      switch byte {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: out.append(contentsOf: [0x5C, 0x72])
      case 0x09: out.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: out.append(byte)
      }
    }
    out.append(0x22)
  }

  /// `value` rounded to `places` decimals, trailing zeros dropped (`0.97`, `11.5`, `3`), without
  /// `String(format:)`, which costs more than the rest of the row.
  static func fixed(_ value: Double, places: Int, _ out: inout [UInt8]) {
    guard value.isFinite else {
      out.append(0x30)
      return
    }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    var scaled = Int64((abs(value) * scale).rounded())
    if value < 0 && scaled != 0 { out.append(0x2D) }
    let unit = Int64(scale)
    appendDecimal(scaled / unit, &out)
    scaled %= unit
    guard scaled != 0 else { return }
    out.append(0x2E)
    var divisor = unit / 10
    while divisor > 0 {
      out.append(UInt8(0x30 + scaled / divisor))
      scaled %= divisor
      divisor /= 10
    }
    // Some digit after the point is not 0 (scaled was not 0), so this stops before the point.
    while out.last == 0x30 { out.removeLast() }
  }

  /// The digits of `value` (≥ 0), without making a `String`.
  static func appendDecimal(_ value: Int64, _ out: inout [UInt8]) {
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(0x30 + rest % 10)
        rest /= 10
        count += 1
      } while rest > 0 && count < buffer.count
      for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
    }
  }
}
