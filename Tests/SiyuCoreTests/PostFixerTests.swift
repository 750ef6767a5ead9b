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

  @Test func diffHasOneHunkPerChangedLine() {
    let change = PostFixer.Change(path: "a.md", before: "一\r\n最佳\r\n三", after: "一\r\n优秀\r\n三", applied: 1)
    #expect(PostFixer.diff(change) == "--- a/a.md\n+++ b/a.md\n@@ -2 +2 @@\n-最佳\n+优秀\n")
  }
}
