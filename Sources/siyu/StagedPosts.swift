import SiyuCore

/// Which files of the git index are posts, for `check --staged`'s drafts and its history alike: those
/// matched by `history` when it is set, else `*.md` and `*.txt` not excluded by `.siyuignore` files.
struct StagedPosts {
  private let patterns: PathPatterns
  private var ignore: InputWalker.IgnoreCheck

  init(_ configuration: Configuration) {
    patterns = PathPatterns(configuration.history)
    ignore = InputWalker.IgnoreCheck(baseDirectory: configuration.baseDirectory)
  }

  /// Ignore files that could not be read.
  var problems: [InputProblem] { ignore.problems }

  /// Whether the file at `absolute` (`relative` to the configuration's folder, nil outside it) is a post.
  mutating func contains(_ absolute: String, relative: String?) -> Bool {
    if !patterns.isEmpty {
      guard let relative else { return false }
      return patterns.matches(relative)
    }
    let name = absolute.lowercased()
    return (name.hasSuffix(".md") || name.hasSuffix(".txt")) && !ignore.isIgnored(file: absolute)
  }
}
