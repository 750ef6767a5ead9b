import SiyuText

/// A finding's message: a text, or a quote of the post's source text between a fixed head and tail
/// (报价话术「89元」；…), made into a string only when it is read.
///
/// Most findings' messages are never read: `check --quiet` prints the errors only and `score` prints
/// no messages, and building each quote (a transcoded slice, a reserved copy of the head and two
/// appends) cost more than finding it. A quote keeps the post's units (one reference) and the range;
/// reading `string` builds the same string every time.
public struct RuleMessage: Sendable, Equatable {
  /// The whole message, or the head of a quote.
  private var head: String
  /// The source units a quote is taken from; nil for a plain text.
  private var units: [UInt16]?
  /// The quoted range of `units` (clamped to them when read), as 32-bit bounds: a finding is copied
  /// several times on its way to the report, and a smaller one is copied in registers.
  private var lower: Int32
  private var upper: Int32
  /// What follows the quote.
  private var tail: String

  /// A plain message.
  public init(_ text: String) {
    head = text
    units = nil
    lower = 0
    upper = 0
    tail = ""
  }

  /// `head`, `document`'s source text in `range` (as `Document.text(in:)`) and `tail`, built when read.
  public init(quoting range: Range<Int>, of document: Document, between head: String, and tail: String) {
    self.head = head
    units = document.units
    lower = Int32(clamping: range.lowerBound)
    upper = Int32(clamping: range.upperBound)
    self.tail = tail
  }

  /// The message as text.
  public var string: String {
    guard let units else { return head }
    return Self.quote(units, Int(lower)..<Int(upper), between: head, and: tail)
  }

  /// `head`, the text of `units` in `range` (clamped to them) and `tail` as one string, made in place in
  /// a copy of `head` reserved to the full length: interpolating the quote grows the message as it
  /// appends (the interpolation reserves little for the quoted text), and building it from UTF-8 bytes
  /// would validate every byte.
  ///
  /// A quote longer than `quoteLimit` characters keeps its first `quoteKept` and ends in `…`: a run of
  /// half a million 🔥 is one finding, and its message should not be megabytes long.
  static func quote(_ units: [UInt16], _ range: Range<Int>, between head: String, and tail: String) -> String
  {
    var text = UTF16String.make(units[range.clamped(to: 0..<units.count)])
    // Cheap test first: a quote of at most `quoteLimit` UTF-16 units has at most that many characters.
    if text.utf16.count > quoteLimit, text.count > quoteLimit {
      text = String(text.prefix(quoteKept)) + "…"
    }
    var message = head
    message.reserveCapacity(head.utf8.count + text.utf8.count + tail.utf8.count)
    message.append(text)
    message.append(tail)
    return message
  }

  /// Quotes longer than this many characters are shortened to `quoteKept` and `…`.
  static let quoteLimit = 60
  static let quoteKept = 50

  public static func == (a: RuleMessage, b: RuleMessage) -> Bool {
    a.string == b.string
  }
}
