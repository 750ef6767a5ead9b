import Foundation
import SiyuText

/// One post as `siyu score` reports it: where it ran, its verdict, the rules it hit and the caps it broke.
/// Small on purpose: thousands wait in the cap stage at once.
///
/// A value type whose fields live in one shared, copy-on-write box: a row passes through the scorer, the
/// cap stage, the summary and the writer, and copying a dozen strings and arrays field by field cost a
/// dozen retains and releases at every step; copying the box costs one.
public struct ScoredPost: Sendable {
  /// A hard-sell or ad-law finding's text, for the summary's top cues.
  public struct Cue: Sendable, Equatable {
    public var rule: String
    public var text: String
  }

  /// The fields (see the properties of the same names).
  private struct Fields: Sendable {
    var id: String
    var source: String
    var channel: String
    var persona: String?
    var group: String?
    var publishAt: Date?
    var publishDateOnly: Bool
    var verdict: Verdict
    var rules: [String]
    var caps: [String]
    var cues: [Cue]
    var offVoice: Bool
    var signature: MinHash?
    var post: Post?
    var path: String?
    var meta: [String: JSONValue]
  }

  private var box: CopyOnWriteBox<Fields>

  /// The fields, for writing: a shared box is replaced by a copy first.
  private var fields: Fields {
    get { box.value }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = CopyOnWriteBox(box.value) }
      yield &box.value
    }
  }

  /// The row's own `id` when it has one, else the post's name (`FILE#ROW`, or the path).
  public var id: String {
    get { box.value.id }
    set { fields.id = newValue }
  }
  /// The post's name: `FILE#ROW` or the path.
  public var source: String {
    get { box.value.source }
    set { fields.source = newValue }
  }
  public var channel: String {
    get { box.value.channel }
    set { fields.channel = newValue }
  }
  public var persona: String? {
    get { box.value.persona }
    set { fields.persona = newValue }
  }
  public var group: String? {
    get { box.value.group }
    set { fields.group = newValue }
  }
  public var publishAt: Date? {
    get { box.value.publishAt }
    set { fields.publishAt = newValue }
  }
  /// Whether `publish_at` was a date alone (see `Post.publishDateOnly`).
  public var publishDateOnly: Bool {
    get { box.value.publishDateOnly }
    set { fields.publishDateOnly = newValue }
  }
  public var verdict: Verdict {
    get { box.value.verdict }
    set { fields.verdict = newValue }
  }
  /// Ids of the rules with findings (caps excluded), each once, in the order of their first finding.
  public var rules: [String] {
    get { box.value.rules }
    set { fields.rules = newValue }
  }
  /// Ids of the cap rules the post broke, filled in by `CapStage`.
  public var caps: [String] {
    get { box.value.caps }
    set { fields.caps = newValue }
  }
  public var cues: [Cue] {
    get { box.value.cues }
    set { fields.cues = newValue }
  }
  /// Whether a `persona/*` rule found the post off its persona's voice.
  public var offVoice: Bool {
    get { box.value.offVoice }
    set { fields.offVoice = newValue }
  }
  /// The near-duplicate signature, when the duplicate cap can apply to the post.
  public var signature: MinHash? {
    get { box.value.signature }
    set { fields.signature = newValue }
  }
  /// The post itself, kept only when its suppressions must be consulted for cap findings.
  public var post: Post? {
    get { box.value.post }
    set { fields.post = newValue }
  }
  /// The batch file or post path (for `overrides` globs).
  public var path: String? {
    get { box.value.path }
    set { fields.path = newValue }
  }
  /// The row's other fields (`id` excluded: it is `id`).
  public var meta: [String: JSONValue] {
    get { box.value.meta }
    set { fields.meta = newValue }
  }

  /// The scored form of `post` checked as `report`.
  public init(post: borrowing Post, report: borrowing PostReport) {
    var id = post.id
    var meta = post.meta
    if !meta.isEmpty {
      if case .string(let own)? = meta["id"] {
        // An empty id (`"id": ""`, as CSV's empty cell) keeps `FILE#ROW`.
        if !own.isEmpty { id = own }
      } else if case .number(let own)? = meta["id"] {
        id = JSONValue.format(own)
      } else if case .numberText(let own)? = meta["id"] {
        id = own
      }
      meta["id"] = nil
    }
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
    box = CopyOnWriteBox(
      Fields(
        id: id, source: post.id, channel: post.channel, persona: post.persona, group: post.group,
        publishAt: post.publishAt, publishDateOnly: post.publishDateOnly, verdict: report.verdict,
        rules: rules, caps: [], cues: cues,
        offVoice: offVoice, signature: nil, post: nil, path: post.path, meta: meta))
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
