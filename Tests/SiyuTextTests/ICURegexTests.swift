import Testing

@testable import SiyuText

/// The time-limited ICU regex wrapper: UTF-16 ranges, parse errors, catastrophic backtracking.
@Suite struct ICURegexTests {
  @Test func rangesAreUTF16WithAstralCharacters() throws {
    let regex = try ICURegex(pattern: "秒杀|🔥+")
    // 𠮷 and 🔥 are two UTF-16 units each.
    let text = "𠮷秒杀🔥🔥 再秒杀"
    #expect(try regex.matches(in: text) == [2..<4, 4..<8, 10..<12])
  }

  @Test func astralCharacterInPattern() throws {
    let regex = try ICURegex(pattern: "𠮷.")
    #expect(try regex.matches(in: "a𠮷𠮷b") == [1..<5])
  }

  @Test func manyMatchesGrowTheBuffer() throws {
    let regex = try ICURegex(pattern: "a")
    let ranges = try regex.matches(in: String(repeating: "ab", count: 500))
    #expect(ranges.count == 500)
    #expect(ranges.last == 998..<999)
  }

  @Test func noMatchesAndEmptyText() throws {
    let regex = try ICURegex(pattern: "秒杀")
    #expect(try regex.matches(in: "今天天气真好").isEmpty)
    #expect(try regex.matches(in: "").isEmpty)
  }

  @Test func caseInsensitive() throws {
    let regex = try ICURegex(pattern: "VIP", caseInsensitive: true)
    #expect(try regex.matches(in: "vip 会员") == [0..<3])
  }

  @Test func invalidPatternNamesTheProblemAndPosition() {
    #expect(throws: ICURegexError.invalidPattern(reason: "括号不配对", offset: 4)) {
      try ICURegex(pattern: "ab(c")
    }
    do {
      _ = try ICURegex(pattern: "秒杀[a-")
      Issue.record("the pattern should not compile")
    } catch {
      #expect(error.description == "字符范围无效（位置 5）")
    }
  }

  @Test func catastrophicBacktrackingTimesOut() throws {
    let regex = try ICURegex(pattern: "(a+)+$")
    let text = String(repeating: "a", count: 30) + "b"
    #expect(throws: ICURegexError.timeout) { try regex.matches(in: text) }
    // The regex is still usable afterwards.
    #expect(try regex.matches(in: "aaa") == [0..<3])
  }
}
