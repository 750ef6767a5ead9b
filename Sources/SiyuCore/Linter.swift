import Foundation
import SiyuText

/// Runs the rules on posts and turns their hits into located, levelled, scored findings with a verdict.
///
/// Owns a `Segmenter`, so one linter serves one thread.
public final class Linter {
  public let rules: [any Rule]
  public let configuration: Configuration
  /// The configured personas, loaded once.
  public let personas: PersonaSet
  private let segmenter: Segmenter
  /// `vocabulary.accept` words as UTF-16, for overlap checks.
  private let accepted: [[UInt16]]
  /// Per rule, resolved once: the rule as a `FallibleRule` when it is one, its level before `overrides`
  /// and its points. Resolving them per post (string work on ids and families, dynamic casts) cost more
  /// than running the rules.
  private let fallibles: [(any FallibleRule)?]
  /// Whether `fallibles[index]` is not nil: testing this instead of unwrapping saves copying an
  /// optional existential per rule and post for the rules that are not fallible (the built-in ones).
  private let isFallible: [Bool]
  /// Per rule, its type when it is a built-in rule that holds no state (size 0): it is called through
  /// the type (`BuiltinRule.checkFresh`), with no copy of the rule's existential per post.
  private let statelessTypes: [(any BuiltinRule.Type)?]
  private let baseLevels: [RuleLevel]
  private let rulePoints: [Double]
  /// `descriptions[i].marksCueWords` for a rule with points: overlapping findings of these rules score
  /// once.
  private let scoresCueWords: [Bool]
  /// The rules' descriptions, read once: getting one through the existential copies the rule.
  private let descriptions: [RuleDescription]
  /// `descriptions[i].id`: reading it from the description copies the whole description.
  private let ruleIDs: [String]
  /// Index of the rule that gives the verdict (`hard-sell/classifier`), if there is one: it runs after
  /// the others, on their points.
  private let judgeIndex: Int?
  /// The rules that run on each post: all but the verdict rule and the ones whose findings the linter
  /// makes itself from the suppressions (`siyu/unused-disable`, `siyu/unknown-rule`), whose `check`
  /// finds nothing.
  private let perPostIndices: [Int]
  /// `rules[judgeIndex]` as a `VerdictRule`, cast once: a dynamic cast per post cost about 1,100
  /// instructions.
  private let judge: (any VerdictRule)?
  /// Whether findings get UTF-8 byte columns (`FilePosition.utf8Column`); without them the field is 0.
  /// Only the rdjson reporter prints them, and counting the bytes before every finding cost more than
  /// locating it.
  public let utf8Columns: Bool
  /// Rule ids and families a suppression may name (`siyu/unknown-rule` reports the others).
  private let knownNames: Set<String>
  /// Known rule ids and families, sorted, for suggestions.
  private let knownIDs: [String]
  private let knownFamilies: [String]
  /// Whether every `cap/…` name counts as known (no history rule ids were given).
  private let trustsCapNames: Bool

  /// - Parameters:
  ///   - lexicons: extra segmentation lexicons (from `.siyu.yml`'s `lexicons`).
  ///   - personas: the configured personas (`PersonaSet.load`); posts naming another are input problems.
  ///   - utf8Columns: whether findings get UTF-8 byte columns (see `utf8Columns`).
  ///   - historyRuleIDs: the history rules' ids (`CapRules`), which suppressions may name too; nil
  ///     accepts every `cap/…` name.
  public init(
    rules: [any Rule], configuration: Configuration, lexicons: [Lexicon] = [],
    personas: PersonaSet = PersonaSet(), utf8Columns: Bool = true, historyRuleIDs: [String]? = nil
  ) throws {
    self.rules = rules
    self.utf8Columns = utf8Columns
    self.configuration = configuration
    self.personas = personas
    segmenter = try Segmenter(extraLexicons: Self.segmentationLexicons(configuration, lexicons))
    accepted = configuration.vocabulary.accept.filter { !$0.isEmpty }.map { Array($0.utf16) }
    fallibles = rules.map { $0 as? any FallibleRule }
    isFallible = fallibles.map { $0 != nil }
    statelessTypes = rules.map { rule in
      guard let builtin = rule as? any BuiltinRule else { return nil }
      return Self.statelessType(of: builtin)
    }
    baseLevels = rules.map {
      Configuration.level(in: configuration.rules, for: $0.description) ?? $0.description.defaultLevel
    }
    rulePoints = rules.map { configuration.points(for: $0.description) }
    descriptions = rules.map(\.description)
    ruleIDs = descriptions.map(\.id)
    scoresCueWords = zip(descriptions, rulePoints).map { $0.marksCueWords && $1 > 0 }
    let ids = Set(ruleIDs + (historyRuleIDs ?? []))
    knownNames = ids.union(ids.map { String($0.prefix { $0 != "/" }) }).union(Configuration.specFamilies)
    knownIDs = ids.sorted()
    knownFamilies = knownNames.subtracting(ids).sorted()
    trustsCapNames = historyRuleIDs == nil
    judgeIndex = rules.firstIndex { $0 is any VerdictRule }
    let verdictIndex = judgeIndex
    perPostIndices = rules.indices.filter { index in
      index != verdictIndex && !(rules[index] is UnusedSuppressionRule)
        && !(rules[index] is UnknownRuleNameRule)
    }
    judge = judgeIndex.flatMap { rules[$0] as? any VerdictRule }
  }

  /// Checks one post. `history` holds what the history rules (caps) found on it; they land at the
  /// start of its body and go through levels, overrides and suppressions like any finding. They add no
  /// points: how often an account posts is not evidence that this post is hard-sell.
  /// Without `reasons`, the `hard-sell/classifier` message gives the probability only (see
  /// `VerdictRule.judge`): batch scoring shows no messages for most posts.
  public func check(_ post: Post, history: [HistoryHit] = [], reasons: Bool = true) -> PostReport {
    var problems: [InputProblem] = []
    var persona: PersonaContext?
    if let name = post.persona {
      if let known = personas[name] {
        persona = PersonaContext(persona: known, personas: personas)
      } else {
        problems.append(personas.unknownPersona(name, at: post.personaLine, postID: post.id))
      }
    }
    if let problem = configuration.unknownChannel(post) { problems.append(problem) }
    let document = Document(post: post, segmenter: segmenter, persona: persona)
    var suppressions = Suppressions(document: document)
    // Without directives nothing is suppressed: no line to find for a hit, and no copy of a description.
    let suppressing = !suppressions.directives.isEmpty
    let acceptedRanges = acceptedOccurrences(in: document.units)
    var findings: [Finding] = []
    let overridden = !configuration.overrides.isEmpty
    // One array for every rule's hits, which each rule appends to: most rules find nothing in a post,
    // and then no array is made or released for them. Hits are few, so the array is not emptied
    // between rules (that cost more than keeping them); a rule's hits start at `first`.
    var hits: [RuleHit] = []
    // The findings of each cue-word rule that reported any, for `scoreOverlapsOnce`; the first is held
    // aside, so that a post with one such rule makes no array.
    var firstCueGroup: CueGroup?
    var cueGroups: [CueGroup] = []
    for index in perPostIndices {
      let level =
        overridden
        ? configuration.level(for: descriptions[index], postPath: post.path, channel: post.channel)
        : baseLevels[index]
      guard let severity = level.severity else { continue }
      let first = hits.count
      if isFallible[index], let fallible = fallibles[index] {
        do {
          Self.append(try fallible.checkOrFail(document), to: &hits)
        } catch {
          problems.append(InputProblem(path: post.id, message: error.message))
          continue
        }
      } else if let type = statelessTypes[index] {
        type.checkFresh(document, into: &hits)
      } else {
        // The call copies the rule's existential (value-witness calls each way). Binding each rule's
        // `check` into a closure, or holding rules in a class to borrow them, measured slower.
        Self.append(rules.withUnsafeBufferPointer { $0[index].check(document) }, to: &hits)
      }
      guard hits.count > first else { continue }
      var reported = 0
      for position in first..<hits.count {
        let hit = hits[position]
        if acceptedRanges.contains(where: { $0.overlaps(hit.range) }) { continue }
        if suppressing,
          suppressions.suppresses(
            descriptions[index], line: document.lines.position(of: hit.range.lowerBound).line)
        {
          continue
        }
        // A post with findings mostly has a few: room for them at once, where growing one by one
        // reallocated at the second and third.
        if findings.isEmpty { findings.reserveCapacity(4) }
        findings.append(
          Finding(
            rule: ruleIDs[index], severity: severity, range: hit.range, ruleMessage: hit.ruleMessage,
            points: Self.points(rulePoints[index], finding: reported), suggestion: hit.suggestion))
        reported += 1
      }
      if reported > 0 && scoresCueWords[index] {
        let group = CueGroup(
          points: rulePoints[index], findings: (findings.count - reported)..<findings.count)
        if let first = firstCueGroup {
          if cueGroups.isEmpty {
            cueGroups.reserveCapacity(4)
            cueGroups.append(first)
          }
          cueGroups.append(group)
        } else {
          firstCueGroup = group
        }
      }
    }
    if !cueGroups.isEmpty { Self.scoreOverlapsOnce(&findings, groups: cueGroups) }
    let score = findings.reduce(0) { $0 + $1.points }
    var verdict = Self.rulesOnlyVerdict(score: score, requiredScore: configuration.classifier.requiredScore)
    var singleCue: SingleCueGuard?
    if let judgeIndex, let judge,
      let severity =
        (overridden
        ? configuration.level(for: descriptions[judgeIndex], postPath: post.path, channel: post.channel)
        : baseLevels[judgeIndex]).severity
    {
      var judgement = judge.judge(
        document, rulePoints: score, settings: configuration.classifier, reasons: reasons)
      // SPEC: a single mild cue never makes a post hard-sell on its own (`SingleCueGuard`). Only posts
      // judged hard-sell whose points all come from one rule, below `required_score`, pay for it.
      if judgement.verdict.class == .hardSell, score > 0, score < configuration.classifier.requiredScore,
        let cue = SingleCueGuard.findings(findings),
        let guarded = SingleCueGuard.decide(
          cue, of: findings, points: score, overruled: judgement.verdict, judge: judge, document: document,
          settings: configuration.classifier)
      {
        singleCue = guarded.decision
        // Value: no finding. No rule points count, so the score is all the verdict rule's.
        judgement = Judgement(verdict: guarded.verdict, hit: nil, points: guarded.verdict.score)
      }
      verdict = judgement.verdict
      if let hit = judgement.hit,
        !suppressions.suppresses(
          descriptions[judgeIndex], line: document.lines.position(of: hit.range.lowerBound).line)
      {
        findings.append(
          Finding(
            rule: descriptions[judgeIndex].id, severity: severity, range: hit.range,
            ruleMessage: hit.ruleMessage,
            points: judgement.points))
      }
    }
    for hit in history {
      guard
        let severity = configuration.level(for: hit.rule, postPath: post.path, channel: post.channel)
          .severity,
        !suppressions.suppresses(hit.rule, line: 1)
      else { continue }
      findings.append(
        Finding(rule: hit.rule.id, severity: severity, range: 0..<0, message: hit.message, points: 0))
    }
    // Most posts have no suppression comment: no call, and no append to `findings`.
    if !suppressions.directives.isEmpty || !suppressions.unknownKeywords.isEmpty {
      findings += unknownNameFindings(&suppressions, document: document)
      findings += unusedSuppressionFindings(suppressions, document: document)
    }
    var located = findings.map { locate($0, in: document) }
    located.sort {
      ($0.start.line, $0.start.column, $0.finding.rule) < ($1.start.line, $1.start.column, $1.finding.rule)
    }
    var report = PostReport(path: post.id, verdict: verdict, findings: located, meta: post.meta)
    report.problems = problems
    report.singleCue = singleCue
    return report
  }

  /// The lexicons a linter's segmenter adds to the built-in ones: `lexicons` (loaded from `.siyu.yml`'s
  /// `lexicons`) and the `vocabulary.accept` words, which must stay whole tokens to be matched.
  /// `siyu segment` uses the same, so that it shows the segmentation `check` sees.
  public static func segmentationLexicons(_ configuration: Configuration, _ lexicons: [Lexicon]) -> [Lexicon]
  {
    let acceptLexicon = Lexicon(
      name: ".siyu.yml vocabulary.accept",
      entries: configuration.vocabulary.accept.map { Lexicon.Entry(text: $0, fields: [], line: 0) })
    return lexicons + [acceptLexicon]
  }

  /// Appends `found` to `hits`, taking the array as it is when `hits` is empty (no copy).
  private static func append(_ found: [RuleHit], to hits: inout [RuleHit]) {
    if hits.isEmpty {
      hits = found
    } else {
      hits.append(contentsOf: found)
    }
  }

  /// `type(of: rule)` when the rule holds no state, so that any instance checks as `init()`'s does.
  private static func statelessType<R: BuiltinRule>(of rule: R) -> (any BuiltinRule.Type)? {
    MemoryLayout<R>.size == 0 ? R.self : nil
  }

  /// One cue-word rule's findings in a post: their indices in the findings and the rule's points.
  struct CueGroup {
    var points: Double
    var findings: Range<Int>
  }

  /// Makes words found by two cue-word rules (`RuleDescription.marksCueWords`) score once: 特惠 is
  /// in the price and the offer lists, and 券后 holds the offer cue 券, but each is one cue, and two
  /// rules' points for it would make one word a hard-sell post.
  ///
  /// Findings are taken strongest first (more points, then a longer range, then the earlier finding);
  /// one that overlaps a stronger finding of another rule keeps its place in the report but scores 0,
  /// and does not count as one of its rule's findings for `points(_:finding:)`. Nothing changes in a
  /// post where no two rules' findings overlap.
  static func scoreOverlapsOnce(_ findings: inout [Finding], groups: [CueGroup]) {
    var overlapping = false
    search: for (g, group) in groups.enumerated() {
      for i in group.findings {
        for other in groups[(g + 1)...] {
          for j in other.findings where findings[i].range.overlaps(findings[j].range) {
            overlapping = true
            break search
          }
        }
      }
    }
    guard overlapping else { return }
    var order: [(group: Int, finding: Int)] = []
    for (g, group) in groups.enumerated() { for i in group.findings { order.append((g, i)) } }
    order.sort { a, b in
      let (pa, pb) = (groups[a.group].points, groups[b.group].points)
      if pa != pb { return pa > pb }
      let (la, lb) = (findings[a.finding].range.count, findings[b.finding].range.count)
      if la != lb { return la > lb }
      return a.finding < b.finding
    }
    var kept: [(group: Int, finding: Int)] = []
    // By finding index: a post has a few findings, and a `Set` cost about 25 k instructions a post here
    // (growing its hash table).
    var covered = [Bool](repeating: false, count: findings.count)
    for entry in order {
      let range = findings[entry.finding].range
      if kept.contains(where: { $0.group != entry.group && findings[$0.finding].range.overlaps(range) }) {
        covered[entry.finding] = true
      } else {
        kept.append(entry)
      }
    }
    for group in groups {
      var counted = 0
      for i in group.findings {
        if covered[i] {
          findings[i].points = 0
        } else {
          findings[i].points = points(group.points, finding: counted)
          counted += 1
        }
      }
    }
  }

  /// Points of a rule's finding number `index` (0-based) in one post: the rule's full points for the
  /// first, half for the second, none after that. A rule is one kind of evidence: repeating it adds a
  /// little, and it takes a second kind of cue to reach `required_score` (two findings of a 2.5-point
  /// rule make 3.75, below the default 5).
  public static func points(_ points: Double, finding index: Int) -> Double {
    switch index {
    case 0: return points
    case 1: return points / 2
    default: return 0
    }
  }

  /// The verdict from rule points alone (SpamAssassin's `required_score`): hard-sell when the score
  /// reaches `requiredScore`. The probability is a logistic curve centred on `requiredScore`, so it is 0.5
  /// exactly at the threshold; the classifier replaces it when it is on.
  public static func rulesOnlyVerdict(score: Double, requiredScore: Double) -> Verdict {
    let probability = 1 / (1 + exp(-(score - requiredScore)))
    return Verdict(class: score >= requiredScore ? .hardSell : .value, probability: probability, score: score)
  }

  private func acceptedOccurrences(in units: [UInt16]) -> [Range<Int>] {
    guard !accepted.isEmpty else { return [] }
    var ranges: [Range<Int>] = []
    for word in accepted where word.count <= units.count {
      var i = 0
      while i + word.count <= units.count {
        if units[i] == word[0] && units[i..<(i + word.count)].elementsEqual(word) {
          ranges.append(i..<(i + word.count))
          i += word.count
        } else {
          i += 1
        }
      }
    }
    return ranges
  }

  /// The level `rule` has for `document`'s post (overrides applied), as a severity; nil when off.
  private func severity(of rule: RuleDescription, in document: Document) -> Severity? {
    configuration.level(for: rule, postPath: document.post.path, channel: document.post.channel).severity
  }

  /// Whether a suppression naming `name` can ever suppress something.
  private func isKnownName(_ name: String) -> Bool {
    knownNames.contains(name) || (trustsCapNames && name.hasPrefix("cap/"))
  }

  /// `siyu/unknown-rule` findings for names in suppressions that are no rule's id or family, at the
  /// comment (or the front matter's `siyu:` line). They can be suppressed like any finding.
  private func unknownNameFindings(_ suppressions: inout Suppressions, document: Document) -> [Finding] {
    guard !suppressions.directives.isEmpty || !suppressions.unknownKeywords.isEmpty else { return [] }
    let rule = UnknownRuleNameRule.description
    guard let severity = severity(of: rule, in: document) else { return [] }
    var findings: [Finding] = []
    for directive in suppressions.directives {
      for name in directive.rules where !isKnownName(name) {
        let range = directive.range ?? 0..<0
        let line = directive.range.map { document.lines.position(of: $0.lowerBound).line } ?? 1
        if suppressions.suppresses(rule, line: line) { continue }
        var message =
          directive.range == nil
          ? "front matter 的 siyu.disable 里的「\(name)」不是已知的规则，什么也屏蔽不了"
          : "siyu-disable 里的「\(name)」不是已知的规则，什么也屏蔽不了"
        if let suggestion = UnknownRuleNameRule.suggestion(for: name, among: knownIDs + knownFamilies) {
          message += "；是不是「\(suggestion)」？"
        } else {
          message += "（siyu rules 列出所有规则）"
        }
        findings.append(Finding(rule: rule.id, severity: severity, range: range, message: message, points: 0))
      }
    }
    for (keyword, range) in suppressions.unknownKeywords {
      if suppressions.suppresses(rule, line: document.lines.position(of: range.lowerBound).line) { continue }
      var message = "「\(keyword)」不是 siyu 的屏蔽指令，这条注释什么也屏蔽不了"
      if keyword == "siyu-disable-line" {
        message += "；要屏蔽这一行，请在上一行写 <!-- siyu-disable-next-line 规则 -->"
      } else if let suggestion = UnknownRuleNameRule.suggestion(
        for: keyword, among: ["siyu-disable", "siyu-disable-next-line"], maximumDistance: 2)
      {
        message += "；是不是「\(suggestion)」？"
      } else {
        message += "（可用：siyu-disable、siyu-disable-next-line）"
      }
      findings.append(Finding(rule: rule.id, severity: severity, range: range, message: message, points: 0))
    }
    return findings
  }

  private func unusedSuppressionFindings(_ suppressions: Suppressions, document: Document) -> [Finding] {
    guard !suppressions.directives.isEmpty else { return [] }
    let rule = UnusedSuppressionRule.description
    guard let severity = severity(of: rule, in: document) else { return [] }
    var findings: [Finding] = []
    for directive in suppressions.directives {
      let unused: [String]
      if directive.rules.isEmpty {
        unused = directive.used.isEmpty ? ["所有规则"] : []
      } else {
        // Unknown names are `siyu/unknown-rule`'s to report.
        unused = directive.rules.enumerated().filter { !directive.used.contains($0.offset) }.map(\.element)
          .filter(isKnownName)
      }
      guard !unused.isEmpty else { continue }
      let names = unused.joined(separator: "、")
      if let range = directive.range {
        findings.append(
          Finding(
            rule: rule.id, severity: severity, range: range,
            message: "这条 siyu-disable 没有屏蔽任何问题（\(names)），可以删除", points: 0))
      } else {
        // A front-matter disable: point at the body's start; `locate` moves it to the `siyu:` line.
        findings.append(
          Finding(
            rule: rule.id, severity: severity, range: 0..<0,
            message: "front matter 中的 siyu.disable 没有屏蔽任何问题（\(names)），可以删除", points: 0))
      }
    }
    return findings
  }

  /// Places a finding in its file: body lines are shifted by the front matter.
  private func locate(_ finding: Finding, in document: Document) -> LocatedFinding {
    if finding.rule == UnusedSuppressionRule.description.id
      || finding.rule == UnknownRuleNameRule.description.id,
      finding.range.isEmpty,
      let disableLine = document.post.disableLine
    {
      let p = FilePosition(line: disableLine, column: 1, utf8Column: utf8Columns ? 1 : 0)
      return LocatedFinding(finding: finding, start: p, end: p)
    }
    let (start, end) = positions(of: finding.range, in: document)
    var located = LocatedFinding(finding: finding, start: start, end: end)
    if let suggestion = finding.suggestion {
      (located.suggestionStart, located.suggestionEnd) =
        suggestion.range == finding.range ? (start, end) : positions(of: suggestion.range, in: document)
    }
    return located
  }

  /// The file positions of a body range's ends.
  private func positions(of range: Range<Int>, in document: Document) -> (FilePosition, FilePosition) {
    let lines = document.lines
    let offset = document.post.bodyLine - 1
    let start = lines.position(of: range.lowerBound)
    let end = lines.position(of: range.upperBound)
    let utf8 = utf8Columns ? lines.utf8Columns(of: range) : (start: 0, end: 0)
    return (
      FilePosition(line: start.line + offset, column: start.column, utf8Column: utf8.start),
      FilePosition(line: end.line + offset, column: end.column, utf8Column: utf8.end)
    )
  }
}
