import SiyuCore
import SiyuText

/// `ad-law/medical`: efficacy and medical claims ordinary goods may not make (治愈, 根治, 无副作用…);
/// the colloquial 治愈 (heart-warming: 好治愈, 太治愈了) and insurance names (防癌险) are exempt
/// (`cues/medical-exempt.txt`).
public struct MedicalClaimRule: AppendingRule {
  public static let description = RuleDescription(
    id: "ad-law/medical",
    defaultLevel: .error,
    summary: """
      Medical and efficacy claims for ordinary goods: 治愈, 根治, 包治百病, 无副作用, 降血糖, 排毒, 增强免疫力…; \
      exempt: 治愈 as "heart-warming" (好治愈, 太治愈了) and insurance products (防癌险).
      """,
    rationale: """
      Only registered drugs and medical devices may advertise medical efficacy (Advertising Law art. 16, \
      17); food, cosmetics and household goods may not claim to cure, prevent or treat, and health food \
      may claim only its registered function. Such claims are among the most fined in private-domain \
      sales. Describe what the product is and how people use it instead.
      """,
    points: 1.0,
    triggering: ["喝一个月根治胃病", "纯天然无副作用", "这款茶能降血糖", "包治百病的神器", "能彻底治愈鼻炎", "治愈率高达95%"],
    nonTriggering: [
      "身体不舒服要及时看医生", "多喝水早点睡", "副作用这个词大家常听到，但要看剂量", "今天的夕阳好治愈", "猫咪睡姿太治愈了",
      "给爸妈买了防癌险",
    ],
    marksCueWords: true
  )

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    // The test alone first, in a closure small enough to be inlined: most posts have nothing for the
    // rule, which then makes no call.
    guard document.withAnalysis(CueScan.self, { $0.contains(.medical) }) else { return }
    document.withAnalysis(CueScan.self) { scan in
      for match in scan.matches(.medical, outside: .medicalExempt) {
        hits.append(
          RuleHit(
            range: match.sourceRange,
            ruleMessage: RuleMessage(
              quoting: match.sourceRange, of: document, between: "普通商品不能宣称医疗功效「",
              and: "」（广告法第十七条）；删去，改为如实描述成分和用法")))
      }
    }
  }
}
