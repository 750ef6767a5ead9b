import SiyuText

extension PostReader {
  /// Reads every post in `bytes` (a file's content already in memory, e.g. a git blob), named `id`, its
  /// format picked by `id`'s extension as for files. `path` is stored in the posts for config globs.
  public static func readPosts(
    bytes: [UInt8], id: String, path: String?, defaults: PostDefaults
  ) -> (posts: [Post], problems: [InputProblem], warnings: [String]) {
    let input: TextInput
    do {
      input = try TextInput(bytes: bytes, name: id)
    } catch {
      return ([], [error], [])
    }
    let warnings = input.warning.map { [$0] } ?? []
    switch Format(path: id) {
    case .jsonLines:
      let (posts, problems) = BatchReader.readJSONLines(input, file: id, path: path, defaults: defaults)
      return (posts, problems, warnings)
    case .csv:
      let (posts, problems) = BatchReader.readCSV(input, file: id, path: path, defaults: defaults)
      return (posts, problems, warnings)
    case .json:
      let (posts, problems) = BatchReader.collect {
        BatchReader.forEachJSONFileRow(input, file: id, path: path, defaults: defaults, emit: $0)
      }
      return (posts, problems, warnings)
    case .post:
      let text: String
      do {
        text = try input.readString()
      } catch {
        return ([], [error], warnings)
      }
      switch FrontMatter.post(from: text, id: id, path: path, defaults: defaults) {
      case .success(let post): return ([post], [], warnings)
      case .failure(let problem): return ([], [problem], warnings)
      }
    }
  }
}
