import Testing

@testable import SiyuCore

@Suite struct PostFixerTests {
  @Test func appliesNonOverlappingSuggestionsRightToLeft() {
    let (text, applied) = PostFixer.apply(
      [
        Suggestion(range: 4..<6, replacement: "优秀"),
        Suggestion(range: 0..<2, replacement: "高端"),
      ], to: "顶级工艺最佳")
    #expect(text == "高端工艺优秀")
    #expect(applied == 2)
  }

  @Test func skipsOverlappingAndOutOfRangeSuggestions() {
    let (text, applied) = PostFixer.apply(
      [
        Suggestion(range: 0..<3, replacement: "A"),
        Suggestion(range: 2..<4, replacement: "B"),
        Suggestion(range: 10..<12, replacement: "C"),
      ], to: "全网最低价")
    #expect(text == "A低价")
    #expect(applied == 1)
  }

  @Test func astralCharactersKeepOffsetsInUTF16() {
    let (text, _) = PostFixer.apply([Suggestion(range: 2..<4, replacement: "优秀")], to: "🔥最佳")
    #expect(text == "🔥优秀")
  }

  /// A diff `patch -p1` applies: context lines, each line with its own line end (CRLF kept), the
  /// no-newline marker, a tab after a path with a space.
  @Test func diffKeepsLineEndsAndContext() {
    let change = PostFixer.Change(path: "a.md", before: "一\r\n最佳\r\n三", after: "一\r\n优秀\r\n三", applied: 1)
    #expect(
      PostFixer.diff(change)
        == "--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n 一\r\n-最佳\r\n+优秀\r\n 三\n\\ No newline at end of file\n")
    let lines = (1...12).map { "第\($0)行\n" }
    let far = PostFixer.Change(
      path: "子 目录/b.md", before: lines.joined(),
      after: lines.enumerated().map { $0.offset == 0 || $0.offset == 11 ? "改\($0.element)" : $0.element }
        .joined(),
      applied: 2)
    let diff = PostFixer.diff(far)
    #expect(diff.hasPrefix("--- a/子 目录/b.md\t\n+++ b/子 目录/b.md\t\n@@ -1,4 +1,4 @@\n-第1行\n+改第1行\n 第2行\n"))
    #expect(diff.contains("@@ -9,4 +9,4 @@\n 第9行\n 第10行\n 第11行\n-第12行\n+改第12行\n"))
    #expect(PostFixer.diff(PostFixer.Change(path: "c.md", before: "一\n", after: "一\n", applied: 0)).isEmpty)
  }
}
