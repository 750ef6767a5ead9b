/// `siyu/unknown-rule`: a suppression comment or front-matter disable names something that is no rule's
/// id or family (a typo such as `hard-sell/pricee`), so it suppresses nothing. The linter emits these
/// findings itself, like `siyu/unused-disable`; `check` finds nothing on its own.
public struct UnknownRuleNameRule: BuiltinRule {
  public static let description = RuleDescription(
    id: "siyu/unknown-rule",
    defaultLevel: .warning,
    summary: """
      A siyu-disable comment or front-matter disable names a rule id or family that does not exist, or a \
      siyu- comment is no directive (siyu-disable-line).
      """,
    rationale: """
      A misspelt rule id in a suppression suppresses nothing, and the finding it was meant to silence is \
      still reported; the message suggests the closest rule id. `siyu rules` lists them all.
      """,
    points: 0,
    triggering: [
      "<!-- siyu-disable hard-sell/pricee -->\n今天分享一个护肤小技巧。",
      "今天分享一个护肤小技巧。<!-- siyu-disable-next-line hardsell -->", "今天天气很好。<!-- siyu-disable-line -->",
    ],
    nonTriggering: [
      "<!-- siyu-disable hard-sell/price -->\n今天分享一个护肤小技巧。",
      "<!-- siyu-disable cap/daily ad-law -->\n今天分享一个护肤小技巧。", "今天分享一个护肤小技巧。",
    ]
  )

  public init() {}

  public func check(_ document: Document) -> [RuleHit] { [] }

  /// The known name closest to `name` by edit distance (at most `maximumDistance`, by default 2 or a
  /// third of its length), if any; the first of equally close ones.
  static func suggestion(for name: String, among known: [String], maximumDistance: Int? = nil) -> String? {
    let target = Array(name.unicodeScalars)
    let limit = maximumDistance ?? max(2, target.count / 3)
    var best: (distance: Int, name: String)?
    for candidate in known {
      let distance = editDistance(target, Array(candidate.unicodeScalars))
      if distance <= limit, best.map({ distance < $0.distance }) ?? true {
        best = (distance, candidate)
      }
    }
    return best?.name
  }

  /// Levenshtein distance.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
