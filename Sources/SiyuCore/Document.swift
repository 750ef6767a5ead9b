import SiyuText

/// A post after normalization and segmentation: what rules look at.
public final class Document: Sendable {
  public let post: Post
  /// The body as UTF-16 units; token and finding ranges index it.
  public let units: [UInt16]
  /// The normalized body (NFKC, lower-case, Simplified), for matching.
  public let normalized: [UInt16]
  /// Source offset of each normalization chunk start per normalized unit (-1 inside a chunk), see
  /// `Normalizer.map`.
  public let normalizedMap: [Int32]
  public let tokens: [Token]
  public let lines: LineIndex
  /// The normalized text with separators between characters and look-alike letters undone, for rules
  /// that look for cues written to slip past filters (微.信, 扫 码).
  public let deobfuscated: DeobfuscatedText
  /// The post's persona, when it names one the configuration has (given by the linter).
  public let persona: PersonaContext?
  /// The analyses computed so far (`analysis(_:)`); lock-free to read, safe to share across threads.
  @usableFromInline let analyses = AnalysisMemo()

  /// Segments `post` with `segmenter` (which must not be shared across threads).
  public init(post: Post, segmenter: Segmenter, persona: PersonaContext? = nil) {
    self.post = post
    self.persona = persona
    let units = post.textUnits ?? UTF16String.units(of: post.text)
    self.units = units
    units.withUnsafeBufferPointer { _ = segmenter.segment($0) }
    tokens = segmenter.tokens
    normalized = segmenter.normalizer.units
    normalizedMap = segmenter.normalizer.map
    lines = LineIndex(units: units)
    deobfuscated = segmenter.deobfuscatedText()
  }

  /// The shared analysis of type `type` of this document, computed on first use.
  @inlinable
  public func analysis<A: DocumentAnalysis>(_ type: A.Type) -> A {
    withAnalysis(type) { $0 }
  }

  /// Calls `body` with the shared analysis of type `type` of this document (computed on first use),
  /// borrowed: the document keeps it alive, and lending it takes no retain and release, which
  /// `analysis(_:)`'s return does (atomic operations, for every rule that reads an analysis).
  @inlinable
  public func withAnalysis<A: DocumentAnalysis, R>(_ type: A.Type, _ body: (A) throws -> R) rethrows -> R {
    let key = ObjectIdentifier(type)
    let stored = analyses.unmanagedValue(for: key) ?? storeAnalysis(key) { A($0) }
    return try Unmanaged<A>.fromOpaque(stored.toOpaque())._withUnsafeGuaranteedRef(body)
  }

  /// Calls `body` with the analysis of type `type` if the document has computed it, borrowed as by
  /// `withAnalysis(_:_:)`; nil, with nothing computed, when it has not.
  @inlinable
  public func withExistingAnalysis<A: DocumentAnalysis, R>(_ type: A.Type, _ body: (A) throws -> R) rethrows
    -> R?
  {
    guard let stored = analyses.unmanagedValue(for: ObjectIdentifier(type)) else { return nil }
    return try Unmanaged<A>.fromOpaque(stored.toOpaque())._withUnsafeGuaranteedRef(body)
  }

  /// Makes the analysis for `key`, which the memo did not have, and stores it; returns the one stored
  /// (another thread's, if it stored one first). Not generic, so that it needs no runtime generic
  /// metadata; the analysis is made outside any lock (it may ask for another).
  @usableFromInline
  func storeAnalysis(
    _ key: ObjectIdentifier, make: (Document) -> any DocumentAnalysis
  ) -> Unmanaged<AnyObject> {
    analyses.insert(make(self), for: key)
  }

  /// The source range of a normalized-text range (a start inside a normalization chunk moves back to
  /// the chunk's start, an end inside one moves on to the next chunk), as `Segmenter` maps tokens.
  public func sourceRange(ofNormalized range: Range<Int>) -> Range<Int> {
    let map = normalizedMap
    var start = range.lowerBound
    while start > 0 && map[start] < 0 { start -= 1 }
    var end = range.upperBound
    while end < map.count - 1 && map[end] < 0 { end += 1 }
    let sourceStart = max(Int(map[start]), 0)
    return sourceStart..<max(Int(map[end]), sourceStart)
  }

  /// The source text of `token` (for output and messages).
  public func text(of token: Token) -> String {
    UTF16String.make(units[token.sourceRange])
  }

  /// The normalized text of `token` (for matching against lexicons).
  public func normalizedText(of token: Token) -> String {
    UTF16String.make(normalized[token.normalizedRange])
  }

  /// The source text in `range` (UTF-16 offsets).
  public func text(in range: Range<Int>) -> String {
    UTF16String.make(units[range.clamped(to: 0..<units.count)])
  }

  /// `prefix`, the source text in `range` (as `text(in:)`) and `suffix`, as one string: a rule's
  /// message quoting what it found (rules give `RuleMessage(quoting:of:between:and:)`, which builds it
  /// only when read).
  public func text(in range: Range<Int>, between prefix: String, and suffix: String) -> String {
    RuleMessage.quote(units, range, between: prefix, and: suffix)
  }
}
