import SiyuText
import Testing

@testable import SiyuCore

/// Rule kinds as data (`KindRule`, `TokenMatcher`, `RegexMatcher`) and custom rules from configuration.
@Suite struct RuleKindsTests {
  static func document(_ text: String) throws -> Document {
    let post = Post(id: "p.md", path: "p.md", text: text, channel: "moments")
    return Document(post: post, segmenter: try Segmenter())
  }

  static func rule(
    _ kind: CustomRuleSettings.Kind, _ matcher: CustomRuleSettings.Matcher, replacement: String? = nil,
    max: Int? = nil, min: Int? = nil
  ) throws -> any Rule {
    let settings = CustomRuleSettings(
      id: "test/\(kind.rawValue)", kind: kind, matcher: matcher, message: "测试", replacement: replacement,
      max: max, min: min)
    return try #require(try CustomRules.make([settings], configPath: ".siyu.yml").first)
  }

  static func ranges(_ rule: any Rule, _ text: String) throws -> [Range<Int>] {
    rule.check(try document(text)).map(\.range)
  }

  @Test func existenceMatchesWholeTokensOnly() throws {
    let rule = try Self.rule(.existence, .tokens(["秒杀"]))
    // 秒杀 了 一台 新 电脑: 秒杀 is a token of its own.
    #expect(try Self.ranges(rule, "秒杀了一台新电脑") == [0..<2])
    // 今晚 秒杀价 只要…, 限时秒杀 ，…: the segmenter keeps 秒杀价 and 限时秒杀 whole, so no match.
    #expect(try Self.ranges(rule, "今晚秒杀价只要九块九").isEmpty)
    #expect(try Self.ranges(rule, "限时秒杀，快来").isEmpty)
  }

  @Test func aTokenMadeOfLexiconWordsMatchesButAPartialOneDoesNot() throws {
    // 限时秒杀 is one token of the segmentation lexicon; it is made of two lexicon words.
    let rule = try Self.rule(.existence, .tokens(["限时", "秒杀"]))
    #expect(try Self.ranges(rule, "限时秒杀开始") == [0..<4])
    // 秒杀价 is 秒杀 + 价, and 价 is not a lexicon word.
    #expect(try Self.ranges(rule, "秒杀价") == [])
  }

  @Test func matchesCarryTheirLexiconEntry() throws {
    let matcher = TokenMatcher(words: ["秒杀", "包邮"])
    let matches = matcher.matches(in: try Self.document("今天包邮"))
    #expect(matches.map(\.entry) == [1])
  }

  @Test func existenceSpansSeveralTokensAndPointsAtTheSource() throws {
    // 某 竞品: a lexicon word may cover several tokens.
    let rule = try Self.rule(.existence, .tokens(["某竞品"]))
    #expect(try Self.ranges(rule, "这是某竞品的东西") == [2..<5])
    #expect(try Self.ranges(rule, "𠮷\n某竞品真贵") == [3..<6])
    // Normalized matching (full-width VIP, Traditional 會員) reports the original characters.
    let vip = try Self.rule(.existence, .tokens(["vip会员"]))
    #expect(try Self.ranges(vip, "ＶＩＰ會員专享") == [0..<5])
  }

  @Test func substitutionCarriesTheSuggestion() throws {
    let rule = try Self.rule(.substitution, .tokens(["全网最低"]), replacement: "很实惠")
    let hits = rule.check(try Self.document("全网最低价格，全网最低"))
    #expect(hits.map(\.range) == [0..<4, 7..<11])
    #expect(hits.first?.suggestion == Suggestion(range: 0..<4, replacement: "很实惠"))
    #expect(hits.first?.message == "测试（「全网最低」→「很实惠」）")
  }

  @Test func occurrenceFlagsTheFirstExcessMatchOrTheWholePost() throws {
    let most = try Self.rule(.occurrence, .tokens(["好吃"]), max: 2)
    #expect(try Self.ranges(most, "好吃好吃 好吃") == [5..<7])
    #expect(try Self.ranges(most, "好吃好吃").isEmpty)
    let least = try Self.rule(.occurrence, .tokens(["好吃"]), min: 1)
    #expect(try Self.ranges(least, "今天天气真好") == [0..<6])
    #expect(try Self.ranges(least, "好吃").isEmpty)
  }

  @Test func repetitionFlagsAdjacentRepeats() throws {
    let rule = try Self.rule(.repetition, .tokens(["真的", "好吃"]))
    #expect(try Self.ranges(rule, "真的真的很好吃") == [0..<4])
    // A run of three is one hit; whitespace between repeats still counts as adjacent.
    #expect(try Self.ranges(rule, "好吃好吃 好吃") == [0..<7])
    // Different words back to back, or the same word apart, are no repetition.
    #expect(try Self.ranges(rule, "真的好吃").isEmpty)
    #expect(try Self.ranges(rule, "真的，真的").isEmpty)
  }

  @Test func regexRunsOnNormalizedTextAndMapsBack() throws {
    let rule = try Self.rule(.existence, .regex("\\d+元"))
    // Full-width digits normalize to 99; the finding covers the full-width source.
    #expect(try Self.ranges(rule, "原价999现价９９元") == [7..<10])
    #expect(try Self.ranges(rule, "🔥99元") == [2..<5])
  }

  @Test func invalidRegexIsAConfigurationProblem() {
    let settings = CustomRuleSettings(
      id: "brand/price", kind: .existence, matcher: .regex("ab(c"), message: "价格")
    #expect(
      throws: InputProblem(
        path: "conf/.siyu.yml", line: nil, message: "custom_rules「brand/price」的正则表达式无效：括号不配对（位置 4）")
    ) {
      try CustomRules.make([settings], configPath: "conf/.siyu.yml")
    }
  }

  @Test func timeoutIsAProblemForThePostNotAStall() throws {
    let settings = CustomRuleSettings(
      id: "brand/slow", kind: .existence, matcher: .regex("(a+)+$"), message: "慢")
    let rules = try CustomRules.make([settings], configPath: ".siyu.yml")
    let linter = try Linter(rules: rules, configuration: Configuration())
    let post = Post(
      id: "posts/a.md", path: "posts/a.md", text: String(repeating: "a", count: 30) + "b", channel: "moments")
    let report = linter.check(post)
    #expect(report.findings.isEmpty)
    #expect(
      report.problems == [InputProblem(path: "posts/a.md", message: "custom_rules「brand/slow」的正则表达式超时，已跳过")])
  }

  @Test func linterRunsOneCustomRuleOfEachKind() throws {
    var configuration = Configuration()
    configuration.customRules = [
      CustomRuleSettings(
        id: "brand/competitor", kind: .existence, matcher: .tokens(["某竞品"]), message: "不提竞品"),
      CustomRuleSettings(
        id: "ad/lowest", kind: .substitution, matcher: .regex("全网最低"), message: "绝对化用语",
        replacement: "很实惠"),
      CustomRuleSettings(
        id: "style/yummy", kind: .occurrence, matcher: .tokens(["好吃"]), message: "好吃太多", max: 1),
      CustomRuleSettings(
        id: "style/repeat", kind: .repetition, matcher: .tokens(["真的"]), message: "重复", level: .error),
    ]
    let rules = try CustomRules.make(configuration.customRules, configPath: ".siyu.yml")
    let linter = try Linter(rules: rules, configuration: configuration)
    let text = "某竞品真贵。全网最低！真的真的好吃，好吃"
    let report = linter.check(Post(id: "p.md", path: "p.md", text: text, channel: "moments"))
    let found = report.findings.map { ($0.finding.rule, $0.finding.range, $0.finding.severity) }
    #expect(found.map(\.0) == ["brand/competitor", "ad/lowest", "style/repeat", "style/yummy"])
    #expect(found.map(\.1) == [0..<3, 6..<10, 11..<15, 18..<20])
    #expect(found.map(\.2) == [.warning, .warning, .error, .warning])
    #expect(report.findings[1].finding.suggestion == Suggestion(range: 6..<10, replacement: "很实惠"))
    #expect(report.problems.isEmpty)
    // Suppression works for custom rules like for built-in ones.
    let quiet = linter.check(
      Post(id: "q.md", path: "q.md", text: "<!-- siyu-disable brand -->\n某竞品", channel: "moments"))
    #expect(quiet.findings.isEmpty)
  }
}
