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
  private final class Storage: @unchecked Sendable {
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
    var group: String?
    var label: String?
    var industry: String?
    var disabledRules: [String]
    var disableLine: Int?
    var meta: [String: JSONValue]
    var sourceLine: Int?

    init(
      id: String,
      path: String?,
      storedText: String?,
      textUnits: [UInt16]?,
      bodyLine: Int,
      channel: String,
      persona: String?,
      personaLine: SourceLine?,
      channelLine: SourceLine?,
      publishAt: Date?,
      group: String?,
      label: String?,
      industry: String?,
      disabledRules: [String],
      disableLine: Int?,
      meta: [String: JSONValue],
      sourceLine: Int?
    ) {
      self.id = id
      self.path = path
      self.storedText = storedText
      self.textUnits = textUnits
      self.bodyLine = bodyLine
      self.channel = channel
      self.persona = persona
      self.personaLine = personaLine
      self.channelLine = channelLine
      self.publishAt = publishAt
      self.group = group
      self.label = label
      self.industry = industry
      self.disabledRules = disabledRules
      self.disableLine = disableLine
      self.meta = meta
      self.sourceLine = sourceLine
    }

    func copy() -> Storage {
      Storage(
        id: id,
        path: path,
        storedText: storedText,
        textUnits: textUnits,
        bodyLine: bodyLine,
        channel: channel,
        persona: persona,
        personaLine: personaLine,
        channelLine: channelLine,
        publishAt: publishAt,
        group: group,
        label: label,
        industry: industry,
        disabledRules: disabledRules,
        disableLine: disableLine,
        meta: meta,
        sourceLine: sourceLine)
    }
  }

  private var storage: Storage

  /// The box, copied first when it is shared (before any write).
  private mutating func uniqueStorage() -> Storage {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  /// How the post is named in output: a file path, `FILE#ROW` for batch rows, or the stdin name.
  public var id: String {
    get { storage.id }
    set { uniqueStorage().id = newValue }
  }
  /// The file the post came from (nil for stdin without `--stdin-filename`). Paths in config globs
  /// (`overrides`) are matched against it.
  public var path: String? {
    get { storage.path }
    set { uniqueStorage().path = newValue }
  }
  /// The body: the text after the front matter, exactly as written (line ends normalized to LF).
  ///
  /// A JSON Lines row keeps its text as UTF-16 units only (`textUnits`), which is what segmentation
  /// needs; the `String` is made when asked for (most scored rows never are), each time.
  public var text: String {
    get { storage.storedText ?? UTF16String.make(storage.textUnits ?? []) }
    set {
      let box = uniqueStorage()
      box.storedText = newValue
      box.textUnits = nil
    }
  }
  /// The text as UTF-16 units when the reader had them at hand (JSON Lines rows), so that `Document`
  /// need not transcode a string; nil otherwise, and as soon as `text` is set.
  var textUnits: [UInt16]? {
    get { storage.textUnits }
    set { uniqueStorage().textUnits = newValue }
  }
  /// 1-based line of the file on which the body starts (after the front matter); 1 for batch rows.
  public var bodyLine: Int {
    get { storage.bodyLine }
    set { uniqueStorage().bodyLine = newValue }
  }
  public var channel: String {
    get { storage.channel }
    set { uniqueStorage().channel = newValue }
  }
  public var persona: String? {
    get { storage.persona }
    set { uniqueStorage().persona = newValue }
  }
  /// Where `persona` was set (front-matter key or batch row), for reporting an unknown persona; nil when it
  /// came from the command line.
  public var personaLine: SourceLine? {
    get { storage.personaLine }
    set { uniqueStorage().personaLine = newValue }
  }
  /// Where `channel` was set (front-matter key or batch row), for reporting an unknown channel; nil when it
  /// came from the command line or configuration.
  public var channelLine: SourceLine? {
    get { storage.channelLine }
    set { uniqueStorage().channelLine = newValue }
  }
  public var publishAt: Date? {
    get { storage.publishAt }
    set { uniqueStorage().publishAt = newValue }
  }
  public var group: String? {
    get { storage.group }
    set { uniqueStorage().group = newValue }
  }
  /// `hard-sell` or `value` (corpus files).
  public var label: String? {
    get { storage.label }
    set { uniqueStorage().label = newValue }
  }
  public var industry: String? {
    get { storage.industry }
    set { uniqueStorage().industry = newValue }
  }
  /// Rule ids or families disabled for this post by front matter `siyu: { disable: [...] }`.
  public var disabledRules: [String] {
    get { storage.disabledRules }
    _modify {
      let box = uniqueStorage()
      yield &box.disabledRules
    }
  }
  /// 1-based file line of the `siyu:` key, for reporting a disable that suppressed nothing.
  public var disableLine: Int? {
    get { storage.disableLine }
    set { uniqueStorage().disableLine = newValue }
  }
  /// Front-matter keys siyu does not know: kept and echoed as `meta`, never an error.
  public var meta: [String: JSONValue] {
    get { storage.meta }
    _modify {
      let box = uniqueStorage()
      yield &box.meta
    }
  }
  /// 1-based line of the batch file (JSONL, CSV) where this post's row starts; nil for post files.
  public var sourceLine: Int? {
    get { storage.sourceLine }
    set { uniqueStorage().sourceLine = newValue }
  }

  public init(
    id: String, path: String? = nil, text: String, bodyLine: Int = 1, channel: String,
    persona: String? = nil, publishAt: Date? = nil, group: String? = nil, label: String? = nil,
    industry: String? = nil, disabledRules: [String] = [], disableLine: Int? = nil,
    meta: [String: JSONValue] = [:]
  ) {
    storage = Storage(
      id: id, path: path, storedText: text, textUnits: nil, bodyLine: bodyLine, channel: channel,
      persona: persona, personaLine: nil, channelLine: nil, publishAt: publishAt, group: group,
      label: label, industry: industry, disabledRules: disabledRules, disableLine: disableLine,
      meta: meta, sourceLine: nil)
  }

  /// The post of a batch row before its other fields are applied: `defaults` filled in, body on line 1,
  /// `sourceLine` the row's line, `textUnits` as the reader has them.
  /// `text` or `textUnits` must be given.
  init(
    row id: String, path: String?, text: String?, textUnits: [UInt16]?, sourceLine: Int,
    defaults: PostDefaults
  ) {
    storage = Storage(
      id: id, path: path, storedText: text, textUnits: textUnits, bodyLine: 1, channel: defaults.channel,
      persona: defaults.persona, personaLine: nil, channelLine: nil, publishAt: defaults.publishAt,
      group: nil, label: nil, industry: nil, disabledRules: [], disableLine: nil, meta: [:],
      sourceLine: sourceLine)
  }
}
