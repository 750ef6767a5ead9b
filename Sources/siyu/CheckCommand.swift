import ArgumentParser
import Foundation
import SiyuCore
import SiyuRules
import SiyuText

#if canImport(Glibc)
  import Glibc
#endif

/// `siyu check`: lints posts and maps the outcome to an exit code (0 clean, 1 errors or too many
/// warnings, 2 usage, configuration or input errors).
struct CheckCommand: ParsableCommand, DisplayFlags {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "检查帖子：硬广、广告法用语、人设、发布频率。",
    discussion: """
      PATH may be a post file (.md, .txt, or any text), a folder (walked for *.md and *.txt, honouring \
      .siyuignore), a JSON Lines (.jsonl) or CSV (.csv) batch file (each row a post), or - for stdin. \
      Without PATH, the current folder is checked.
      Exit codes: 0 no error-level findings; 1 error-level findings or more warnings than --max-warnings; \
      2 usage, configuration or input error (other inputs are still checked).
      """
  )

  @Argument(help: "Posts, folders or batch files to check ('-' for stdin).")
  var paths: [String] = []

  @Flag(name: .long, help: "Read one post from stdin.")
  var stdin = false

  @Option(
    name: .long,
    help: "Check stdin as if it were the file PATH (editors): front matter is read from the text.")
  var stdinFilename: String?

  @Option(name: .long, help: "Channel of posts that do not name one (e.g. moments, group).")
  var channel: String?

  @Option(name: .long, help: "Persona of posts that do not name one.")
  var persona: String?

  @Option(name: .long, help: "Publish time (ISO 8601) of posts that do not give one.")
  var at: String?

  @Option(
    name: .long, help: "Configuration file (default: nearest .siyu.yml upwards from the current folder).")
  var config: String?

  @Option(name: .long, help: "Output format: human, json, sarif or rdjson.")
  var format: ReportFormat = .human

  @Flag(name: .long, help: "No colours in human output (also NO_COLOR).")
  var noColor = false

  @Flag(name: .long, help: "Report error-level findings only.")
  var quiet = false

  @Option(
    name: .long, parsing: .unconditional,
    help: "Exit 1 when there are more than N warnings (-1: no limit, as ESLint).")
  var maxWarnings: Int?

  /// `--max-warnings`, with -1 (ESLint's spelling of "no limit") as nil.
  var warningLimit: Int? { maxWarnings == -1 ? nil : maxWarnings }

  @Option(name: .long, help: "Report only findings not recorded in this baseline file.")
  var baseline: String?

  @Option(name: .long, help: "Record the current findings as the baseline in FILE, then exit 0.")
  var writeBaseline: String?

  @Flag(
    name: .long,
    help:
      "Apply substitution suggestions (ad-law replacements, custom substitutions) to the files, then report what is left."
  )
  var fix = false

  @Flag(name: .long, help: "Print the changes --fix would make as a diff, without changing any file.")
  var fixDryRun = false

  @Flag(
    name: .long,
    help:
      "Check the posts staged in git (content from the index) against the repository's history (PATHs limit which)."
  )
  var staged = false

  func validate() throws {
    if let maxWarnings, maxWarnings < -1 {
      throw ValidationError("--max-warnings 应为 0 或更大的整数（-1 表示不限）")
    }
    if fix && fixDryRun { throw ValidationError("--fix 与 --fix-dry-run 不能同时使用") }
    if staged && (fix || fixDryRun || stdin || stdinFilename != nil || paths.contains("-")) {
      throw ValidationError("--staged 不能与 --fix、--fix-dry-run 或标准输入同时使用")
    }
    if baseline != nil && writeBaseline != nil {
      throw ValidationError("--baseline 与 --write-baseline 不能同时使用")
    }
    if (fix || fixDryRun) && writeBaseline != nil {
      throw ValidationError("--fix 不能与 --write-baseline 同时使用")
    }
  }

  func run() throws {
    let cwd = FileManager.default.currentDirectoryPath
    let configuration: Configuration = try CommandSupport.orExit {
      try CommandSupport.loadConfiguration(explicit: config, cwd: cwd)
    }
    var problems: [InputProblem] = []
    var publishAt: FrontMatterDate.Value?
    if let at {
      guard let parsed = FrontMatterDate.parseValue(at, timezone: configuration.timezone) else {
        let reason =
          FrontMatterDate.annotationProblem(at, timezone: configuration.timezone).map { "（\($0)）" } ?? ""
        printError("--at: 「\(at)」不是有效的 ISO 8601 时间\(reason)")
        throw ExitCode(2)
      }
      publishAt = parsed
    }
    var defaults = configuration.postDefaults
    if let channel { defaults.channel = channel }
    defaults.persona = persona
    defaults.publishAt = publishAt?.date
    defaults.publishDateOnly = publishAt?.dateOnly ?? false
    let lexicons: [Lexicon] = try CommandSupport.orExit {
      try CommandSupport.loadLexicons(configuration)
    }
    let customRules: [any Rule] = try CommandSupport.orExit {
      try CustomRules.make(
        configuration.customRules, configPath: configuration.path ?? ".siyu.yml", lines: configuration.lines)
    }
    let personas: PersonaSet = try CommandSupport.orExit {
      try CommandSupport.loadPersonas(configuration, cwd: cwd, named: persona)
    }
    let builtinRules: [any Rule] = try CommandSupport.orExit {
      try ClassifierSupport.builtinRules(configuration)
    }
    let allRules = builtinRules + customRules
    let linter = try Linter(
      rules: allRules, configuration: configuration, lexicons: lexicons, personas: personas,
      utf8Columns: format == .rdjson, historyRuleIDs: CapRules.descriptions.map(\.id))
    let files: [PostReport]

    var posts: [Post]
    var stagedIndex: StagedIndex?
    var stdinPosts = 0
    do {
      if staged {
        let drafts = try readStaged(configuration: configuration, cwd: cwd)
        posts = drafts.posts
        problems += drafts.problems
        stagedIndex = drafts.index
      } else {
        let read = readPosts(defaults: defaults, baseDirectory: configuration.baseDirectory)
        (posts, stdinPosts) = (read.0, read.2)
        problems += read.1
      }
      var checked = posts.map { linter.check($0) }
      try judgeHistory(
        drafts: posts, unreadDrafts: problems, files: &checked, linter: linter, configuration: configuration,
        staged: stagedIndex, cwd: cwd)
      files = checked
    } catch {
      printError(error.message)
      throw ExitCode(2)
    }
    // Checks that failed on a post (a custom regex that timed out) are input problems too.
    var report = CheckReport(files: files, errors: problems + files.flatMap(\.problems))
    if let writeBaseline {
      do {
        let directory = (Self.absolute(writeBaseline, cwd: cwd) as NSString).deletingLastPathComponent
        try AtomicFile.write(
          Baseline(report: report, directory: directory, workingDirectory: cwd).data(), to: writeBaseline)
      } catch {
        printError("\(writeBaseline): 无法写入基线文件")
        throw ExitCode(2)
      }
      let count = report.files.reduce(0) { $0 + $1.findings.count }
      printError("已把 \(count) 条问题写入基线 \(writeBaseline)")
      if !report.errors.isEmpty {
        for problem in report.errors { printError(problem.description) }
        throw ExitCode(2)
      }
      return
    }
    var baselineFilter: Baseline?
    if let baseline {
      do {
        baselineFilter = try Baseline(path: baseline)
      } catch {
        printError(error.description)
        throw ExitCode(2)
      }
    }
    let baselineDirectory =
      baseline.map { (Self.absolute($0, cwd: cwd) as NSString).deletingLastPathComponent } ?? cwd
    if let baselineFilter {
      report = baselineFilter.filter(report, directory: baselineDirectory, workingDirectory: cwd)
    }
    if fix || fixDryRun {
      let fixed = applyFixes(report: &report, posts: posts, stdinPosts: stdinPosts)
      if !fixed.isEmpty {
        // What is left is what counts: the changed posts are read again (`--fix`: the files just
        // written; `--fix-dry-run`: the fixed text, nothing written) and checked again with the caps,
        // since a fix can change a post's verdict and so the hard-sell caps of the posts around it.
        var errors = report.errors
        var reread = posts
        for (index, after) in fixed {
          guard let path = posts[index].path else { continue }
          let result =
            fixDryRun
            ? PostReader.readPosts(bytes: Array(after.utf8), id: path, path: path, defaults: defaults)
            : PostReader.readPosts(path: path, defaults: defaults)
          if let post = result.posts.first, result.posts.count == 1 { reread[index] = post }
          errors += result.problems
        }
        var checked = reread.map { linter.check($0) }
        do {
          try judgeHistory(
            drafts: reread, unreadDrafts: errors, files: &checked, linter: linter,
            configuration: configuration, staged: stagedIndex, cwd: cwd)
        } catch {
          printError(error.message)
          throw ExitCode(2)
        }
        let known = Set(errors.map(\.description))
        errors += checked.flatMap(\.problems).filter { !known.contains($0.description) }
        report = CheckReport(files: checked, errors: errors)
        let baselineDirectory =
          baseline.map { (Self.absolute($0, cwd: cwd) as NSString).deletingLastPathComponent } ?? cwd
        if let baselineFilter {
          report = baselineFilter.filter(report, directory: baselineDirectory, workingDirectory: cwd)
        }
      }
    }
    if quiet {
      for f in report.files.indices { report.files[f].findings.removeAll { $0.finding.severity != .error } }
    }
    if fixDryRun {
      // The diff is the output; the exit code is the one `check` would give after the fixes, and when it
      // is 1 a line on stderr says what is left.
      for problem in report.errors { printError(problem.description) }
      let status = exitStatus(report)
      if status == 1 {
        let (errors, warnings) = (report.count(.error), report.count(.warning))
        var line = "修复后仍有 \(errors) 个错误、\(warnings) 个警告"
        if let maxWarnings = warningLimit, warnings > maxWarnings {
          line += "（--max-warnings \(maxWarnings)）"
        }
        printError(line)
      }
      if status != 0 { throw ExitCode(status) }
      return
    }
    let rules = allRules.map(\.description) + CapRules.descriptions
    let color = format == .human && CommandSupport.useColor(noColor: noColor)
    var shown = report
    if format == .human {
      // Human output: input problems go to stderr, findings to stdout.
      for problem in report.errors { printError(problem.description) }
      shown.errors = []
    }
    let output = format.reporter(
      color: color, toolVersion: Siyu.version, sourceRoot: FileManager.default.currentDirectoryPath
    ).render(shown, rules: rules)
    StandardOutput.write(output)
    let status = exitStatus(report)
    if status != 0 { throw ExitCode(status) }
  }

  /// SPEC.md's exit code for `report`: 2 for input errors, 1 for error-level findings or more warnings
  /// than `--max-warnings`, else 0.
  private func exitStatus(_ report: CheckReport) -> Int32 {
    if !report.errors.isEmpty { return 2 }
    if report.count(.error) > 0 { return 1 }
    if let maxWarnings = warningLimit, report.count(.warning) > maxWarnings { return 1 }
    return 0
  }

  /// Computes the `--fix` changes for every post read from its own file (not stdin, not batch rows).
  /// `--fix-dry-run` prints them as a diff; `--fix` writes them atomically and reports each changed file
  /// on stderr. Returns the indices of the posts that change (`--fix`: whose files were written) with
  /// their files' fixed text; files that cannot be changed safely are added to `report.errors`.
  private func applyFixes(report: inout CheckReport, posts: [Post], stdinPosts: Int) -> [(Int, String)] {
    var changed: [(Int, String)] = []
    // Each file is changed once, however many names reach it (a symlink and its target, `x/../a.md`): a
    // second name gets the first one's result, and is read and checked again with it.
    var seen: Set<String> = []
    var fixedText: [String: String] = [:]
    for (index, file) in report.files.enumerated() where index >= stdinPosts {
      let post = posts[index]
      guard let path = post.path, post.path == post.id else { continue }
      let real = realpath(path, nil).map { pointer in
        defer { free(pointer) }
        return String(cString: pointer)
      }
      if let real, !seen.insert(real).inserted {
        if let after = fixedText[real] { changed.append((index, after)) }
        continue
      }
      let suggestions = file.findings.compactMap(\.finding.suggestion).filter(\.isSafe)
      let change: PostFixer.Change?
      do {
        change = try PostFixer.change(for: post, suggestions: suggestions)
      } catch {
        report.errors.append(error)
        continue
      }
      guard let change else { continue }
      if fixDryRun {
        StandardOutput.write(PostFixer.diff(change))
        changed.append((index, change.after))
        if let real { fixedText[real] = change.after }
        continue
      }
      do {
        try AtomicFile.write(Data(change.after.utf8), to: change.path)
        printError("已修改 \(change.path)：替换 \(change.applied) 处")
        changed.append((index, change.after))
        if let real { fixedText[real] = change.after }
      } catch {
        report.errors.append(InputProblem(path: change.path, message: "无法写入，未修改"))
      }
    }
    return changed
  }

  /// The posts named on the command line (stdin, files, folders, batch files), in order, the inputs
  /// that could not be read, and how many of the posts (at the start) came from stdin. Warnings
  /// (GB18030 input) go to stderr.
  private func readPosts(defaults: PostDefaults, baseDirectory: String) -> ([Post], [InputProblem], Int) {
    var posts: [Post] = []
    var problems: [InputProblem] = []
    let readStdin = stdin || stdinFilename != nil || paths.contains("-")
    if readStdin {
      do {
        let input = try TextInput(path: "-")
        if let warning = input.warning { printError(warning) }
        let text = try input.readString()
        switch PostReader.readPost(
          text: text, id: stdinFilename ?? "-", path: stdinFilename, defaults: defaults)
        {
        case .success(let post): posts.append(post)
        case .failure(let problem): problems.append(problem)
        }
      } catch {
        problems.append(error)
      }
    }
    let stdinPosts = posts.count
    let files = paths.filter { $0 != "-" }
    if !files.isEmpty || !readStdin {
      let (expanded, walkProblems) = InputWalker.expand(
        files.isEmpty ? ["."] : files, baseDirectory: baseDirectory)
      problems += walkProblems
      for file in expanded {
        let result = PostReader.readPosts(path: file, defaults: defaults)
        posts += result.posts
        problems += result.problems
        for warning in result.warnings { printError(warning) }
      }
    }
    return (posts, problems, stdinPosts)
  }
}
