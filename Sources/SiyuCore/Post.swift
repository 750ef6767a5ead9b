import Foundation
import SiyuText

/// One post: its body text and what SPEC.md's front matter or batch-row fields say about it.
///
/// A value type whose fields live in one shared, copy-on-write box: a post is handed from the reader to
/// the scorer, into its `Document` and on, and copying its dozen strings, arrays and optionals field by
/// field cost about 350 instructions a copy (and as much to destroy each copy); copying the box is one
/// retain. Written only through its setters, which copy the box first unless it is uniquely referenced.
public struct Post: Sendable {
  /// The fields (see the properties of the same names).
  private struct Fields: Sendable {
    var id: String
    var path: String?
    var storedText: String?
    var textUnits: [UInt16]?
    var bodyLine: Int
    var channel: String
    var persona: String?
    var personaLine: SourceLine?
    var channelLine: SourceLine?
    var publishAt: Date?
    var publishDateOnly: Bool
    var group: String?
    var label: String?
    var industry: String?
    var disabledRules: [String]
    var disableLine: Int?
    var meta: [String: JSONValue]
    var sourceLine: Int?
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

  /// How the post is named in output: a file path, `FILE#ROW` for batch rows, or the stdin name.
  public var id: String {
    get { box.value.id }
    set { fields.id = newValue }
  }
  /// The file the post came from (nil for stdin without `--stdin-filename`). Paths in config globs
  /// (`overrides`) are matched against it.
  public var path: String? {
    get { box.value.path }
    set { fields.path = newValue }
  }
  /// The body: the text after the front matter, exactly as written (line ends normalized to LF).
  ///
  /// A JSON Lines row keeps its text as UTF-16 units only (`textUnits`), which is what segmentation
  /// needs; the `String` is made when asked for (most scored rows never are), each time.
  public var text: String {
    get { box.value.storedText ?? UTF16String.make(box.value.textUnits ?? []) }
    set {
      fields.storedText = newValue
      fields.textUnits = nil
    }
  }
  /// The text as UTF-16 units when the reader had them at hand (JSON Lines rows), so that `Document`
  /// need not transcode a string; nil otherwise, and as soon as `text` is set.
  var textUnits: [UInt16]? {
    get { box.value.textUnits }
    set { fields.textUnits = newValue }
  }
  /// 1-based line of the file on which the body starts (after the front matter); 1 for batch rows.
  public var bodyLine: Int {
    get { box.value.bodyLine }
    set { fields.bodyLine = newValue }
  }
  public var channel: String {
    get { box.value.channel }
    set { fields.channel = newValue }
  }
  public var persona: String? {
    get { box.value.persona }
    set { fields.persona = newValue }
  }
  /// Where `persona` was set (front-matter key or batch row), for reporting an unknown persona; nil when it
  /// came from the command line.
  public var personaLine: SourceLine? {
    get { box.value.personaLine }
    set { fields.personaLine = newValue }
  }
  /// Where `channel` was set (front-matter key or batch row), for reporting an unknown channel; nil when it
  /// came from the command line or configuration.
  public var channelLine: SourceLine? {
    get { box.value.channelLine }
    set { fields.channelLine = newValue }
  }
  /// When the post goes out (`publish_at`); for a date alone, that day's midnight in the configured time
  /// zone (see `publishDateOnly`).
  public var publishAt: Date? {
    get { box.value.publishAt }
    set { fields.publishAt = newValue }
  }
  /// Whether `publish_at` was a date alone (`2026-11-25`): the day is known, the time of day is not. Such a
  /// post counts for the day and window caps but not for `cap/quiet-hours` or `cap/gap`. Meaningful only
  /// when `publishAt` is set (the initializers and the field readers keep it false otherwise).
  public var publishDateOnly: Bool {
    get { box.value.publishDateOnly }
    set { fields.publishDateOnly = newValue }
  }
  public var group: String? {
    get { box.value.group }
    set { fields.group = newValue }
  }
  /// `hard-sell` or `value` (corpus files).
  public var label: String? {
    get { box.value.label }
    set { fields.label = newValue }
  }
  public var industry: String? {
    get { box.value.industry }
    set { fields.industry = newValue }
  }
  /// Rule ids or families disabled for this post by front matter `siyu: { disable: [...] }`.
  public var disabledRules: [String] {
    get { box.value.disabledRules }
    _modify { yield &fields.disabledRules }
  }
  /// 1-based file line of the `siyu:` key, for reporting a disable that suppressed nothing.
  public var disableLine: Int? {
    get { box.value.disableLine }
    set { fields.disableLine = newValue }
  }
  /// Front-matter keys siyu does not know: kept and echoed as `meta`, never an error.
  public var meta: [String: JSONValue] {
    get { box.value.meta }
    _modify { yield &fields.meta }
  }
  /// 1-based line of the batch file (JSONL, CSV) where this post's row starts; nil for post files.
  public var sourceLine: Int? {
    get { box.value.sourceLine }
    set { fields.sourceLine = newValue }
  }

  public init(
    id: String, path: String? = nil, text: String, bodyLine: Int = 1, channel: String,
    persona: String? = nil, publishAt: Date? = nil, publishDateOnly: Bool = false, group: String? = nil,
    label: String? = nil, industry: String? = nil, disabledRules: [String] = [], disableLine: Int? = nil,
    meta: [String: JSONValue] = [:]
  ) {
    box = CopyOnWriteBox(
      Fields(
        id: id, path: path, storedText: text, textUnits: nil, bodyLine: bodyLine, channel: channel,
        persona: persona, personaLine: nil, channelLine: nil, publishAt: publishAt,
        publishDateOnly: publishAt != nil && publishDateOnly, group: group,
        label: label, industry: industry, disabledRules: disabledRules, disableLine: disableLine,
        meta: meta, sourceLine: nil))
  }

  /// The post of a batch row before its other fields are applied: `defaults` filled in, body on line 1,
  /// `sourceLine` the row's line, `textUnits` as the reader has them.
  /// `text` or `textUnits` must be given.
  init(
    row id: String, path: String?, text: String?, textUnits: [UInt16]?, sourceLine: Int,
    defaults: PostDefaults
  ) {
    box = CopyOnWriteBox(
      Fields(
        id: id, path: path, storedText: text, textUnits: textUnits, bodyLine: 1, channel: defaults.channel,
        persona: defaults.persona, personaLine: nil, channelLine: nil, publishAt: defaults.publishAt,
        publishDateOnly: defaults.publishAt != nil && defaults.publishDateOnly, group: nil, label: nil,
        industry: nil, disabledRules: [], disableLine: nil, meta: [:],
        sourceLine: sourceLine))
  }
}
