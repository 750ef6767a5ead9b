import SiyuCore
import SiyuText

/// `hard-sell/shouting`: runs of exclamation marks (！！！) or of the same emoji (🔥🔥🔥).
public struct ShoutingRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/shouting",
    defaultLevel: .warning,
    summary: "Runs of three or more exclamation marks, or the same emoji three or more times in a row.",
    rationale: """
      Shouted punctuation and stacked 🔥🔥🔥 read as an ad blast, not as a person talking; followers \
      learn to scroll past them. One exclamation mark or one emoji carries the same feeling.
      """,
    points: 1.0,
    triggering: ["限时抢购！！！今晚截止", "爆款来袭🔥🔥🔥", "真的太划算了!!!!", "👍👍👍"],
    nonTriggering: ["今天天气真好！", "谢谢大家的支持！！", "开心🔥", "🎉🍓🔥"]
  )

  /// Shortest run that counts as shouting.
  static let minimumRun = 3

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    guard
      TextInventory.read(
        document, { $0.characters.contains(.exclamation) || $0.emoji >= Self.minimumRun })
    else { return }
    let tokens = document.tokens
    var i = 0
    while i < tokens.count {
      let token = tokens[i]
      if token.kind == .punctuation {
        // Punctuation runs of the same mark are already one token (！！！); ！？！ mixes count too.
        // A run of `!` only (counted in place: filtering made an array per punctuation token).
        let range = token.normalizedRange
        if range.count >= Self.minimumRun, document.normalized[range].allSatisfy({ $0 == 0x21 }) {
          hits.append(
            RuleHit(
              range: token.sourceRange,
              message: "连续感叹号「\(document.text(of: token))」像群发广告，一个感叹号就够了"))
        }
        i += 1
      } else if token.kind == .emoji {
        var j = i + 1
        while j < tokens.count && tokens[j].kind == .emoji && tokens[j].sourceStart == tokens[j - 1].sourceEnd
          && document.normalized[tokens[j].normalizedRange] == document.normalized[token.normalizedRange]
        {
          j += 1
        }
        if j - i >= Self.minimumRun {
          let range = Int(token.sourceStart)..<Int(tokens[j - 1].sourceEnd)
          hits.append(
            RuleHit(
              range: range,
              message: "同一表情连用 \(j - i) 次「\(document.text(in: range))」，像刷屏广告，留一个就好"))
        }
        i = j
      } else {
        i += 1
      }
    }
  }
}
