import SiyuCore
import SiyuText

/// `ad-law/absolute`: absolute terms banned in advertising (国家级, 最高级, 最佳 and kin), with a suggested
/// replacement; time and sequence words, usage tips and official titles are exempt.
public struct AbsoluteTermRule: AppendingRule {
  public static let description = RuleDescription(
    id: "ad-law/absolute",
    defaultLevel: .error,
    summary: """
      Absolute terms of Advertising Law art. 9(3) (国家级, 最高级, 最佳) and their kin (销量第一, 唯一, 顶级, \
      全网最低, 100%…), with a suggested replacement. Exempt: time and sequence words (最近, 最后一天, \
      第一次, 第一，… as a list), usage tips (最佳饮用时间), official titles (国家级非遗), composition (100%棉), \
      competition results (比赛冠军, 获得冠军), minimums (最低工资, 最低消费, 最低气温).
      """,
    rationale: """
      China's Advertising Law art. 9(3) forbids 国家级、最高级、最佳 and similar terms in advertising, and \
      market regulators fine posts that use their kin (第一, 唯一, 顶级, 全网最低). A moments post that \
      sells is advertising. Enforcement guidance exempts words that only state time or order and usage \
      tips, so the rule looks at whole words: 第一次 and 最佳饮用时间 pass. Replace the term with a \
      concrete, checkable claim, or use the suggested milder word (`siyu check --fix`).
      """,
    points: 1.0,
    triggering: [
      "全网最低价", "这是最佳选择", "销量第一的面膜", "顶级工艺", "国家级品质", "100%有效", "最高级的享受", "这款面膜是销量冠军",
    ],
    nonTriggering: [
      "第一次来这家店", "最近天气转凉", "最佳饮用时间是开封后一周", "最后一天上班", "第一，先洗手；第二，擦干",
      "国家级非遗技艺", "100%纯棉面料", "最高气温25度", "第一行没事", "儿子在象棋比赛获得冠军", "孩子拿了游泳比赛冠军", "今晚是最佳观星时间", "最低工资标准调整了",
      "他拿下世界冠军", "孩子拿了全国数学竞赛冠军", "这部片拿了奥斯卡最佳影片", "跑步刷新了个人最佳", "最佳冲泡水温是85度",
      "国家级非遗传承人",
    ],
    marksCueWords: true
  )

  /// Ordinals that start a list when a comma, colon or 、 follows (第一，…第二，…).
  static let ordinals: Set<[UInt16]> = Set(["第一", "首先"].map { Array($0.utf16) })

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    // The test alone first, in a closure small enough to be inlined: most posts have nothing for the
    // rule, which then makes no call.
    guard document.withAnalysis(CueScan.self, { $0.contains(.absolute) }) else { return }
    document.withAnalysis(CueScan.self) { scan in
      for match in scan.matches(.absolute, outside: .absoluteExempt) where !isListOrdinal(match, document) {
        let text = document.text(in: match.sourceRange)
        // A replacement written `?优秀` is offered, not applied by --fix (it reads well in some sentences only).
        let field = CueList.absolute.lexicon.field(of: match)
        let isSafe = !field.hasPrefix("?")
        let replacement = isSafe ? field : String(field.dropFirst())
        if replacement.isEmpty {
          hits.append(
            RuleHit(
              range: match.sourceRange,
              message: "广告法禁用的绝对化用语「\(text)」（第九条第三项）；删去，或换成具体、可核实的说法"))
        } else {
          hits.append(
            RuleHit(
              range: match.sourceRange,
              message: "广告法禁用的绝对化用语「\(text)」（第九条第三项），建议改为「\(replacement)」或具体、可核实的说法",
              suggestion: Suggestion(range: match.sourceRange, replacement: replacement, isSafe: isSafe)))
        }
      }
    }
  }

  /// 第一 followed by `，` `、` `:` (normalized `,` `、` `:`) or a line end: numbering a list, not a ranking.
  private func isListOrdinal(_ match: KindMatch, _ document: Document) -> Bool {
    guard Self.ordinals.contains(Array(document.normalized[match.normalizedRange])) else { return false }
    let end = match.normalizedRange.upperBound
    guard end < document.normalized.count else { return true }
    let next = document.normalized[end]
    return next == 0x2C || next == 0x3001 || next == 0x3A || next == 0x0A || next == 0x2E
  }
}
