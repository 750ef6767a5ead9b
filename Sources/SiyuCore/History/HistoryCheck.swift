/// The judging half of "collect, then judge": puts the drafts among the gathered history, runs the
/// history rules on each draft, and lints the drafts that broke a cap again with those hits, so the cap
/// findings go through levels, overrides and suppressions (and a suppression they use is not reported
/// as unused).
public enum HistoryCheck {
  /// `reports[i]` is `linter.check(drafts[i])`; the drafts' verdicts decide which of them are hard-sell.
  /// `history` must not hold the drafts' own files.
  public static func apply(
    drafts: [Post], reports: inout [PostReport], history: [History.Entry], linter: Linter,
    rules: [any HistoryRule]
  ) {
    var entries = history
    entries.reserveCapacity(history.count + drafts.count)
    for (index, post) in drafts.enumerated() {
      let signature = CapStage.needsSignature(post, configuration: linter.configuration)
      entries.append(
        History.Entry(
          path: post.id, facts: PostFacts(post: post, report: reports[index], signature: signature),
          draft: index))
    }
    let judged = History(entries: entries, timezone: linter.configuration.timezone)
      .judge(rules, caps: linter.configuration.caps)
    for (index, hits) in judged.sorted(by: { $0.key < $1.key }) {
      reports[index] = linter.check(drafts[index], history: hits)
    }
  }
}
