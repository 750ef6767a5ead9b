/// `siyu/unused-disable`: a suppression comment or front-matter disable that suppressed nothing. The
/// linter emits these findings itself after running the other rules; `check` finds nothing on its own.
public struct UnusedSuppressionRule: BuiltinRule {
  public static let description = RuleDescription(
    id: "siyu/unused-disable",
    defaultLevel: .info,
    summary: "A siyu-disable comment or front-matter disable that suppressed nothing.",
    rationale: """
      A stale suppression hides nothing today but will silently hide a real problem later; remove it or \
      fix the rule id it names.
      """,
    points: 0,
    triggering: ["<!-- siyu-disable hard-sell/shouting -->\n今天分享一个护肤小技巧。"],
    nonTriggering: ["<!-- siyu-disable hard-sell/shouting -->\n爆款来袭🔥🔥🔥", "今天分享一个护肤小技巧。"]
  )

  public init() {}

  public func check(_ document: Document) -> [RuleHit] { [] }
}
