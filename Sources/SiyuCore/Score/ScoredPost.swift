import Foundation
import SiyuText

/// One post as `siyu score` reports it: where it ran, its verdict, the rules it hit and the caps it broke.
/// Small on purpose: thousands wait in the cap stage at once.
public struct ScoredPost: Sendable {
  /// A hard-sell or ad-law finding's text, for the summary's top cues.
  public struct Cue: Sendable, Equatable {
    public var rule: String
    public var text: String
  }

  /// The row's own `id` when it has one, else the post's name (`FILE#ROW`, or the path).
  public var id: String
  /// The post's name: `FILE#ROW` or the path.
  public var source: String
  public var channel: String
  public var persona: String?
  public var group: String?
  public var publishAt: Date?
  public var verdict: Verdict
  /// Ids of the rules with findings (caps excluded), each once, in the order of their first finding.
  public var rules: [String]
  /// Ids of the cap rules the post broke, filled in by `CapStage`.
  public var caps: [String] = []
  public var cues: [Cue]
  /// Whether a `persona/*` rule found the post off its persona's voice.
  public var offVoice: Bool
  /// The near-duplicate signature, when the duplicate cap can apply to the post.
  public var signature: MinHash?
  /// The post itself, kept only when its suppressions must be consulted for cap findings.
  public var post: Post?
  /// The batch file or post path (for `overrides` globs).
  public var path: String?
  /// The row's other fields (`id` excluded: it is `id`).
  public var meta: [String: JSONValue]

  /// The scored form of `post` checked as `report`.
  public init(post: Post, report: PostReport) {
    var id = post.id
    if post.meta.isEmpty {
      meta = post.meta
    } else {
      if case .string(let own)? = post.meta["id"] {
        id = own
      } else if case .number(let own)? = post.meta["id"] {
        id = JSONValue.format(own)
      }
      var meta = post.meta
      meta["id"] = nil
      self.meta = meta
    }
    self.id = id
    source = post.id
    path = post.path
    channel = post.channel
    persona = post.persona
    group = post.group
    publishAt = post.publishAt
    verdict = report.verdict
    var rules: [String] = []
    var cues: [Cue] = []
    var offVoice = false
    // The text as UTF-16, made when the first cue needs it (most posts have none).
    var units: [UInt16]?
    for located in report.findings {
      let finding = located.finding
      if !rules.contains(finding.rule) { rules.append(finding.rule) }
      if finding.rule.hasPrefix("persona/") { offVoice = true }
      if finding.rule != "hard-sell/classifier",
        finding.rule.hasPrefix("hard-sell/") || finding.rule.hasPrefix("ad-law/"),
        !finding.range.isEmpty
      {
        let text = units ?? post.textUnits ?? UTF16String.units(of: post.text)
        units = text
        guard finding.range.upperBound <= text.count else { continue }
        let cue = text.withUnsafeBufferPointer {
          Self.foldDigits(UnsafeBufferPointer(rebasing: $0[finding.range]))
        }
        cues.append(Cue(rule: finding.rule, text: cue))
      }
    }
    self.rules = rules
    self.cues = cues
    self.offVoice = offVoice
  }

  /// The text with every run of ASCII or full-width digits written `N` (prices and counts vary; the cue is
  /// the wording), line ends as spaces, at most 40 characters.
  static func foldDigits(_ units: UnsafeBufferPointer<UInt16>) -> String {
    // The result is never longer than the input, nor than 41 units (a digit run may follow the 40th).
    withUnsafeTemporaryAllocation(of: UInt16.self, capacity: min(units.count, 64)) { result in
      var count = 0
      var inDigits = false
      for unit in units where count < result.count {
        let isDigit = (unit >= 0x30 && unit <= 0x39) || (unit >= 0xFF10 && unit <= 0xFF19)
        if isDigit {
          if !inDigits {
            result[count] = 0x4E
            count += 1
          }
          inDigits = true
          continue
        }
        inDigits = false
        result[count] = unit == 0x0A || unit == 0x0D ? 0x20 : unit
        count += 1
        if count >= 40 { break }
      }
      return UTF16String.make(UnsafeBufferPointer(rebasing: result[0..<count]))
    }
  }
}
