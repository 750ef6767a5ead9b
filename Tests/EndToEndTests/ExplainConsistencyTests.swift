import Foundation
import Testing

/// `siyu explain` shows every contribution (SPEC), so its numbers must add up to the verdict `siyu check`
/// gives: the printed formulas are recomputed from the printed numbers and compared with the printed
/// probabilities, the rule points with the listed findings, and both with `check --format json` on the
/// same text; also when the single-cue guarantee decides (one line saying so, with its own formula).
@Suite("siyu explain adds up to siyu check's verdict")
struct ExplainConsistencyTests {
  /// Built-in model: the audit's posts (a ¥ price alone or in a short sentence: the cue's text set aside),
  /// 5折 and 特惠 (the points set aside), a range, a post that sells by more than its price, multi-cue
  /// hard-sell posts, a value post, and a post whose one cue is a contact.
  static let builtIn = [
    "¥129", "门票¥60", "围巾¥129", "新到的围巾 ¥129", "¥5", "5折", "特惠", "¥99~¥129", "129元",
    "谁来拼一单？厂家直发的羊毛围巾十条起批，¥129一条，还差三个人，想要的接一下",
    "【限时秒杀】原价399元，今晚只要99元！！！扫码下单", "围巾¥129，今晚截止，私聊我下单",
    "分享一个小技巧：毛巾用白醋泡一泡会变软", "想要同款的加微信 abc12345",
  ]
  /// The fixture model (`Tests/Fixtures/classifier`), whose combiner weighs rule points heavily: one price
  /// makes these hard-sell until its points are set aside.
  static let fixtureModel = ["今晚只要99元，爆款面膜，囤货的姐妹", "年货节坚果礼盒只要129元，囤货的姐妹", "¥129"]

  static func scratch(configuration: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-explain-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try Data(configuration.utf8).write(to: url.appendingPathComponent(".siyu.yml"))
    return url
  }

  static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

  /// Bound on |σ(a·L + b·S + c) − σ(â·L̂ + b̂·Ŝ + ĉ)| when each of a, L, b, S, c is printed rounded to
  /// `digits` decimals (σ' ≤ 1/4), plus the rounding of the printed probability (4 decimals).
  static func tolerance(_ a: Double, _ l: Double, _ b: Double, _ s: Double, digits: Int) -> Double {
    let e = 0.5 * pow(10, -Double(digits))
    return 0.25 * ((abs(a) + e) * e + abs(l) * e + (abs(b) + e) * e + abs(s) * e + e) + 0.00005 + 1e-9
  }

  /// The numbers of `σ(A×L + B×S + (C)) = P` in `line`.
  static func formula(_ line: Substring) throws -> (
    a: Double, l: Double, b: Double, s: Double, c: Double, p: Double
  ) {
    let number = "(-?[0-9]+\\.[0-9]+)"
    let pattern = try Regex(
      "σ\\(\(number)×\(number) \\+ \(number)×\(number) \\+ \\(\(number)\\)\\) = \(number)")
    let match = try #require(line.firstMatch(of: pattern), "no formula in \(line)")
    let values = try (1...6).map { i in try #require(match.output[i].substring.flatMap { Double($0) }) }
    return (values[0], values[1], values[2], values[3], values[4], values[5])
  }

  /// The probability and class `siyu check --format json` gives each text, and its classifier finding's
  /// message (nil when value).
  static func check(_ texts: [String], in dir: URL) throws -> [(
    probability: Double, hardSell: Bool, message: String?
  )] {
    let rows = try texts.map {
      String(decoding: try JSONSerialization.data(withJSONObject: ["text": $0]), as: UTF8.self)
    }
    try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("posts.jsonl"))
    let result = try runSiyu(["check", "posts.jsonl", "--format", "json"], in: dir)
    let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
    let files = try #require(object?["files"] as? [[String: Any]])
    return try files.map { file in
      let verdict = try #require(file["verdict"] as? [String: Any])
      let findings = file["findings"] as? [[String: Any]] ?? []
      let message = findings.first { $0["rule"] as? String == "hard-sell/classifier" }?["message"] as? String
      return (
        try #require(verdict["probability"] as? Double), verdict["class"] as? String == "hard-sell", message
      )
    }
  }

  /// Checks every text's explanation, human and JSON, against itself and against `check`; returns how
  /// many the single-cue guarantee decided.
  static func verify(_ texts: [String], configuration: String) throws -> Int {
    let dir = try scratch(configuration: configuration)
    defer { try? FileManager.default.removeItem(at: dir) }
    let checked = try check(texts, in: dir)
    var guarded = 0
    for (text, verdict) in zip(texts, checked) {
      // Human output.
      let human = try runSiyu(["explain", text], in: dir)
      #expect(human.status == 0, "\(text): \(human.stderrText)")
      let lines = String(decoding: human.stdout, as: UTF8.self).split(separator: "\n")
      let ruleLines = lines.filter { $0.hasPrefix("  +") || $0.hasPrefix("  -") }.filter { $0.contains("/") }
      let listed = ruleLines.compactMap { Double($0.split(separator: " ")[0]) }.reduce(0, +)
      let totalLine = try #require(lines.first { $0.hasPrefix("  规则分合计 S = ") })
      let total = try #require(Double(totalLine.dropFirst("  规则分合计 S = ".count)))
      #expect(abs(listed - total) <= 0.0005 * Double(ruleLines.count) + 1e-9, "\(text): \(listed) ≠ \(total)")
      let combined = try formula(try #require(lines.first { $0.hasPrefix("合成：") }))
      #expect(combined.s == total, "\(text): the formula's S \(combined.s) is not the rules' \(total)")
      let recomputed = sigmoid(combined.a * combined.l + combined.b * combined.s + combined.c)
      #expect(
        abs(recomputed - combined.p) <= tolerance(combined.a, combined.l, combined.b, combined.s, digits: 3),
        "\(text): σ(…) = \(recomputed), printed \(combined.p)")
      let conclusion = try #require(lines.first { $0.hasPrefix("结论：") })
      let guardLine = lines.first { $0.hasPrefix("单一线索：") }
      let final: Double
      if let guardLine {
        guarded += 1
        let alone = try formula(guardLine)
        #expect(alone.s == 0, "\(text): the cue's points are set aside")
        #expect(alone.a == combined.a && alone.b == combined.b && alone.c == combined.c)
        let value = sigmoid(alone.a * alone.l + alone.c)
        #expect(abs(value - alone.p) <= tolerance(alone.a, alone.l, alone.b, 0, digits: 3), "\(text)")
        #expect(alone.p < 0.5 && combined.p >= 0.5, "\(text): the guarantee overrules a hard-sell verdict")
        #expect(conclusion.hasPrefix("结论：内容（value）"))
        final = alone.p
      } else {
        final = combined.p
      }
      #expect(conclusion.contains("概率 \(String(format: "%.4f", final)) "), "\(text): \(conclusion)")
      // `check` agrees: the same probability and class, and the rule points its finding names.
      #expect(abs(verdict.probability - final) <= 0.00005 + 1e-9, "\(text): check \(verdict.probability)")
      #expect(verdict.hardSell == conclusion.hasPrefix("结论：硬广"), "\(text)")
      if let message = verdict.message, total > 0 {
        let points = total == total.rounded() ? String(Int(total)) : String(format: "%.1f", total)
        #expect(message.hasSuffix("（另有规则分 \(points)）"), "\(text): \(message)")
      }

      // JSON output.
      let json = try runSiyu(["explain", text, "--format", "json"], in: dir)
      let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
      let classifier = try #require(object["classifier"] as? [String: Any])
      let v = try #require(object["verdict"] as? [String: Any])
      let rules = try #require(object["rules"] as? [[String: Any]])
      func number(_ object: [String: Any], _ key: String) throws -> Double {
        try #require(object[key] as? Double ?? (object[key] as? Int).map(Double.init), "\(key) in \(object)")
      }
      let (a, b, c) = (try number(classifier, "a"), try number(classifier, "b"), try number(classifier, "c"))
      let l = try number(classifier, "log_odds")
      let s = try number(v, "rule_points")
      let sum = try rules.map { try number($0, "points") }.reduce(0, +)
      #expect(abs(sum - s) <= 0.00005 * Double(rules.count) + 1e-9, "\(text): rules \(sum), rule_points \(s)")
      #expect(abs(s - total) <= 0.0005 + 1e-9)
      let probability = try number(v, "probability")
      let score = try number(v, "score")
      let classifierPoints = try number(v, "classifier_points")
      #expect(abs(probability - verdict.probability) <= 0.00005 + 1e-9, "\(text)")
      if let cue = v["single_cue"] as? [String: Any] {
        #expect(guardLine != nil, "\(text): JSON and human output agree on the guarantee")
        let lAlone = try number(cue, "log_odds")
        #expect(
          abs(sigmoid(a * lAlone + c) - probability) <= tolerance(a, lAlone, b, 0, digits: 4), "\(text)")
        let overruled = try number(cue, "overruled_probability")
        #expect(abs(sigmoid(a * l + b * s + c) - overruled) <= tolerance(a, l, b, s, digits: 4), "\(text)")
        #expect(abs(score - classifierPoints) <= 0.0001 + 1e-9, "\(text): no rule points count")
        #expect(cue["set_aside"] as? String == "cue" || cue["set_aside"] as? String == "points")
      } else {
        #expect(guardLine == nil, "\(text): JSON and human output agree on the guarantee")
        #expect(abs(sigmoid(a * l + b * s + c) - probability) <= tolerance(a, l, b, s, digits: 4), "\(text)")
        #expect(abs(score - (s + classifierPoints)) <= 0.0002 + 1e-9, "\(text)")
      }
    }
    return guarded
  }

  @Test func theBuiltInModelsNumbersAddUp() throws {
    let guarded = try Self.verify(Self.builtIn, configuration: "")
    // ¥129, 门票¥60, 围巾¥129, 新到的围巾 ¥129, ¥5 (text), 5折, 特惠 (points), ¥99~¥129 (text), and the
    // contact (text).
    #expect(guarded == 9)
  }

  @Test func theFixtureModelsNumbersAddUp() throws {
    let model = Locations.fixtures("classifier").appendingPathComponent("model.siyumodel").path
    let guarded = try Self.verify(Self.fixtureModel, configuration: "classifier: { model: \(model) }\n")
    #expect(guarded == 2)
  }

  /// The audit's command: a post of one price checks clean (exit 0, no error).
  @Test func onePriceChecksClean() throws {
    let dir = try Self.scratch(configuration: "")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("¥129\n".utf8).write(to: dir.appendingPathComponent("one.md"))
    let result = try runSiyu(["check", "one.md"], in: dir)
    let out = String(decoding: result.stdout, as: UTF8.self)
    #expect(result.status == 0, "\(out)")
    #expect(!out.contains("hard-sell/classifier"), "\(out)")
    #expect(out.contains("hard-sell/price"))
  }
}
