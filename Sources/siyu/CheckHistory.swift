import Foundation
import SiyuCore
import SiyuRules
import SiyuText

/// `siyu check`'s history side: the drafts from the git index (`--staged`), the history they are judged
/// against, and the cache of analysed history.
extension CheckCommand {
  /// What `--staged` reads: the staged posts (drafts) and the repository's index.
  struct StagedDrafts {
    var posts: [Post]
    var problems: [InputProblem]
    var index: StagedIndex
  }

  /// The staged posts: added or changed files in the index that are posts (matched by `history` when it
  /// is set, else `*.md` and `*.txt` not excluded by `.siyuignore` files, as `check .` would), limited to
  /// PATHs when given. Their content comes from the index, not the work tree. A PATH naming a file is
  /// checked whatever its extension, as `check FILE` does; one that is not staged (`pre-commit run
  /// --all-files` passes every file, none staged) is read from the work tree, which then matches the
  /// committed version; a PATH that does not exist is a problem.
  func readStaged(configuration: Configuration, cwd: String) throws(Git.Failure) -> StagedDrafts {
    let index = try StagedIndex(directory: cwd)
    var selector = StagedPosts(configuration)
    let limits = paths.filter { $0 != "-" }.map { Self.absolute($0, cwd: cwd) }
    var chosen: [StagedIndex.File] = []
    var stagedPaths: Set<String> = []
    for file in index.files where index.staged.contains(file.path) {
      let absolute = index.topLevel + "/" + file.path
      stagedPaths.insert(absolute)
      if !limits.isEmpty && !limits.contains(where: { absolute == $0 || absolute.hasPrefix($0 + "/") }) {
        continue
      }
      // A file named exactly is checked whatever its extension, as `check FILE` does (pre-commit's
      // `files:` pattern has chosen it).
      if limits.contains(absolute)
        || selector.contains(absolute, relative: configuration.relativePath(of: absolute))
      {
        chosen.append(file)
      }
    }
    var unstaged: [String] = []
    var missing: [InputProblem] = []
    for (argument, absolute) in zip(paths.filter { $0 != "-" }, limits) where !stagedPaths.contains(absolute)
    {
      var info = stat()
      guard stat(absolute, &info) == 0 else {
        missing.append(InputProblem(path: argument, message: SystemErrorText.describe(errno)))
        continue
      }
      if info.st_mode & S_IFMT == S_IFREG { unstaged.append(absolute) }
    }
    let contents = try index.contents(of: chosen.map(\.blob))
    var posts: [Post] = []
    var problems = selector.problems + missing
    for absolute in unstaged {
      let result = PostReader.readPosts(
        path: absolute, displayPath: Self.display(absolute, cwd: cwd), defaults: configuration.postDefaults)
      posts += result.posts
      problems += result.problems
      for warning in result.warnings { printError(warning) }
    }
    for file in chosen {
      let absolute = index.topLevel + "/" + file.path
      let id = Self.display(absolute, cwd: cwd)
      guard let bytes = contents[file.blob] else {
        problems.append(InputProblem(path: id, message: "无法从 git 暂存区读取"))
        continue
      }
      let result = PostReader.readPosts(
        bytes: bytes, id: id, path: absolute, defaults: configuration.postDefaults)
      posts += result.posts
      problems += result.problems
      for warning in result.warnings { printError(warning) }
    }
    return StagedDrafts(posts: posts, problems: problems, index: index)
  }

  /// Judges the drafts against the history and adds the cap findings to `files`. With `staged`, the
  /// history is the index's files matched by `history` (without `history`, its `*.md` and `*.txt` files
  /// not excluded by `.siyuignore`); otherwise the files under the configuration's folder matched by it. Warnings (unreadable history files) go to stderr.
  /// `unreadDrafts` are inputs that could not be read (already reported): they are drafts too, so not
  /// read again as history.
  func judgeHistory(
    drafts: [Post], unreadDrafts: [InputProblem] = [], files: inout [PostReport], linter: Linter,
    configuration: Configuration, staged: StagedIndex?, cwd: String
  ) throws(Git.Failure) {
    let historyActive = staged != nil || !configuration.history.isEmpty
    var rules = CapRules.all
    if !historyActive { rules.removeAll { $0.description.id == NoTimeCapRule.description.id } }
    guard historyActive else {
      HistoryCheck.apply(drafts: drafts, reports: &files, history: [], linter: linter, rules: rules)
      return
    }
    let draftFiles = Set(
      drafts.compactMap { $0.path.map { Self.absolute($0, cwd: cwd) } }
        + unreadDrafts.compactMap { $0.path == "-" ? nil : Self.absolute($0.path, cwd: cwd) })
    let fingerprint = HistoryFiles.fingerprint(configuration, toolVersion: Siyu.version)
    let cachePath = Self.cachePath(staged: staged)
    let cache = cachePath.flatMap { HistoryCache.load(path: $0, fingerprint: fingerprint) }
    let collector = HistoryCollector(
      linter: linter, configuration: configuration, cache: cache, fingerprint: fingerprint)
    let history: [History.Entry]
    if let staged {
      // Without `history`, the repository's posts are the index's files that `--staged` would take as
      // drafts (`*.md`, `*.txt`, not ignored): the hook then counts what was committed before.
      var selector = StagedPosts(configuration)
      var sources: [HistoryCollector.Source] = []
      var blobs: [String: String] = [:]
      let base = configuration.baseDirectory
      // The configuration's folder relative to the top folder, to relate index paths to it cheaply.
      let basePrefix: String? =
        base == staged.topLevel
        ? ""
        : base.hasPrefix(staged.topLevel + "/")
          ? String(base.dropFirst(staged.topLevel.count + 1)) + "/" : nil
      for file in staged.files {
        let absolute = staged.topLevel + "/" + file.path
        let relative: String?
        if let basePrefix {
          relative = file.path.hasPrefix(basePrefix) ? String(file.path.dropFirst(basePrefix.count)) : nil
        } else {
          relative = configuration.relativePath(of: absolute)
        }
        guard let relative, !draftFiles.contains(absolute), selector.contains(absolute, relative: relative)
        else { continue }
        let key = "blob:" + file.blob
        blobs[key] = file.blob
        sources.append(.init(id: Self.display(absolute, cwd: cwd), path: absolute, key: key))
      }
      history = try collector.entries(sources) { (missing) throws(Git.Failure) -> [String: [UInt8]] in
        let contents = try staged.contents(of: missing.compactMap { blobs[$0.key] })
        var byKey: [String: [UInt8]] = [:]
        for source in missing { byKey[source.key] = blobs[source.key].flatMap { contents[$0] } }
        return byKey
      }
    } else {
      var sources: [HistoryCollector.Source] = []
      var contents: [String: [UInt8]] = [:]
      // A draft reached through a symbolic link (`current/` → `posts/`) is still its own history file.
      let resolvedDrafts = Set(draftFiles.map(Self.resolved))
      for (_, absolute) in HistoryFiles.find(configuration)
      where !draftFiles.contains(absolute) && !resolvedDrafts.contains(Self.resolved(absolute)) {
        let id = Self.display(absolute, cwd: cwd)
        // A FIFO or device matched by a glob would be read forever or wait for a writer.
        if TextInput.isSpecialFile(absolute) {
          printError("\(id): 不是普通文件，未读取（历史帖子，未计入发布频率）")
          continue
        }
        guard let data = FileManager.default.contents(atPath: absolute) else {
          printError("\(id): 无法读取（历史帖子，未计入发布频率）")
          continue
        }
        let bytes = [UInt8](data)
        let key = "content:" + Hash.hex128(bytes)
        contents[key] = bytes
        sources.append(.init(id: id, path: absolute, key: key))
      }
      history = collector.entries(sources) { _ in contents }
    }
    for warning in collector.warnings { printError(warning) }
    HistoryCheck.apply(drafts: drafts, reports: &files, history: history, linter: linter, rules: rules)
    if let cachePath, collector.cacheChanged || cache == nil {
      collector.cache.save(path: cachePath)
    }
  }

  /// Where the history cache lives: `$SIYU_HISTORY_CACHE` (a file path, or `off`), else with `--staged`
  /// `.git/siyu/history-cache` (the worktree's git folder), else nowhere.
  static func cachePath(staged: StagedIndex?) -> String? {
    if let value = ProcessInfo.processInfo.environment["SIYU_HISTORY_CACHE"], !value.isEmpty {
      return value == "off" ? nil : value
    }
    return staged.map { $0.gitDirectory + "/siyu/history-cache" }
  }

  /// `path` made absolute against `cwd`, with `.` and `..` resolved.
  static func absolute(_ path: String, cwd: String) -> String {
    var configuration = Configuration(baseDirectory: cwd)
    configuration.history = []
    return configuration.resolvedPath(path)
  }

  /// `absolute` with symbolic links resolved (`realpath`); as it is when that fails (a missing file).
  static func resolved(_ absolute: String) -> String {
    guard let pointer = realpath(absolute, nil) else { return absolute }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// `absolute` relative to `cwd` when it lies inside it, else as it is.
  static func display(_ absolute: String, cwd: String) -> String {
    let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
    return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
  }
}
