import SiyuCore

/// `cap/no-time`: a draft without `publish_at`, which the time-based caps cannot count.
public struct NoTimeCapRule: BuiltinHistoryRule {
  public static let description = RuleDescription(
    id: "cap/no-time",
    defaultLevel: .info,
    summary:
      "A post without publish_at: the frequency caps, quiet hours, hard-sell share and duplicates skip it.",
    rationale: """
      Every cap is about when a post goes out; a draft without a time is neither checked nor counted, \
      which is easy to miss. Reported only when history checks are in use (`history` configured in \
      `.siyu.yml`, or `siyu check --staged`). Examples are histories in JSON Lines; the last row is the \
      draft.
      """,
    points: 0,
    triggering: [
      """
      {"text":"早安","channel":"moments"}
      """
    ],
    nonTriggering: [
      """
      {"text":"早安","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      """
    ]
  )

  public init() {}

  public var needsTime: Bool { false }

  public func check(entry: Int, in history: History, caps: CapsSettings) -> [String] {
    guard history.entries[entry].facts.publishAt == nil else { return [] }
    return ["没有 publish_at，不计入发布频率检查（每日上限、硬广上限、间隔、免打扰、硬广占比、重复内容）"]
  }
}
