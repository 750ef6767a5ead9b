import Foundation
import SiyuClassifier
import SiyuCore
import SiyuText

/// What `siyu explain` prints, gathered once and rendered as human text or JSON.
struct Explanation {
  struct TokenInfo: Encodable {
    var text: String
    var kind: String
    var start: Int
    var end: Int
  }

  struct RuleInfo: Encodable {
    var rule: String
    var line: Int
    var column: Int
    var points: Double
    var message: String
  }

  struct FeatureInfo: Encodable {
    var feature: String
    var kind: String
    var weight: Double
    var hardSell: Int
    var value: Int

    enum CodingKeys: String, CodingKey {
      case feature, kind, weight
      case hardSell = "hard_sell"
      case value
    }
  }

  struct Numbers: Encodable {
    var logOdds: Double
    var bias: Double
    var knownFeatures: Int
    var features: Int
    var classifierWeight: Double
    var ruleWeight: Double
    var intercept: Double

    enum CodingKeys: String, CodingKey {
      case logOdds = "log_odds"
      case bias
      case knownFeatures = "known_features"
      case features
      case classifierWeight = "a"
      case ruleWeight = "b"
      case intercept = "c"
    }
  }

  /// The single-cue guarantee's decision (`SingleCueGuard`), when it decided the verdict.
  struct SingleCueInfo: Encodable {
    var rule: String
    /// The rule's findings with points.
    var occurrences: Int
    /// `points`: the rule points were not counted; `cue`: nor was the text of the one occurrence.
    var setAside: String
    /// The cue's text and position when it is one mention (one finding, or a range of two); nil otherwise.
    var text: String?
    var line: Int?
    var column: Int?
    /// The log-odds the verdict used: the post's, or the post's without the cue's text.
    var logOdds: Double
    /// The probability with the cue counted, which the guarantee overruled.
    var overruledProbability: Double

    enum CodingKeys: String, CodingKey {
      case rule, occurrences
      case setAside = "set_aside"
      case text, line, column
      case logOdds = "log_odds"
      case overruledProbability = "overruled_probability"
    }
  }

  struct VerdictInfo: Encodable {
    var `class`: String
    var probability: Double
    var score: Double
    /// The rules' points, `S`: the sum of the listed findings' points.
    var rulePoints: Double
    /// `score` minus the rule points it counts (none when the single-cue guarantee decided).
    var classifierPoints: Double
    var threshold: Double
    var requiredScore: Double
    var classifier: Bool
    /// Present only when the single-cue guarantee decided the verdict.
    var singleCue: SingleCueInfo?

    enum CodingKeys: String, CodingKey {
      case `class`, probability, score
      case rulePoints = "rule_points"
      case classifierPoints = "classifier_points"
      case threshold
      case requiredScore = "required_score"
      case classifier
      case singleCue = "single_cue"
    }
  }

  struct Body: Encodable {
    var text: String
    var normalized: String
    var tokens: [TokenInfo]
    var rules: [RuleInfo]
    var model: String
    var algorithm: String
    var classifier: Numbers
    var towardsHardSell: [FeatureInfo]
    var towardsValue: [FeatureInfo]
    var verdict: VerdictInfo

    enum CodingKeys: String, CodingKey {
      case text, normalized, tokens, rules, model, algorithm, classifier
      case towardsHardSell = "towards_hard_sell"
      case towardsValue = "towards_value"
      case verdict
    }
  }

  let body: Body
  /// The probability the combination gives with the post's `L` and `S`: the verdict's, unless the
  /// single-cue guarantee decided (then `body.verdict.singleCue.overruledProbability`).
  let combinedProbability: Double
  /// `--top`: how many features are listed each way (0 lists none, which is not "none pushed").
  let top: Int

  init(
    document: Document, report: PostReport, model: Model, modelName: String, settings: ClassifierSettings,
    classifierOn: Bool, rulePoints: Double, top: Int
  ) {
    self.top = top
    let tokens = document.tokens.map {
      TokenInfo(
        text: document.text(of: $0), kind: $0.kind.rawValue, start: $0.sourceStart.asInt,
        end: $0.sourceEnd.asInt)
    }
    let rules = report.findings.filter { $0.finding.rule != "hard-sell/classifier" }.map {
      RuleInfo(
        rule: $0.finding.rule, line: $0.start.line, column: $0.start.column,
        points: Self.rounded($0.finding.points),
        message: $0.finding.message)
    }
    let details = FeatureExtractor.details(document)
    let contributions = model.contributions(details)
    func info(_ c: Contribution) -> FeatureInfo {
      FeatureInfo(
        feature: c.feature.label, kind: c.feature.kind.rawValue, weight: Self.rounded(c.weight),
        hardSell: Int(c.hardSellCount),
        value: Int(c.valueCount))
    }
    let logOdds = model.logOdds(FeatureExtractor.keys(document))
    let numbers = ClassifierVerdict(
      model: model, logOdds: logOdds, rulePoints: rulePoints, threshold: settings.threshold,
      requiredScore: settings.requiredScore)
    combinedProbability = numbers.probability
    let combiner = model.parameters.combiner
    var singleCue: SingleCueInfo?
    if let decision = report.singleCue {
      let position = decision.mention.map { document.lines.position(of: $0.lowerBound) }
      singleCue = SingleCueInfo(
        rule: decision.rule, occurrences: decision.occurrences,
        setAside: decision.textSetAside ? "cue" : "points",
        text: decision.mention.map { document.text(in: $0) },
        line: position.map { $0.line + document.post.bodyLine - 1 }, column: position?.column,
        logOdds: Self.rounded(
          decision.textSetAside
            ? decision.mention.map { model.logOdds(document, without: $0) } ?? logOdds : logOdds),
        overruledProbability: Self.rounded(decision.overruled.probability))
    }
    // The rule points the verdict counts: none when the single-cue guarantee set them aside.
    let counted = singleCue == nil ? rulePoints : 0
    body = Body(
      text: document.post.text,
      normalized: String(decoding: document.normalized, as: UTF16.self),
      tokens: tokens, rules: rules,
      model: modelName == "default" ? DefaultModel.name : modelName,
      algorithm: model.algorithm.name,
      classifier: Numbers(
        logOdds: Self.rounded(logOdds), bias: Self.rounded(model.bias), knownFeatures: contributions.count,
        features: details.count, classifierWeight: Self.rounded(combiner.classifierWeight),
        ruleWeight: Self.rounded(combiner.ruleWeight), intercept: Self.rounded(combiner.intercept)),
      towardsHardSell: contributions.filter { $0.weight > 0 }.prefix(top).map(info),
      towardsValue: contributions.filter { $0.weight < 0 }.reversed().prefix(top).map(info),
      verdict: VerdictInfo(
        class: report.verdict.class.rawValue, probability: Self.rounded(report.verdict.probability),
        score: Self.rounded(report.verdict.score), rulePoints: Self.rounded(rulePoints),
        classifierPoints: Self.rounded(classifierOn ? report.verdict.score - counted : 0),
        threshold: settings.threshold,
        requiredScore: settings.requiredScore, classifier: classifierOn, singleCue: singleCue))
  }

  /// Four decimals, as `siyu eval` prints: stable across platforms' last-digit differences.
  static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  static func fixed(_ value: Double, _ digits: Int = 3) -> String {
    let text = String(format: "%.\(digits)f", value)
    return text == String(format: "%.\(digits)f", -0.0) ? String(format: "%.\(digits)f", 0.0) : text
  }

  static func signed(_ value: Double) -> String { (value < 0 ? "-" : "+") + fixed(abs(value)) }

  static func kindName(_ kind: String) -> String {
    switch kind {
    case "word": "词"
    case "bigram": "字对"
    default: "类型"
    }
  }

  func human() -> String {
    var out = ""
    func line(_ text: String = "") { out += text + "\n" }
    line("原文：" + body.text.replacingOccurrences(of: "\n", with: "⏎"))
    line("规范化：" + body.normalized.replacingOccurrences(of: "\n", with: "⏎"))
    line(
      "分词：" + body.tokens.map { $0.kind == "word" ? $0.text : "\($0.text)/\($0.kind)" }.joined(separator: " ")
    )
    line()
    line("规则（分值）：")
    if body.rules.isEmpty { line("  （没有规则命中）") }
    for rule in body.rules {
      line("  \(Self.signed(rule.points))  \(rule.rule)  \(rule.line):\(rule.column)  \(rule.message)")
    }
    line("  规则分合计 S = \(Self.fixed(body.verdict.rulePoints))")
    line()
    let c = body.classifier
    line("分类器（\(body.model)，\(body.algorithm)；\(c.features) 个特征中模型认识 \(c.knownFeatures) 个）：")
    func features(_ title: String, _ list: [FeatureInfo]) {
      line("  \(title)：")
      if list.isEmpty { line(top == 0 ? "    （--top 0，不列出）" : "    （无）") }
      for f in list {
        line(
          "    \(Self.signed(f.weight))  「\(f.feature)」\(Self.kindName(f.kind))  训练中 硬广 \(f.hardSell) 篇 / 内容 \(f.value) 篇"
        )
      }
    }
    features("推向硬广", body.towardsHardSell)
    features("推向内容", body.towardsValue)
    line("  截距 \(Self.fixed(c.bias))，对数几率 L = \(Self.fixed(c.logOdds))")
    line()
    let v = body.verdict
    if v.classifier {
      func combination(_ logOdds: Double, _ rulePoints: Double) -> String {
        "σ(\(Self.fixed(c.classifierWeight))×\(Self.fixed(logOdds)) + "
          + "\(Self.fixed(c.ruleWeight))×\(Self.fixed(rulePoints)) + (\(Self.fixed(c.intercept))))"
      }
      line(
        "合成：p = σ(a·L + b·S + c) = \(combination(c.logOdds, v.rulePoints)) = \(Self.fixed(combinedProbability, 4))"
      )
      if let cue = v.singleCue {
        line(Self.singleCueLine(cue, combination(cue.logOdds, 0), verdict: v))
        line(
          "得分：\(Self.fixed(v.score, 2)) = 规则分 0.00（单一线索不计） + 分类器分 \(Self.fixed(v.classifierPoints, 2))"
            + "（得分达到 required_score \(Self.fixed(v.requiredScore, 2)) 即概率 0.5）")
      } else {
        line(
          "得分：\(Self.fixed(v.score, 2)) = 规则分 \(Self.fixed(v.rulePoints, 2)) + 分类器分 \(Self.fixed(v.classifierPoints, 2))"
            + "（得分达到 required_score \(Self.fixed(v.requiredScore, 2)) 即概率 0.5）")
      }
    } else {
      line(
        "合成：分类器已关闭（hard-sell/classifier: off），只看规则分：p = σ(S − required_score) = \(Self.fixed(v.probability, 4))"
      )
      line("得分：\(Self.fixed(v.score, 2))（required_score \(Self.fixed(v.requiredScore, 2))）")
    }
    let name = v.class == "hard-sell" ? "硬广（hard-sell）" : "内容（value）"
    let comparison =
      v.classifier
      ? "概率 \(Self.fixed(v.probability, 4)) \(v.probability >= v.threshold ? "≥" : "<") 阈值 \(Self.fixed(v.threshold, 2))"
      : "得分 \(Self.fixed(v.score, 2)) \(v.score >= v.requiredScore ? "≥" : "<") required_score \(Self.fixed(v.requiredScore, 2))"
    line("结论：\(name)，\(comparison)")
    return out
  }
}

extension Explanation {
  /// The one line saying that the single-cue guarantee decided the verdict, with the combination it
  /// judged by (`combination`, the cue's points as 0).
  static func singleCueLine(_ cue: SingleCueInfo, _ combination: String, verdict v: VerdictInfo) -> String {
    let found =
      if let text = cue.text, let line = cue.line, let column = cue.column {
        "\(cue.rule) 的\(cue.occurrences == 1 ? "一处命中" : "一个区间")「\(text.replacingOccurrences(of: "\n", with: "⏎"))」（\(line):\(column)）"
      } else {
        "\(cue.rule)（\(cue.occurrences) 处命中）"
      }
    let setAside =
      cue.setAside == "cue" ? "去掉它（文字和规则分）" : cue.text == nil ? "不计这些规则分" : "不计它的规则分"
    return "单一线索：规则分都来自 \(found)，\(setAside)后 p = \(combination) = \(fixed(v.probability, 4))"
      + " < 阈值 \(fixed(v.threshold, 2))：单一的温和线索不能单独让帖子成为硬广，判为内容"
  }
}

extension Int32 {
  fileprivate var asInt: Int { Int(self) }
}
