import Foundation
import SiyuText
import Testing

@testable import SiyuCore

/// What a JSON Lines row hands on to its post without a round trip through `String`.
@Suite struct RowReadingTests {
  private func row(_ text: String) throws -> (members: [(key: String, value: JSONValue)], text: [UInt16]?)? {
    let units = Array(text.utf16)
    return try units.withUnsafeBufferPointer { try JSONLineParser.parseRow($0) }
  }

  @Test(
    "the text member comes back as the units of its string",
    arguments: [
      #"{"text":"你好，世界 🔥"}"#,
      #"{"id":7,"text":"a\"b\\c\nd\u00e9\ud83d\udd25"}"#,
      #"{"text":""}"#,
      #"{"text":"第一","text":"第二","x":1}"#,
    ])
  func keepsTheTextUnits(_ line: String) throws {
    let units = Array(line.utf16)
    let object = try #require(try units.withUnsafeBufferPointer { try JSONLineParser.parseObject($0) })
    guard case .string(let text)? = object.first(where: { $0.key == "text" })?.value else {
      Issue.record("no text member")
      return
    }
    let parsed = try #require(try row(line))
    #expect(parsed.text == Array(text.utf16))
    #expect(!parsed.members.contains { $0.key == "text" })
    #expect(parsed.members.map(\.key) == object.map(\.key).filter { $0 != "text" })
  }

  @Test func theTextStaysAMemberWhenItIsNotAStringOrHasALoneSurrogate() throws {
    let number = try #require(try row(#"{"text":5,"text":"x"}"#))
    #expect(number.text == nil && number.members.count == 1 && number.members[0].value == .number(5))
    #expect(try row(#"{"other":"x"}"#)?.text == nil)
    let nested = try #require(try row(#"{"meta":{"text":"inner"}}"#))
    #expect(nested.text == nil && nested.members.map(\.key) == ["meta"])
    // The string has U+FFFD where the escape is a lone surrogate; units would differ from it.
    let lone = try #require(try row(#"{"text":"a\ud800b"}"#))
    #expect(lone.text == nil && lone.members[0].value == .string("a\u{FFFD}b"))
    #expect(try row(#"{"text":"a\udc00"}"#)?.text == nil)
    #expect(try row("[1]") == nil)
  }

  @Test func settingTheTextDropsTheUnits() throws {
    var post = Post(id: "p", text: "原文", channel: "moments")
    post.textUnits = Array("原文".utf16)
    post.text = "改过"
    #expect(post.textUnits == nil && post.text == "改过")
    let row = Post(
      row: "r#1", path: nil, text: nil, textUnits: Array("只有单元".utf16), sourceLine: 1,
      defaults: PostDefaults())
    #expect(row.text == "只有单元" && row.sourceLine == 1 && row.channel == "moments")
    #expect(Document(post: post, segmenter: try Segmenter()).units == Array("改过".utf16))
  }

  @Test func rowsReadFromJSONLinesCarryTheirUnitsUnlessTheyHadCarriageReturns() throws {
    let lines =
      #"{"text":"第一条"}"# + "\n" + #"{"text":"两行\r\n文字"}"# + "\n" + #"{"channel":"x","text":5}"# + "\n"
    let input = try TextInput(bytes: Array(lines.utf8), name: "rows.jsonl")
    let (posts, problems) = BatchReader.readJSONLines(
      input, file: "rows.jsonl", path: nil, defaults: PostDefaults(channel: "moments"))
    #expect(problems.map(\.line) == [3])
    #expect(posts.map(\.textUnits) == [Array("第一条".utf16), nil])
    #expect(posts.map(\.text) == ["第一条", "两行\n文字"])
    #expect(posts.map(\.id) == ["rows.jsonl#1", "rows.jsonl#2"])
  }

  @Test func rowIDsAreFileHashRow() {
    for (file, row) in [("a.jsonl", 0), ("导出/帖子.csv", 7), ("x", 10), ("y", 1_234_567_890), ("", 99)] {
      #expect(BatchReader.rowID(file: file, row: row) == "\(file)#\(row)")
    }
    // Every digit count, for names whose ids fall either side of the 15-byte small-string limit.
    for file in ["s20k.jsonl", "rows-2026.jsonl", "一二三.csv"] {
      var row = 0
      while row < 10_000_000 {
        for r in [row, max(0, row - 1), row + 1] {
          let id = BatchReader.rowID(file: file, row: r)
          #expect(id == "\(file)#\(r)")
          #expect(id.utf8.count == file.utf8.count + 1 + String(r).count)
        }
        row = row == 0 ? 1 : row * 10
      }
    }
  }

  @Test func cueTextFoldsDigitsAndLineEnds() {
    func fold(_ text: String) -> String {
      Array(text.utf16).withUnsafeBufferPointer { ScoredPost.foldDigits($0) }
    }
    #expect(fold("仅需99元，限时３天") == "仅需N元，限时N天")
    #expect(fold("第一行\n第二行\r") == "第一行 第二行 ")
    #expect(fold(String(repeating: "好", count: 50)) == String(repeating: "好", count: 40))
    #expect(fold(String(repeating: "好", count: 39) + "123好") == String(repeating: "好", count: 39) + "N好")
    #expect(fold("1") == "N")
  }
}
