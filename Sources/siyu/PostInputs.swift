import Foundation
import SiyuCore
import SiyuText

/// Posts named on a command line: files, folders and batch files (`-` for stdin), read in order.
enum PostInputs {
  /// The posts and the inputs that could not be read; warnings (GB18030 input) go to stderr.
  static func read(_ paths: [String], defaults: PostDefaults, baseDirectory: String) -> (
    posts: [Post], problems: [InputProblem]
  ) {
    let (files, walkProblems) = InputWalker.expand(paths, baseDirectory: baseDirectory)
    var posts: [Post] = []
    var problems = walkProblems
    for file in files {
      let result = PostReader.readPosts(path: file, defaults: defaults)
      posts += result.posts
      problems += result.problems
      for warning in result.warnings { printError(warning) }
    }
    return (posts, problems)
  }
}
