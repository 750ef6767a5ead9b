import ArgumentParser
import Foundation
import SiyuCore
import SiyuRules
import SiyuText

#if canImport(Glibc)
  import Glibc
#endif

/// `siyu score`: batch-scores posts (class, probability, score, rule hits, cap violations), one output row
/// per post in input order, with a summary; exit 2 when some row or input could not be read, else 0.
struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "批量评分：每条帖子的硬广判定、概率、分数、命中的规则和违反的发布频率，外加汇总。",
    discussion: """
      INPUT may be a JSON Lines (.jsonl) or CSV (.csv) batch file (UTF-8 with or without BOM, or \
      GB18030/GBK), a folder of posts (*.md, *.txt, honouring .siyuignore), a post file, or - for stdin \
      (read as --stdin-format). Rows are read as a stream and written in input order; a malformed row \
      is reported on stderr with its line number and skipped. With --merge, the INPUTs are summaries \
      written by --summary json (one per shard) and are merged instead of scored.
      Exit codes: 0 every row scored; 2 usage or configuration error, or some row or input could not be \
      read (the others are still scored).
      """
  )

  enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json, none
  }

  @Argument(help: "Batch files, folders or posts ('-' for stdin).")
  var inputs: [String] = []

  @Option(
    name: .long, help: "Configuration file (default: nearest .siyu.yml upwards from the current folder).")
  var config: String?

  @Option(name: .long, help: "Output rows as csv or jsonl.")
  var format: ScoreRowFormat = .csv

  @Option(name: .long, help: "Write the rows to FILE (atomically) instead of stdout.")
  var output: String?

  @Option(name: .long, help: "Scoring threads (default: all cores).")
  var jobs: Int?

  @Option(name: .long, help: "Summary at the end: human (stderr), json, or none.")
  var summary: SummaryFormat = .human

  @Option(name: .long, help: "Write the summary to FILE instead of stderr.")
  var summaryOutput: String?

  @Option(name: .long, help: "Write a self-contained HTML report with charts to FILE.")
  var report: String?

  @Option(name: .long, help: "Format of stdin: jsonl, csv or post.")
  var stdinFormat: StdinFormat = .jsonl

  @Flag(name: .long, help: "The INPUTs are --summary json files of shards: merge them instead of scoring.")
  var merge = false

  @Flag(name: .long, help: "No progress line, even on a terminal.")
  var noProgress = false

  enum StdinFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, post

    var format: PostReader.Format {
      switch self {
      case .jsonl: return .jsonLines
      case .csv: return .csv
      case .post: return .post
      }
    }
  }

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs 应为 1 或更大的整数") }
    if inputs.isEmpty { throw ValidationError("至少要给出一个 INPUT（「-」表示标准输入）") }
    if merge && output != nil {
      throw ValidationError("--merge 不输出逐行结果，不能与 --output 同时使用：请用 --summary 和 --report")
    }
    if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("标准输入（「-」）只能读取一次") }
  }

  func run() throws {
    let cwd = FileManager.default.currentDirectoryPath
    if merge {
      try runMerge()
      return
    }
    let configuration: Configuration = try CommandSupport.orExit {
      try CommandSupport.loadConfiguration(explicit: config, cwd: cwd)
    }
    let lexicons: [Lexicon] = try CommandSupport.orExit { try CommandSupport.loadLexicons(configuration) }
    let customRules: [any Rule] = try CommandSupport.orExit {
      try CustomRules.make(
        configuration.customRules, configPath: configuration.path ?? ".siyu.yml", lines: configuration.lines)
    }
    let personas: PersonaSet = try CommandSupport.orExit {
      try CommandSupport.loadPersonas(configuration, cwd: cwd, named: nil)
    }
    let builtinRules: [any Rule] = try CommandSupport.orExit {
      try ClassifierSupport.builtinRules(configuration)
    }
    let rules = builtinRules + customRules
    // The calling thread's linter, made before any output file is touched, so a bad model or lexicon
    // fails first. Rows show no finding positions, so no linter counts UTF-8 columns.
    let linter = try CommandSupport.orExit {
      try Linter(
        rules: rules, configuration: configuration, lexicons: lexicons, personas: personas,
        utf8Columns: false,
        historyRuleIDs: CapRules.descriptions.map(\.id))
    }

    var scoreInputs: [BatchScorer.Input] = []
    // Messages printed (the exit status); the summary's skipped count is the scorer's, where a row with two
    // problems is one skipped row and a missing input one skipped input.
    var problems = 0
    for argument in inputs {
      if argument == "-" {
        scoreInputs.append(BatchScorer.Input(path: "-", format: stdinFormat.format))
        continue
      }
      // An argument's problems (a missing path, an unreadable folder) are reported in input order.
      let (files, walkProblems) = InputWalker.expand([argument], baseDirectory: configuration.baseDirectory)
      scoreInputs += walkProblems.map { BatchScorer.Input(problem: $0) }
      scoreInputs += files.map { BatchScorer.Input(path: $0) }
    }

    let sink: RowSink
    do {
      sink = try RowSink(path: output)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    if let header = format.header { sink.write(Array(header.utf8)) }
    let historyRules = CapRules.all.filter { $0.description.id != NoTimeCapRule.description.id }
    var scorer = BatchScorer(
      configuration: configuration, defaults: configuration.postDefaults, historyRules: historyRules,
      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount
    ) {
      try Linter(
        rules: rules, configuration: configuration, lexicons: lexicons, personas: personas,
        utf8Columns: false,
        historyRuleIDs: CapRules.descriptions.map(\.id))
    }
    // Nothing reads the summary without a summary format or a report (the exit status counts problems).
    scorer.summarizes = summary != .none || report != nil
    let progress = ScoreProgress(
      enabled: !noProgress && isatty(2) == 1,
      inputs: scoreInputs.filter { $0.problem == nil }.map(\.path))
    let calendar = ScoreCalendar(timezone: configuration.timezone)
    let rowFormat = format
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 17)
    let result: ScoreSummary
    do {
      result = try scorer.run(
        scoreInputs, linter: linter,
        handlers: BatchScorer.Handlers(
          row: { post in
            rowFormat.append(post, calendar: calendar, to: &buffer)
            if buffer.count >= 1 << 16 {
              sink.write(buffer)
              buffer.removeAll(keepingCapacity: true)
            }
          },
          problem: { problem in
            progress.clear()
            printError(problem.description)
            problems += 1
          },
          warning: { warning in
            progress.clear()
            printError(warning)
          },
          progress: { done in progress.update(done) }))
    } catch {
      sink.abandon()
      printError(String(describing: error))
      throw ExitCode(2)
    }
    progress.clear()
    sink.write(buffer)
    var summaryValue = result
    summaryValue.badRows = result.badRows
    do {
      try sink.commit()
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    try finish(summaryValue)
    if problems > 0 { throw ExitCode(2) }
  }

  /// `--merge`: the INPUTs are summaries; prints or writes the merged one (and the report).
  private func runMerge() throws {
    var merged: ScoreSummary?
    var failed = false
    for path in inputs {
      let data: Data
      if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
      } else if let contents = FileManager.default.contents(atPath: path) {
        data = contents
      } else {
        printError("\(path): 无法读取")
        failed = true
        continue
      }
      do {
        let summary = try ScoreSummary.read(data)
        if var current = merged {
          if current.settings != summary.settings {
            printError("\(path): 摘要的设置（时区或硬广占比上限）与其他分片不同，未合并")
            failed = true
            continue
          }
          current.merge(summary)
          merged = current
        } else {
          merged = summary
        }
      } catch {
        printError("\(path): \(error.message)")
        failed = true
      }
    }
    if let merged { try finish(merged) }
    if failed { throw ExitCode(2) }
  }

  /// Prints or writes the summary, then writes the report; a report that cannot be written is exit 2,
  /// after the summary (which is still worth having).
  private func finish(_ summary: ScoreSummary) throws {
    var text: String?
    switch self.summary {
    case .human: text = summary.text()
    case .json: text = String(decoding: summary.json(), as: UTF8.self) + "\n"
    case .none: text = nil
    }
    if let text {
      if let summaryOutput {
        do {
          try AtomicFile.write(Data(text.utf8), to: summaryOutput)
        } catch {
          printError(String(describing: error))
          throw ExitCode(2)
        }
      } else if merge {
        // There are no rows: the merged summary is the output, as the README's `> merged.json` expects.
        StandardOutput.write(text)
      } else {
        printError(text, terminator: "")
      }
    }
    if let report {
      do {
        try AtomicFile.write(Data(HTMLReport.render(summary).utf8), to: report)
      } catch {
        printError(String(describing: error))
        throw ExitCode(2)
      }
    }
  }
}

extension ScoreRowFormat: ExpressibleByArgument {}
