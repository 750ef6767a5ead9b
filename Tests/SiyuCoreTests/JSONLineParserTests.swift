import Foundation
import Testing

@testable import SiyuCore

@Suite struct JSONLineParserTests {
  func parse(_ text: String) -> JSONValue? {
    let units = Array(text.utf16)
    return units.withUnsafeBufferPointer { try? JSONLineParser.parse($0) }
  }

  @Test(
    "agrees with JSONDecoder on valid JSON",
    arguments: [
      #"{"text":"你好，世界","channel":"moments"}"#,
      #"{"a":[1,-2.5,3e2,0,-0.0,1E-3],"b":{"c":null,"d":true,"e":false},"f":""}"#,
      #"  {"esc":"\"\\\/\b\f\n\r\t\u00e9\u4f60\ud83d\udd25"}  "#,
      #"[[],{},[{}]]"#,
      #""just a string""#,
      #"{"dup":1,"dup":2}"#,
    ])
  func agreesWithFoundation(_ text: String) throws {
    let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    #expect(parse(text).map(Self.valuesOnly) == expected)
  }

  /// `value` with numbers kept as written (`numberText`) turned into their `Double`s.
  static func valuesOnly(_ value: JSONValue) -> JSONValue {
    switch value {
    case .numberText(let text): return .number(Double(text)!)
    case .array(let a): return .array(a.map(valuesOnly))
    case .object(let o): return .object(o.mapValues(valuesOnly))
    default: return value
    }
  }

  /// Numbers that the output format would not write back as written are kept as their literal, so big ids
  /// and precise metadata are echoed digit for digit.
  @Test func numbersAreEchoedAsWritten() throws {
    let row =
      #"{"id":12345678901234567890,"a":9007199254740993,"b":0.123456,"c":1e400,"d":42,"e":1.5,"f":3e2}"#
    guard case .object(let o)? = parse(row) else {
      Issue.record("not an object")
      return
    }
    #expect(o["id"] == .numberText("12345678901234567890"))
    #expect(o["a"] == .numberText("9007199254740993"))
    #expect(o["b"] == .numberText("0.123456"))
    #expect(o["c"] == .numberText("1e400"))
    #expect(o["d"] == .number(42))
    #expect(o["e"] == .number(1.5))
    #expect(o["f"] == .numberText("3e2"))
    #expect(
      JSONValue.object(o).jsonText
        == #"{"a":9007199254740993,"b":0.123456,"c":1e400,"d":42,"e":1.5,"f":3e2,"id":12345678901234567890}"#)
    // A YAML spelling that is not a JSON number is written in JSON's form.
    #expect(JSONValue.number(literal: "0x1F", value: 31) == .number(31))
    #expect(JSONValue.number(literal: "1_000", value: 1000) == .number(1000))
  }

  @Test(
    "rejects what RFC 8259 does not allow",
    arguments: [
      #"{"a":1,}"#, #"[1,]"#, #"{"a":01}"#, #"{"a":.5}"#, #"{"a":1.}"#, #"{"a":+1}"#,
      "{\"a\":\"tab\tinside\"}",
      #"{"a":"unterminated}"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":nul}"#, #"{"a":"\x"}"#, #"{"a":"\u12G4"}"#,
      #"{"a":1} extra"#, "", "   ", #"{"a":1"#, #"'single'"#,
    ])
  func rejectsInvalid(_ text: String) {
    #expect(parse(text) == nil)
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(parse(deep) == nil)
    let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    #expect(parse(fine) != nil)
  }

  @Test func loneSurrogateEscapeBecomesReplacementCharacter() {
    #expect(parse(#""a\ud800b""#) == .string("a\u{FFFD}b"))
  }

  @Test func objectMembersKeepTheirOrderAndFirstDuplicateWins() throws {
    let units = Array(#"{"z":1,"a":2,"z":3}"#.utf16)
    let members = try units.withUnsafeBufferPointer { try JSONLineParser.parseObject($0) }
    #expect(members?.map(\.key) == ["z", "a"])
    #expect(members?.map(\.value) == [.number(1), .number(2)])
    let notObject = try Array("[1]".utf16).withUnsafeBufferPointer { try JSONLineParser.parseObject($0) }
    #expect(notObject == nil)
  }
}
