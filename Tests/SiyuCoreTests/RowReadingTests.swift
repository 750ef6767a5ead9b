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
    "the text member's units are the units of its string",
    arguments: [
      #"{"text":"你好，世界 🔥"}"#,
      #"{"id":7,"text":"a\"b\\c\nd\u00e9\ud83d\udd25"}"#,
      #"{"text":""}"#,
      #"{"text":"第一","text":"第二"}"#,
    ])
  func keepsTheTextUnits(_ line: String) throws {
    let parsed = try #require(try row(line))
    guard case .string(let text)? = parsed.members.first(where: { $0.key == "text" })?.value else {
      Issue.record("no text member")
      return
    }
    #expect(parsed.text == Array(text.utf16))
  }

  @Test func noUnitsWhenTheTextIsNotAStringOrHasALoneSurrogate() throws {
    #expect(try row(#"{"text":5}"#)?.text == nil)
    #expect(try row(#"{"other":"x"}"#)?.text == nil)
    #expect(try row(#"{"meta":{"text":"inner"}}"#)?.text == nil)
    // The string has U+FFFD where the escape is a lone surrogate; its units must not differ from it.
    #expect(try row(#"{"text":"a\ud800b"}"#)?.text == nil)
    #expect(try row(#"{"text":"a\udc00"}"#)?.text == nil)
    #expect(try row("[1]") == nil)
  }

  @Test func settingTheTextDropsTheUnits() throws {
    var post = Post(id: "p", text: "原文", channel: "moments")
    post.textUnits = Array("原文".utf16)
    post.text = "改过"
    #expect(post.textUnits == nil)
    #expect(Document(post: post, segmenter: try Segmenter()).units == Array("改过".utf16))
  }

  @Test func rowsReadFromJSONLinesCarryTheirUnitsUnlessTheyHadCarriageReturns() throws {
    let lines = #"{"text":"第一条"}"# + "\n" + #"{"text":"两行\r\n文字"}"# + "\n"
    let input = try TextInput(bytes: Array(lines.utf8), name: "rows.jsonl")
    let (posts, problems) = BatchReader.readJSONLines(
      input, file: "rows.jsonl", path: nil, defaults: PostDefaults(channel: "moments"))
    #expect(problems.isEmpty)
    #expect(posts.map(\.textUnits) == [Array("第一条".utf16), nil])
    #expect(posts.map(\.text) == ["第一条", "两行\n文字"])
    #expect(posts.map(\.id) == ["rows.jsonl#1", "rows.jsonl#2"])
  }

  @Test func rowIDsAreFileHashRow() {
    for (file, row) in [("a.jsonl", 0), ("导出/帖子.csv", 7), ("x", 10), ("y", 1_234_567_890), ("", 99)] {
      #expect(BatchReader.rowID(file: file, row: row) == "\(file)#\(row)")
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
