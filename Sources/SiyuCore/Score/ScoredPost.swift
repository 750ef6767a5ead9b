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

  /// The fields. Mutated only through `ScoredPost`'s setters, which copy it first unless uniquely
  /// referenced, so a box shared between values (or threads) is never written.
  private final class Storage: @unchecked Sendable {
    var id: String
    var source: String
    var channel: String
    var persona: String?
    var group: String?
    var publishAt: Date?
    var verdict: Verdict
    var rules: [String]
    var caps: [String]
    var cues: [Cue]
    var offVoice: Bool
    var signature: MinHash?
    var post: Post?
    var path: String?
    var meta: [String: JSONValue]

    init(
      id: String,
      source: String,
      channel: String,
      persona: String?,
      group: String?,
      publishAt: Date?,
      verdict: Verdict,
      rules: [String],
      caps: [String],
      cues: [Cue],
      offVoice: Bool,
      signature: MinHash?,
      post: Post?,
      path: String?,
      meta: [String: JSONValue]
    ) {
      self.id = id
      self.source = source
      self.channel = channel
      self.persona = persona
      self.group = group
      self.publishAt = publishAt
      self.verdict = verdict
      self.rules = rules
      self.caps = caps
      self.cues = cues
      self.offVoice = offVoice
      self.signature = signature
      self.post = post
      self.path = path
      self.meta = meta
    }

    func copy() -> Storage {
      Storage(
        id: id,
        source: source,
        channel: channel,
        persona: persona,
        group: group,
        publishAt: publishAt,
        verdict: verdict,
        rules: rules,
        caps: caps,
        cues: cues,
        offVoice: offVoice,
        signature: signature,
        post: post,
        path: path,
        meta: meta)
    }
  }

  private var storage: Storage

  /// The box, copied first when it is shared (before any write).
  private mutating func uniqueStorage() -> Storage {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  /// The row's own `id` when it has one, else the post's name (`FILE#ROW`, or the path).
  public var id: String {
    get { storage.id }
    set { uniqueStorage().id = newValue }
  }
  /// The post's name: `FILE#ROW` or the path.
  public var source: String {
    get { storage.source }
    set { uniqueStorage().source = newValue }
  }
  public var channel: String {
    get { storage.channel }
    set { uniqueStorage().channel = newValue }
  }
  public var persona: String? {
    get { storage.persona }
    set { uniqueStorage().persona = newValue }
  }
  public var group: String? {
    get { storage.group }
    set { uniqueStorage().group = newValue }
  }
  public var publishAt: Date? {
    get { storage.publishAt }
    set { uniqueStorage().publishAt = newValue }
  }
  public var verdict: Verdict {
    get { storage.verdict }
    set { uniqueStorage().verdict = newValue }
  }
  /// Ids of the rules with findings (caps excluded), each once, in the order of their first finding.
  public var rules: [String] {
    get { storage.rules }
    set { uniqueStorage().rules = newValue }
  }
  /// Ids of the cap rules the post broke, filled in by `CapStage`.
  public var caps: [String] {
    get { storage.caps }
    set { uniqueStorage().caps = newValue }
  }
  public var cues: [Cue] {
    get { storage.cues }
    set { uniqueStorage().cues = newValue }
  }
  /// Whether a `persona/*` rule found the post off its persona's voice.
  public var offVoice: Bool {
    get { storage.offVoice }
    set { uniqueStorage().offVoice = newValue }
  }
  /// The near-duplicate signature, when the duplicate cap can apply to the post.
  public var signature: MinHash? {
    get { storage.signature }
    set { uniqueStorage().signature = newValue }
  }
  /// The post itself, kept only when its suppressions must be consulted for cap findings.
  public var post: Post? {
    get { storage.post }
    set { uniqueStorage().post = newValue }
  }
  /// The batch file or post path (for `overrides` globs).
  public var path: String? {
    get { storage.path }
    set { uniqueStorage().path = newValue }
  }
  /// The row's other fields (`id` excluded: it is `id`).
  public var meta: [String: JSONValue] {
    get { storage.meta }
    set { uniqueStorage().meta = newValue }
  }

  /// The scored form of `post` checked as `report`.
  public init(post: borrowing Post, report: borrowing PostReport) {
    var id = post.id
    var meta = post.meta
    if !meta.isEmpty {
      if case .string(let own)? = meta["id"] {
        id = own
      } else if case .number(let own)? = meta["id"] {
        id = JSONValue.format(own)
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
    storage = Storage(
      id: id, source: post.id, channel: post.channel, persona: post.persona, group: post.group,
      publishAt: post.publishAt, verdict: report.verdict, rules: rules, caps: [], cues: cues,
      offVoice: offVoice, signature: nil, post: nil, path: post.path, meta: meta)
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
