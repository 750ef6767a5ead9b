import Testing

@testable import SiyuCore

@Suite struct GlobPatternTests {
  struct Case: CustomStringConvertible, Sendable {
    var pattern: String
    var path: String
    var isDirectory = false
    var expected: Bool
    var description: String { "\(pattern) ~ \(path)\(isDirectory ? "/" : "") → \(expected)" }
  }

  static let cases: [Case] = [
    // Basename patterns match at any depth.
    Case(pattern: "*.md", path: "a.md", expected: true),
    Case(pattern: "*.md", path: "posts/2026/a.md", expected: true),
    Case(pattern: "*.md", path: "a.txt", expected: false),
    Case(pattern: "*.md", path: "a.md/b.txt", expected: false),
    Case(pattern: "draft", path: "posts/draft", expected: true),
    Case(pattern: "draft", path: "posts/drafts", expected: false),
    Case(pattern: "草稿*", path: "posts/草稿一.md", expected: true),
    // `*` and `?` never cross `/`.
    Case(pattern: "posts/*.md", path: "posts/a.md", expected: true),
    Case(pattern: "posts/*.md", path: "posts/x/a.md", expected: false),
    Case(pattern: "posts/?.md", path: "posts/a.md", expected: true),
    Case(pattern: "posts/?.md", path: "posts/ab.md", expected: false),
    Case(pattern: "a?b", path: "a/b", expected: false),
    Case(pattern: "*", path: "anything", expected: true),
    Case(pattern: "a*b*c", path: "axxbyyc", expected: true),
    Case(pattern: "a*b*c", path: "axxbyy", expected: false),
    Case(pattern: "*a", path: "aaa", expected: true),
    // Anchoring: a slash anywhere but the end anchors to the base.
    Case(pattern: "/a.md", path: "a.md", expected: true),
    Case(pattern: "/a.md", path: "x/a.md", expected: false),
    Case(pattern: "posts/a.md", path: "x/posts/a.md", expected: false),
    Case(pattern: "./posts/a.md", path: "posts/a.md", expected: true),
    // `**`.
    Case(pattern: "a/**/b", path: "a/b", expected: true),
    Case(pattern: "a/**/b", path: "a/x/b", expected: true),
    Case(pattern: "a/**/b", path: "a/x/y/b", expected: true),
    Case(pattern: "a/**/b", path: "a/x/y/c", expected: false),
    Case(pattern: "a/**/b", path: "x/a/b", expected: false),
    Case(pattern: "**/b", path: "b", expected: true),
    Case(pattern: "**/b", path: "x/y/b", expected: true),
    Case(pattern: "**/b/c", path: "x/b/c", expected: true),
    Case(pattern: "**/b/c", path: "b/c", expected: true),
    Case(pattern: "a/**", path: "a/x", expected: true),
    Case(pattern: "a/**", path: "a/x/y/z.md", expected: true),
    Case(pattern: "a/**", path: "a", isDirectory: true, expected: false),
    Case(pattern: "a/**", path: "b/x", expected: false),
    Case(pattern: "posts/**/*.md", path: "posts/a.md", expected: true),
    Case(pattern: "posts/**/*.md", path: "posts/2026/11/a.md", expected: true),
    Case(pattern: "posts/**/*.md", path: "posts/2026/11/a.txt", expected: false),
    Case(pattern: "**", path: "x/y", expected: true),
    Case(pattern: "a/**/**/b", path: "a/b", expected: true),
    Case(pattern: "a**b", path: "axyb", expected: true),
    Case(pattern: "a**b", path: "ax/yb", expected: false),
    // Directory-only patterns.
    Case(pattern: "build/", path: "build", isDirectory: true, expected: true),
    Case(pattern: "build/", path: "build", expected: false),
    Case(pattern: "build/", path: "x/build", isDirectory: true, expected: true),
    Case(pattern: "build/", path: "build/", expected: true),
    Case(pattern: "/build/", path: "x/build", isDirectory: true, expected: false),
    // Classes.
    Case(pattern: "[abc].md", path: "b.md", expected: true),
    Case(pattern: "[abc].md", path: "d.md", expected: false),
    Case(pattern: "[a-c]x", path: "bx", expected: true),
    Case(pattern: "[a-c]x", path: "dx", expected: false),
    Case(pattern: "[!a]x", path: "bx", expected: true),
    Case(pattern: "[!a]x", path: "ax", expected: false),
    Case(pattern: "[^a]x", path: "ax", expected: false),
    Case(pattern: "[]a]x", path: "]x", expected: true),
    Case(pattern: "[a-]x", path: "-x", expected: true),
    Case(pattern: "[0-9][0-9].md", path: "42.md", expected: true),
    Case(pattern: "[一-龥].md", path: "文.md", expected: true),
    Case(pattern: "[abc", path: "[abc", expected: true),
    // Escapes.
    Case(pattern: "\\*.md", path: "*.md", expected: true),
    Case(pattern: "\\*.md", path: "a.md", expected: false),
    Case(pattern: "a\\?", path: "a?", expected: true),
    Case(pattern: "\\#x", path: "#x", expected: true),
    Case(pattern: "[\\]]", path: "]", expected: true),
    // Paths are normalized.
    Case(pattern: "posts/*.md", path: "./posts/a.md", expected: true),
    Case(pattern: "posts/*.md", path: "posts//a.md", expected: true),
    // Empty pattern matches nothing.
    Case(pattern: "", path: "a", expected: false),
    Case(pattern: "/", path: "a", expected: false),
  ]

  @Test(arguments: cases) func matches(_ c: Case) {
    #expect(GlobPattern(c.pattern).matches(c.path, isDirectory: c.isDirectory) == c.expected)
  }

  @Test func properties() {
    #expect(GlobPattern("a/").isDirectoryOnly)
    #expect(!GlobPattern("a/").isAnchored)
    #expect(GlobPattern("/a").isAnchored)
    #expect(GlobPattern("a/b").isAnchored)
    #expect(!GlobPattern("*.md").isAnchored)
    #expect(GlobPattern("x").description == "x")
  }

  @Test func ancestorsCount() {
    #expect(GlobPattern("posts/live/").matchesPathOrAncestor("posts/live/a.md"))
    #expect(GlobPattern("posts/live").matchesPathOrAncestor("posts/live/x/a.md"))
    #expect(GlobPattern("drafts").matchesPathOrAncestor("posts/drafts/a.md"))
    #expect(!GlobPattern("drafts/").matchesPathOrAncestor("posts/drafts"))
    #expect(GlobPattern("drafts/").matchesPathOrAncestor("posts/drafts", isDirectory: true))
    #expect(!GlobPattern("posts/live").matchesPathOrAncestor("posts/lively/a.md"))
    #expect(!GlobPattern("a").matchesPathOrAncestor(""))
  }

  @Test func pathologicalPatternsStayFast() {
    let pattern = GlobPattern(String(repeating: "*a", count: 30) + "b")
    #expect(!pattern.matches(String(repeating: "a", count: 200)))
    let deep = GlobPattern(String(repeating: "**/x/", count: 20) + "y")
    #expect(!deep.matches(Array(repeating: "x", count: 60).joined(separator: "/")))
  }
}
