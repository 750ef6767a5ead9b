import Testing

@testable import SiyuCore

/// `history` and `overrides.paths` lists: folders cover what is inside, `!` excludes, the last matching
/// entry decides.
@Suite struct PathPatternsTests {
  @Test func foldersCoverTheirContents() {
    for written in ["posts/", "posts", "/posts", "posts/**"] {
      let patterns = PathPatterns([written])
      #expect(patterns.matches("posts/a.md"), "\(written)")
      #expect(patterns.matches("posts/2026/11/a.md"), "\(written)")
      #expect(!patterns.matches("drafts/a.md"), "\(written)")
      #expect(!patterns.matches("postscript.md"), "\(written)")
    }
    // A folder-only pattern does not take a file of that name.
    #expect(!PathPatterns(["posts/"]).matches("posts"))
    #expect(PathPatterns(["posts"]).matches("posts"))
  }

  @Test func theLastMatchingEntryDecides() {
    let archive = PathPatterns(["posts/", "!posts/archive/"])
    #expect(archive.matches("posts/a.md"))
    #expect(!archive.matches("posts/archive/b.md"))
    #expect(!archive.matches("posts/archive/2025/c.md"))
    let files = PathPatterns(["posts/**/*.md", "!posts/archive/**"])
    #expect(files.matches("posts/x/a.md"))
    #expect(!files.matches("posts/archive/b.md"))
    // A later positive entry takes part of the excluded folder back.
    let back = PathPatterns(["posts/", "!posts/archive/", "posts/archive/keep.md"])
    #expect(back.matches("posts/archive/keep.md"))
    #expect(!back.matches("posts/archive/drop.md"))
    // Order matters: an exclusion before the inclusion is overridden by it.
    #expect(PathPatterns(["!posts/archive/", "posts/"]).matches("posts/archive/b.md"))
  }

  @Test func negationsAloneSelectNothing() {
    let only = PathPatterns(["!posts/archive/"])
    #expect(!only.hasPositive && !only.isEmpty)
    #expect(!only.matches("posts/a.md"))
    #expect(PathPatterns([]).isEmpty)
  }

  @Test func escapedBangIsLiteral() {
    let literal = PathPatterns(["\\!important.md"])
    #expect(literal.hasPositive)
    #expect(literal.matches("!important.md"))
    #expect(!literal.matches("important.md"))
  }

  @Test func overridesUseTheSameMatching() {
    let override = OverrideSettings(paths: ["posts/", "!posts/live/"])
    #expect(override.matches(relativePath: "posts/a.md", channel: "moments"))
    #expect(!override.matches(relativePath: "posts/live/a.md", channel: "moments"))
    #expect(!override.matches(relativePath: nil, channel: "moments"))
  }
}
