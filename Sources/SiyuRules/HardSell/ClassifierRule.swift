import SiyuClassifier
import SiyuCore
import SiyuText

/// `hard-sell/classifier`: the combined verdict (naive-Bayes log-odds and rule points, see `Combiner`)
/// says hard-sell. Its finding names the features that pushed hardest towards hard-sell.
public struct ClassifierRule: BuiltinRule, VerdictRule {
  public static let description = RuleDescription(
    id: "hard-sell/classifier",
    defaultLevel: .error,
    summary: "The combined verdict (classifier plus rule points) says the post reads as a hard-sell ad.",
    rationale: """
      Word lists catch the obvious cues; the classifier, trained on labeled posts, catches the tone and the \
      patterns no list names. Its log-odds and the other rules' points are combined into one probability \
      (weights fitted by cross-validation); at or above classifier.threshold the post is hard-sell. \
      `siyu explain` shows every contribution. With this rule off, the verdict comes from rule points alone \
      (classifier.required_score). Its points are the score's share that is not rule points.
      """,
    points: 0,
    triggering: [
      "【限时秒杀】原价399，今晚只要99元！！库存只剩最后20件，手慢无，赶紧扫码下单，拍下立减50",
      "家人们！年货节团购最后一天🔥全场买二送一，满299包邮，点击链接下单，错过再等一年",
    ],
    nonTriggering: [
      "今天带孩子去公园放风筝，风有点大，但大家都玩得很开心。晚上一起包了饺子，简单的一天。",
      "分享一个小技巧：洗完的毛巾用白醋泡十分钟再晾，摸起来会软很多，也没有异味。",
    ]
  )

  private let explicitModel: Model?

  /// The model: the one given, else the built-in one (decoded on first use, so commands that never
  /// judge a post never pay for it); nil only when the built-in model is missing from the build (the
  /// verdict is then rules-only).
  public var model: Model? { explicitModel ?? (try? DefaultModel.shared.get()) }

  /// With the built-in model.
  public init() { explicitModel = nil }

  /// With a model from a file (`classifier.model` in `.siyu.yml`).
  public init(model: Model) { explicitModel = model }

  public func check(_ document: Document) -> [RuleHit] { [] }

  public func judge(
    _ document: Document, rulePoints: Double, settings: ClassifierSettings, reasons: Bool = true
  ) -> Judgement {
    guard let model else {
      return Judgement(
        verdict: Linter.rulesOnlyVerdict(score: rulePoints, requiredScore: settings.requiredScore), hit: nil,
        points: 0)
    }
    let logOdds = model.logOdds(document)
    let numbers = ClassifierVerdict(
      model: model, logOdds: logOdds, rulePoints: rulePoints, threshold: settings.threshold,
      requiredScore: settings.requiredScore)
    let verdict = Verdict(
      class: numbers.isHardSell ? .hardSell : .value, probability: numbers.probability, score: numbers.score)
    guard numbers.isHardSell else {
      return Judgement(verdict: verdict, hit: nil, points: numbers.classifierPoints)
    }
    var message = "硬广概率 \(ClassifierVerdict.format(probability: numbers.probability))"
    guard reasons else {
      let range = document.tokens.first?.sourceRange ?? 0..<0
      return Judgement(
        verdict: verdict, hit: RuleHit(range: range, message: message), points: numbers.classifierPoints)
    }
    let reasons = Self.reasons(model.pushingFeatures(document), in: document)
    if !reasons.isEmpty { message += "：" + reasons.map(\.text).joined(separator: " + ") }
    if rulePoints > 0 { message += "（另有规则分 \(Self.points(rulePoints))）" }
    // The finding points at the first occurrence of the first reason.
    let range = reasons.first?.range ?? document.tokens.first?.sourceRange ?? 0..<0
    return Judgement(
      verdict: verdict, hit: RuleHit(range: range, message: message), points: numbers.classifierPoints)
  }

  public func verdict(_ document: Document, settingAside cue: Range<Int>?, settings: ClassifierSettings)
    -> Verdict
  {
    guard let model else { return Linter.rulesOnlyVerdict(score: 0, requiredScore: settings.requiredScore) }
    let logOdds = cue.map { model.logOdds(document, without: $0) } ?? model.logOdds(document)
    let numbers = ClassifierVerdict(
      model: model, logOdds: logOdds, rulePoints: 0, threshold: settings.threshold,
      requiredScore: settings.requiredScore)
    return Verdict(
      class: numbers.isHardSell ? .hardSell : .value, probability: numbers.probability, score: numbers.score)
  }

  /// Up to three readable reasons from the strongest hard-sell contributions, with where each first
  /// occurs: words (as written, in 「」) and token kinds, skipping one already inside a chosen one;
  /// character bigrams only when nothing else pushed.
  /// `pushing` is `Model.pushingFeatures(document)`; labels are made only for the features looked at.
  static func reasons(_ pushing: [PushingFeature], in document: Document) -> [(
    text: String, range: Range<Int>
  )] {
    var chosen: [(text: String, range: Range<Int>)] = []
    var labels: [String] = []
    for pass in 0..<2 where chosen.isEmpty || pass == 0 {
      for feature in pushing where (feature.kind == .bigram) == (pass == 1) {
        let label = feature.label(in: document)
        if feature.kind != .kind && labels.contains(where: { $0.contains(label) || label.contains($0) }) {
          continue
        }
        chosen.append((feature.kind == .kind ? label : "「\(label)」", feature.sourceRange))
        labels.append(label)
        if chosen.count == 3 { break }
      }
    }
    return chosen
  }

  /// Rule points for the message: whole points as an integer, others as `String(format: "%.1f")` gives
  /// them (built from `tenths` where that applies: `String(format:)` cost some 20 k instructions).
  static func points(_ value: Double) -> String {
    if value == value.rounded() { return String(Int(value)) }
    guard let tenths = tenths(value) else { return String(format: "%.1f", value) }
    return String(tenths / 10) + "." + String(tenths % 10)
  }

  /// `value` in tenths rounded as `%.1f` rounds the exact binary value: to nearest, an exact tie to even;
  /// nil unless `value` is positive and below 2⁴⁰. Each comparison of `10·value` with a bound is the sign
  /// of one fused multiply-add, which is exact.
  static func tenths(_ value: Double) -> Int? {
    guard value > 0, value < 0x1p40 else { return nil }
    var t = (value * 10).rounded(.down)
    while (-t).addingProduct(value, 10) < 0 { t -= 1 }
    while (-(t + 1)).addingProduct(value, 10) >= 0 { t += 1 }
    let half = (-(t + 0.5)).addingProduct(value, 10)
    if half > 0 || (half == 0 && t.truncatingRemainder(dividingBy: 2) != 0) { t += 1 }
    return Int(t)
  }
}
