import Testing

@testable import SiyuCore

@Suite struct LineIndexTests {
  @Test func positionsAndUTF8Columns() {
    let index = LineIndex("ab\n𠮷好c\n")
    #expect(index.position(of: 0) == (1, 1))
    #expect(index.position(of: 3) == (2, 1))
    #expect(index.position(of: 6) == (2, 4))
    #expect(index.utf8Column(of: 6) == 8)
    #expect(index.position(of: 8) == (3, 1))
  }
}
