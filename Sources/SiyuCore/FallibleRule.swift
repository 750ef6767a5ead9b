/// A rule whose check can fail on a post (a custom ICU regex that times out). The linter calls
/// `checkOrFail` instead of `check` and turns a failure into an `InputProblem` for that post.
public protocol FallibleRule: Rule {
  func checkOrFail(_ document: Document) throws(RuleFailure) -> [RuleHit]
}

extension FallibleRule {
  /// The hits, or none when the check fails.
  public func check(_ document: Document) -> [RuleHit] {
    (try? checkOrFail(document)) ?? []
  }
}
