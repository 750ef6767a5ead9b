import SiyuCore
import SiyuText

/// `hard-sell/cta`: calls to buy or pay now (扫码, 下单, 私聊我, 戳链接, 拍下), also when spaced or dotted, and
/// store-visit invitations (欢迎光临, 恭候, 到店即送).
public struct CallToActionRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/cta",
    defaultLevel: .warning,
    summary: """
      Calls to buy now: 扫码, 下单, 私聊我, 戳链接, 点击购买, 拍下, 接龙, also written 扫 码 or 下.单; and \
      invitations to the shop: 欢迎光临, 恭候您的光临, 欢迎前来, 到店即送.
      """,
    rationale: """
      A call to order turns a post into a shop window. Value posts invite conversation (有问题可以问我) \
      rather than a purchase; a post that quotes a price, counts down and says 扫码下单 is the pattern \
      followers mute. Spaced or dotted spellings are meant to slip past platform filters and are read \
      the same way. Inviting readers to the shop (欢迎光临, 恭候) is the same call made offline.
      """,
    points: 2.5,
    triggering: ["喜欢的直接拍下", "扫码下单", "私聊我", "想参加的宝妈私信我", "戳链接", "扫 码 领取", "下.单 就送", "恭候您的光临", "欢迎前来选购"],
    nonTriggering: [
      "今天下雨了", "试一下，单买也行", "点击率很重要", "说一下单位的事", "链接是什么意思", "前来参加婚礼的朋友很多",
      "很多宝妈私信我问孩子挑食怎么办", "现在去医院都是扫码挂号",
    ],
    marksCueWords: true
  )

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    // The test alone first, in a closure small enough to be inlined: most posts have nothing for the
    // rule, which then makes no call.
    guard document.withAnalysis(CueScan.self, { $0.contains(.cta) || $0.containsObfuscated(.cta) }) else {
      return
    }
    document.withAnalysis(CueScan.self) { scan in
      // 很多宝妈私信我问… tells what a reader did; the reader is not asked to act (cues/cta-exempt.txt).
      let plain = scan.matches(.cta, outside: .ctaExempt)
      let obfuscated = scan.obfuscatedMatches(.cta)
      var ranges: [Range<Int>] = []
      ranges.reserveCapacity(plain.count + obfuscated.count)
      for match in plain { ranges.append(match.sourceRange) }
      for match in obfuscated { ranges.append(match.sourceRange) }
      for range in HitMerging.merged(ranges, in: document) {
        let disguised = obfuscated.contains { range.overlaps($0.sourceRange) }
        let visit = plain.allSatisfy {
          !range.overlaps($0.sourceRange) || CueList.cta.lexicon.field(of: $0) == "visit"
        }
        hits.append(
          RuleHit(
            range: range,
            ruleMessage: disguised
              ? RuleMessage(
                quoting: range, of: document, between: "变形写法的下单引导「", and: "」，平台照样识别；价值内容可以改成“有问题可以问我”")
              : visit
                ? RuleMessage(
                  quoting: range, of: document, between: "到店邀约「", and: "」，是商家招揽顾客的口吻；价值内容说清楚能帮到谁，想来的人自然会问")
                : RuleMessage(
                  quoting: range, of: document, between: "下单引导「", and: "」，让帖子像货架；价值内容可以改成“有问题可以问我”")))
      }
    }
  }
}
