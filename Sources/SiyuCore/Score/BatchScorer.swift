import Foundation

/// `siyu score`'s engine: reads posts from batch files, folders and stdin as a stream, scores them on
/// `jobs` threads (each with its own `Linter`), runs the caps over them in input order (`CapStage`), and
/// hands each row to the caller in input order, with a `ScoreSummary` at the end.
///
/// Memory is bounded by the batches in flight (a few per thread) and the cap stage's chunk, not by the
/// size of the input. With one job everything runs on the calling thread; with more, one thread reads,
/// `jobs` threads score, and the calling thread judges caps and writes.
public struct BatchScorer: Sendable {
  /// One input: a path (`-` for stdin) and, for stdin, the format to read it as.
  public struct Input: Sendable {
    public var path: String
    public var format: PostReader.Format?
    /// A problem found before reading (a missing path named on the command line): reported in input
    /// order in place of the input, and counted as one skipped input.
    public var problem: InputProblem?

    public init(path: String, format: PostReader.Format? = nil) {
      self.path = path
      self.format = format
    }

    /// An input that could not be opened, reported where it stands among the others.
    public init(problem: InputProblem) {
      self.path = problem.path
      self.problem = problem
    }
  }

  /// What the reader found, in input order.
  enum Item: Sendable {
    case post(Post)
    case problem(InputProblem)
    case warning(String)
  }

  /// What a worker made of an item.
  enum Scored: Sendable {
    case post(ScoredPost)
    case problems([InputProblem])
    case warning(String)
  }

  /// The caller's side, called on the calling thread in input order.
  public struct Handlers {
    /// A scored post with its caps, ready to write.
    public var row: (ScoredPost) -> Void
    /// A row or input that could not be scored (it is skipped).
    public var problem: (InputProblem) -> Void
    /// A warning (input read as GB18030, posts out of time order).
    public var warning: (String) -> Void
    /// Posts scored so far (called after each batch).
    public var progress: (Int) -> Void

    public init(
      row: @escaping (ScoredPost) -> Void, problem: @escaping (InputProblem) -> Void,
      warning: @escaping (String) -> Void, progress: @escaping (Int) -> Void = { _ in }
    ) {
      self.row = row
      self.problem = problem
      self.warning = warning
      self.progress = progress
    }
  }

  public let configuration: Configuration
  public let defaults: PostDefaults
  public let historyRules: [any HistoryRule]
  /// Makes one thread's linter (they own a segmenter and are not shared).
  public let makeLinter: @Sendable () throws -> Linter
  public let jobs: Int
  /// Posts per batch handed to a worker.
  public var batchSize = 256
  /// Posts the cap stage judges together at least (see `CapStage`).
  public var minimumChunk = 50_000
  /// Whether `run` fills in the summary it returns. A caller that never reads it (`--summary none`
  /// without `--report`) sets this to false: rows are not counted and hard-sell posts are not re-checked
  /// for their reasons, and the summary returned has its settings only. The rows are the same.
  public var summarizes = true

  public init(
    configuration: Configuration, defaults: PostDefaults, historyRules: [any HistoryRule], jobs: Int,
    makeLinter: @escaping @Sendable () throws -> Linter
  ) {
    self.configuration = configuration
    self.defaults = defaults
    self.historyRules = historyRules
    self.jobs = max(1, jobs)
    self.makeLinter = makeLinter
  }

  /// Scores every post of `inputs`; returns the summary (counts of the rows handed to `handlers.row`,
  /// bad rows, worst posts). `linter` belongs to the calling thread: it scores when there is one job and
  /// re-checks posts for the cap stage; more jobs get linters of their own from `makeLinter`.
  public func run(_ inputs: [Input], linter: Linter, handlers: Handlers) throws -> ScoreSummary {
    let calendar = ScoreCalendar(timezone: configuration.timezone)
    var summary = ScoreSummary(
      settings: ScoreSummary.Settings(
        timezone: configuration.timezone.identifier,
        hardSellShareMax: configuration.caps.hardSellShare.max,
        hardSellShareWindow: configuration.caps.hardSellShare.window))
    let caps = CapStage(
      rules: historyRules, configuration: configuration, minimumChunk: minimumChunk,
      recheck: { post, hits in linter.check(post, history: hits, reasons: false) })
    var done = 0
    var tally = ScoreSummary.Tally()
    func release(_ posts: [ScoredPost]) {
      for post in posts {
        if summarizes { summary.add(post, calendar: calendar, tally: &tally) }
        handlers.row(post)
      }
    }
    func consume(_ result: Scored) {
      switch result {
      case .post(let post):
        release(caps.add(post))
        done += 1
      case .problems(let problems):
        summary.badRows += 1
        for problem in problems { handlers.problem(problem) }
      case .warning(let warning):
        handlers.warning(warning)
      }
    }
    func consume(_ results: [Scored]) {
      for result in results { consume(result) }
      handlers.progress(done)
    }
    var worst = WorstCandidates<Post>()
    if jobs == 1 {
      // Each post is scored and passed on at once, straight from the reader (no item or batch to wrap it
      // in and copy it out of); progress is reported every `batchSize` items, as with more jobs.
      var sinceProgress = 0
      func counted() {
        sinceProgress += 1
        if sinceProgress >= batchSize {
          handlers.progress(done)
          sinceProgress = 0
        }
      }
      read(
        inputs,
        post: { post in
          var problems: [InputProblem] = []
          if let scored = scorePost(post, linter: linter, worst: &worst, problems: &problems) {
            release(caps.add(scored))
            done += 1
          } else {
            consume(.problems(problems))
          }
          counted()
        },
        other: { item in
          consume(score(item, linter: linter, worst: &worst))
          counted()
        })
      handlers.progress(done)
    } else {
      let work = ScoreQueue<[Item]>(capacity: jobs * 2)
      let results = ScoreQueue<[Scored]>(capacity: jobs * 4)
      let worsts = ScoreQueue<WorstCandidates<Post>>(capacity: jobs)
      let scorer = self
      let reader = Thread {
        var batch: [Item] = []
        var number = 0
        scorer.read(inputs) { item in
          batch.append(item)
          if batch.count >= scorer.batchSize {
            work.put(number, batch)
            number += 1
            batch.removeAll(keepingCapacity: true)
          }
        }
        if !batch.isEmpty {
          work.put(number, batch)
          number += 1
        }
        work.close()
        results.finish(count: number)
      }
      reader.stackSize = 8 << 20
      var failure: (any Error)?
      for index in 0..<jobs {
        let workerLinter: Linter
        do {
          // Not `linter`: the calling thread keeps that one for the cap stage's re-checks.
          workerLinter = try makeLinter()
        } catch {
          failure = error
          break
        }
        let box = LinterBox(workerLinter)
        let worker = Thread {
          var localWorst = WorstCandidates<Post>()
          while let (number, items) = work.take() {
            results.deliver(number, items.map { scorer.score($0, linter: box.linter, worst: &localWorst) })
          }
          worsts.put(index, localWorst)
        }
        worker.stackSize = 8 << 20
        worker.start()
      }
      if let failure {
        work.close()
        results.finish(count: 0)
        throw failure
      }
      reader.start()
      var number = 0
      while let batch = results.take(number: number) {
        consume(batch)
        number += 1
      }
      for _ in 0..<jobs {
        if let (_, local) = worsts.take() {
          worst.merge(local) { worstPost($0, linter: linter) }
        }
      }
    }
    release(caps.finish())
    summary.flush(&tally)
    if summarizes {
      for post in worst.finish(make: { worstPost($0, linter: linter) }) { summary.offerWorst(post) }
    }
    if caps.lateArrivals > 0 {
      handlers.warning(
        "有 \(caps.lateArrivals) 条帖子排在时间更晚的帖子之后：输入较大时按块判断频次，请先按 publish_at 排序，"
          + "否则这些帖子的发布频率问题（cap/*）可能漏报")
    }
    return summary
  }

  /// Reads every input in order, as items.
  func read(_ inputs: [Input], _ emit: (Item) -> Void) {
    read(inputs, post: { emit(.post($0)) }, other: emit)
  }

  /// Reads every input in order: posts to `post`, problems and warnings (as items) to `other`.
  func read(_ inputs: [Input], post: (Post) -> Void, other: (Item) -> Void) {
    for input in inputs {
      if let problem = input.problem {
        other(.problem(problem))
        continue
      }
      // Each result is consumed: its post moves out instead of being copied (a dozen retains) and the
      // result destroyed.
      // A file's warning (read as GB18030) comes before its rows' problems, as it is about the file.
      withoutActuallyEscaping(other) { other in
        _ = PostReader.forEachPost(
          path: input.path, format: input.format, defaults: defaults, warn: { other(.warning($0)) }
        ) { (result: consuming Result<Post, InputProblem>) in
          switch consume result {
          case .success(let read): post(read)
          case .failure(let problem): other(.problem(problem))
          }
        }
      }
    }
  }

  /// Scores one item on the thread that owns `linter` (see `scorePost`).
  func score(_ item: Item, linter: Linter, worst: inout WorstCandidates<Post>) -> Scored {
    switch item {
    case .problem(let problem): return .problems([problem])
    case .warning(let warning): return .warning(warning)
    case .post(let post):
      var problems: [InputProblem] = []
      guard let scored = scorePost(post, linter: linter, worst: &worst, problems: &problems) else {
        return .problems(problems)
      }
      return .post(scored)
    }
  }

  /// Scores one post on the thread that owns `linter`; offers it to `worst` when hard-sell (its reasons
  /// are made when it is still among the worst at the end, see `WorstCandidates`). Nil when the post
  /// cannot be scored; its problems are then in `problems`.
  func scorePost(
    _ post: Post, linter: Linter, worst: inout WorstCandidates<Post>, problems: inout [InputProblem]
  ) -> ScoredPost? {
    let report = linter.check(post, reasons: false)
    if !report.problems.isEmpty {
      problems = report.problems
      return nil
    }
    var scored = ScoredPost(post: post, report: report)
    if post.publishAt != nil {
      if CapStage.needsSignature(post, configuration: configuration) {
        scored.signature = MinHash(units: PostFacts.withoutComments(post.text))
      }
      if !post.disabledRules.isEmpty || post.text.contains("siyu-disable") { scored.post = post }
    }
    if summarizes, report.verdict.class == .hardSell,
      worst.mightBeWorst(
        probability: report.verdict.probability, score: report.verdict.score, id: scored.id)
    {
      worst.offer(
        .init(
          probability: report.verdict.probability, score: report.verdict.score, id: scored.id, payload: post)
      ) { worstPost($0, linter: linter) }
    }
    return scored
  }

  /// The worst-posts entry of a hard-sell post: `post` checked again in full, for its reasons.
  func worstPost(_ entry: WorstCandidates<Post>.Entry, linter: Linter) -> ScoreSummary.WorstPost {
    let post = entry.payload
    let full = linter.check(post)
    var reasons: [ScoreSummary.WorstPost.Reason] = []
    for located in full.findings where reasons.count < 8 {
      reasons.append(.init(rule: located.finding.rule, message: located.finding.message))
    }
    var excerpt = String(post.text.prefix(ScoreSummary.excerptLength))
    if excerpt.utf8.contains(0x0A) {
      // Line ends as spaces, byte for byte (Foundation's replacingOccurrences cost ~70 k instructions).
      excerpt = String(decoding: excerpt.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
    return ScoreSummary.WorstPost(
      id: entry.id, channel: post.channel, persona: post.persona,
      publishAt: post.publishAt.map {
        ScoreCalendar(timezone: configuration.timezone).iso8601($0, dateOnly: post.publishDateOnly)
      },
      probability: entry.probability, score: entry.score, excerpt: excerpt, reasons: reasons)
  }
}

/// Hands a linter made on one thread to the worker thread that alone uses it from then on.
private final class LinterBox: @unchecked Sendable {
  let linter: Linter

  init(_ linter: Linter) {
    self.linter = linter
  }
}
