/// Why a `FallibleRule` could not check a post (e.g. a custom regex ran past its time limit). The linter
/// reports it as an `InputProblem` for that post, and the rule contributes no findings there.
public struct RuleFailure: Error, Sendable, Equatable {
  /// The message for users (Chinese).
  public var message: String

  public init(message: String) {
    self.message = message
  }
}
