import SiyuCore
import SiyuText

/// `hard-sell/urgency`: countdowns and scarcity (限时, 仅剩, 手慢无, 倒计时, 最后3小时, 前50名下单).
public struct UrgencyRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/urgency",
    defaultLevel: .warning,
    summary: "Countdown and scarcity talk: 限时, 秒杀, 仅剩, 手慢无, 倒计时, 最后N小时, 前N名下单, 售完即止.",
    rationale: """
      Manufactured urgency is the voice of the ad shelf: it pushes the reader to act before they think, \
      and followers who see it every day learn to mute the account. Say who the thing is for and why \
      instead; a real deadline can be stated once, plainly.
      """,
    points: 2.5,
    triggering: [
      "限时秒杀，手慢无", "仅剩3件", "最后3小时", "活动倒计时", "售完即止", "只剩 2 份了", "前50名下单送小样", "前三位报名的朋友送一节课",
    ],
    nonTriggering: [
      "今天是个好日子", "时间过得真快", "最后我们还是去了海边", "剩下的明天再说", "限制糖分摄入", "孩子考了班级前3名",
      "前3名的选手晋级决赛", "年前3个月最忙", "高考倒计时100天，给所有考生加油", "今年的最后一天，好好告别",
    ],
    marksCueWords: true
  )

  /// Words that, followed by a number and a unit, count down (最后 3 小时, 仅剩 5 件); two units each,
  /// packed as `first << 16 | second` for a lookup without hashing.
  static let countdownWords: [UInt32] = ["最后", "仅剩", "只剩", "仅有", "还剩", "只有"].map(packed)
  /// Units of time or stock after such a number, packed like `countdownWords` (a one-unit word has 0
  /// as its second unit).
  static let countdownUnits: [UInt32] = [
    "小时", "天", "分钟", "件", "份", "个", "名", "位", "单", "盒", "箱", "套", "组", "席", "张", "瓶", "袋", "台", "只", "斤",
  ].map(packed)

  /// Units after 前 and a number that count people served first (前50名, 前10位, 前三个).
  static let firstUnits: [UInt16] = Array("名位个".utf16)
  /// What the first N must do for the offer to be a race (前50名下单): buying, paying, signing up or
  /// coming in. Without one, 前3名 is a ranking (班级前3名), not scarcity.
  static let firstActions: Set<[UInt16]> = Set(
    ["下单", "付款", "购买", "报名", "预约", "拍下", "到店", "订购", "预订", "抢购", "领取", "支付", "拼团", "进群", "扫码", "买"]
      .map { Array($0.utf16) })

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    // Countdowns start with 最, 仅, 只 or 还; most posts have none, and no cue either. The test alone
    // first, in a closure small enough to be inlined: the rule then makes no call.
    guard
      document.withAnalysis(
        CueScan.self, { $0.inventory.characters.contains(.countdownLead) || $0.contains(.urgency) })
    else { return }
    document.withAnalysis(CueScan.self) { scan in
      let countdowns = scan.inventory.characters.contains(.countdownLead)
      // 高考倒计时, 今年的最后一天: a countdown to an exam or a holiday (cues/urgency-exempt.txt).
      var ranges = scan.matches(.urgency, outside: .urgencyExempt).map { $0.sourceRange }
      let tokens = document.tokens
      var i = countdowns ? 0 : tokens.count
      while i + 2 < tokens.count {
        let range = tokens[i].normalizedRange
        if range.count == 1, document.normalized[range.lowerBound] == 0x524D,
          let end = firstComeAction(after: i, in: document)
        {
          ranges.append(Int(tokens[i].sourceStart)..<Int(tokens[end].sourceEnd))
        } else if range.count == 2, Self.isCountdownLead(document.normalized[range.lowerBound]),
          Self.countdownWords.contains(Self.packed(document.normalized[range]))
        {
          var j = i + 1
          if j < tokens.count && document.normalized[tokens[j].normalizedRange].allSatisfy({ $0 == 0x20 }) {
            j += 1
          }
          if j + 1 < tokens.count, tokens[j].kind == .number || isSmallNumeral(document, tokens[j]) {
            var k = j + 1
            if document.normalized[tokens[k].normalizedRange].allSatisfy({ $0 == 0x20 }) { k += 1 }
            if k < tokens.count, tokens[k].normalizedRange.count <= 2,
              Self.countdownUnits.contains(Self.packed(document.normalized[tokens[k].normalizedRange]))
            {
              ranges.append(Int(tokens[i].sourceStart)..<Int(tokens[k].sourceEnd))
            }
          }
        }
        i += 1
      }
      for range in HitMerging.merged(ranges, in: document) {
        hits.append(
          RuleHit(
            range: range,
            ruleMessage: RuleMessage(
              quoting: range, of: document, between: "紧迫感话术「", and: "」，催人下单像广告；说清楚适合谁、为什么值得，真实的截止时间平实地说一次就好"))
        )
      }
    }
  }

  /// Whether `unit` is 最, 仅, 只 or 还, the first unit of every countdown word
  /// (`TextInventory.Characters.countdownLead`): most two-unit tokens are ruled out by this test, with
  /// no lookup in `countdownWords`.
  static func isCountdownLead(_ unit: UInt16) -> Bool {
    unit == 0x6700 || unit == 0x4EC5 || unit == 0x53EA || unit == 0x8FD8
  }

  /// One or two UTF-16 units as `first << 16 | second` (0 when there is no second).
  private static func packed<C: Collection<UInt16>>(_ units: C) -> UInt32 {
    var iterator = units.makeIterator()
    let first = UInt32(iterator.next() ?? 0)
    return first << 16 | UInt32(iterator.next() ?? 0)
  }

  private static func packed(_ word: String) -> UInt32 { packed(Array(word.utf16)) }

  /// For the token 前 at `i`: the index of the action token when a number of people and an action follow
  /// (前 50 名 下单, 前 三位 报名, spaces allowed between the number and its unit), else nil.
  private func firstComeAction(after i: Int, in document: Document) -> Int? {
    let tokens = document.tokens
    func text(_ k: Int) -> ArraySlice<UInt16> { document.normalized[tokens[k].normalizedRange] }
    func skippingSpace(_ k: Int) -> Int {
      k < tokens.count && text(k).allSatisfy({ $0 == 0x20 }) ? k + 1 : k
    }
    var k = skippingSpace(i + 1)
    guard k < tokens.count else { return nil }
    let count = text(k)
    if count.count == 2, isSmallNumeral(count.first), let unit = count.last, Self.firstUnits.contains(unit) {
      k += 1  // 三位, 十名: number and unit in one token
    } else if tokens[k].kind == .number || count.count == 1 && isSmallNumeral(count.first) {
      k = skippingSpace(k + 1)
      guard k < tokens.count, text(k).count == 1, let unit = text(k).first, Self.firstUnits.contains(unit)
      else {
        return nil
      }
      k += 1
    } else {
      return nil
    }
    k = skippingSpace(k)
    guard k < tokens.count, Self.firstActions.contains(Array(text(k))) else { return nil }
    return k
  }

  /// 一 to 十 and 两, 几 written as one token.
  private func isSmallNumeral(_ document: Document, _ token: Token) -> Bool {
    let text = document.normalized[token.normalizedRange]
    return text.count == 1 && isSmallNumeral(text.first)
  }

  private func isSmallNumeral(_ unit: UInt16?) -> Bool {
    unit.map { "一二两三四五六七八九十几".utf16.contains($0) } == true
  }
}
