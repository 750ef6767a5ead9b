import Foundation
import SiyuText

/// One post: its body text and what SPEC.md's front matter or batch-row fields say about it.
public struct Post: Sendable {
  /// How the post is named in output: a file path, `FILE#ROW` for batch rows, or the stdin name.
  public var id: String
  /// The file the post came from (nil for stdin without `--stdin-filename`). Paths in config globs
  /// (`overrides`) are matched against it.
  public var path: String?
  /// The body: the text after the front matter, exactly as written (line ends normalized to LF).
  ///
  /// A JSON Lines row keeps its text as UTF-16 units only (`textUnits`), which is what segmentation
  /// needs; the `String` is made when asked for (most scored rows never are), each time.
  public var text: String {
    get { storedText ?? UTF16String.make(textUnits ?? []) }
    set {
      storedText = newValue
      textUnits = nil
    }
  }
  /// The text as a `String`; nil when the post holds it as `textUnits` only.
  private var storedText: String?
  /// The text as UTF-16 units when the reader had them at hand (JSON Lines rows), so that `Document`
  /// need not transcode a string; nil otherwise, and as soon as `text` is set.
  var textUnits: [UInt16]?
  /// 1-based line of the file on which the body starts (after the front matter); 1 for batch rows.
  public var bodyLine: Int
  public var channel: String
  public var persona: String?
  /// Where `persona` was set (front-matter key or batch row), for reporting an unknown persona; nil when it
  /// came from the command line.
  public var personaLine: SourceLine?
  /// Where `channel` was set (front-matter key or batch row), for reporting an unknown channel; nil when it
  /// came from the command line or configuration.
  public var channelLine: SourceLine?
  public var publishAt: Date?
  public var group: String?
  /// `hard-sell` or `value` (corpus files).
  public var label: String?
  public var industry: String?
  /// Rule ids or families disabled for this post by front matter `siyu: { disable: [...] }`.
  public var disabledRules: [String]
  /// 1-based file line of the `siyu:` key, for reporting a disable that suppressed nothing.
  public var disableLine: Int?
  /// Front-matter keys siyu does not know: kept and echoed as `meta`, never an error.
  public var meta: [String: JSONValue]
  /// 1-based line of the batch file (JSONL, CSV) where this post's row starts; nil for post files.
  public var sourceLine: Int?

  public init(
    id: String, path: String? = nil, text: String, bodyLine: Int = 1, channel: String,
    persona: String? = nil, publishAt: Date? = nil, group: String? = nil, label: String? = nil,
    industry: String? = nil, disabledRules: [String] = [], disableLine: Int? = nil,
    meta: [String: JSONValue] = [:]
  ) {
    self.id = id
    self.path = path
    self.storedText = text
    self.bodyLine = bodyLine
    self.channel = channel
    self.persona = persona
    self.publishAt = publishAt
    self.group = group
    self.label = label
    self.industry = industry
    self.disabledRules = disabledRules
    self.disableLine = disableLine
    self.meta = meta
  }

  /// The post of a batch row before its other fields are applied: `defaults` filled in, body on line 1,
  /// `sourceLine` the row's line, `textUnits` as the reader has them.
  /// `text` or `textUnits` must be given.
  init(
    row id: String, path: String?, text: String?, textUnits: [UInt16]?, sourceLine: Int,
    defaults: PostDefaults
  ) {
    self.id = id
    self.path = path
    self.storedText = text
    self.textUnits = textUnits
    self.bodyLine = 1
    self.channel = defaults.channel
    self.persona = defaults.persona
    self.publishAt = defaults.publishAt
    self.disabledRules = []
    self.meta = [:]
    self.sourceLine = sourceLine
  }
}
