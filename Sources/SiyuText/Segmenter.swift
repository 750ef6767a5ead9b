import CICU

/// Segments Chinese (and mixed) text into typed tokens that keep their exact UTF-16 range in the source.
///
/// Pipeline for one text: ICU normalization (see `Normalizer`) → atomic spans (URL, e-mail, mention,
/// hashtag, phone/contact) → ICU word break (locale `zh`) on the rest, with runs of the same punctuation
/// mark joined and glued function words split (新的 → 新 的) → numbers joined with currency signs and units
/// (2001年, 99元, ¥399, 3.8折, 50%) → lexicon merge: lexicon words that ICU split come out as one token,
/// preferring the choice that covers the most text with lexicon words → bound affixes and transliterated
/// names joined → ranges mapped back to the source.
///
/// Reuses its buffers between calls; not thread-safe (use one per thread).
public final class Segmenter {
  /// An ICU failure while setting up the segmenter.
  public struct SetupError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Kinds a unit suffix gives the number it follows (`lexicons/units.txt`, second field).
  enum UnitKind: Int32 {
    case number = 0
    case price = 1
    case percent = 2
  }

  private let breaker: OpaquePointer
  /// The normalizer whose output the last `segment` call worked on.
  public let normalizer = Normalizer()
  private let scanner = SpecialSpanScanner()
  private let rules = SegmentationRules.builtin
  /// Words to keep whole (payload 0).
  private let words: Trie
  /// Unit suffixes after numbers (payload: `UnitKind`).
  private let units: Trie

  private var bounds: [Int32] = []
  private var spans: [SpecialSpanScanner.Span] = []
  private var raw: [Token] = []
  /// Whether the word-break pass produced anything `joinNumbers` could join (a number, a currency sign,
  /// a word starting with a Chinese numeral); when not, the pass is skipped.
  private var sawNumberLike = false
  private var work: [Token] = []

  /// The tokens of the last `segment` call, in order, ranges relative to the text passed in.
  public private(set) var tokens: [Token] = []
  private var deobfuscation = DeobfuscatedText.Storage()

  /// The de-obfuscated view of the last `segment` call's normalized text, built into storage this
  /// segmenter reuses once the view from the call before is gone (see `DeobfuscatedText.Storage`).
  public func deobfuscatedText() -> DeobfuscatedText {
    DeobfuscatedText(normalized: normalizer.units, reusing: &deobfuscation)
  }

  /// Words that are kept whole by the built-in segmentation lexicons (`lexicons/seg/*.txt`).
  public static func builtinWordLexicons() -> [Lexicon] { BuiltinLexicons.lexicons(under: "seg/") }

  /// Creates a segmenter with the built-in lexicons plus `extraLexicons` (e.g. from `.siyu.yml`).
  public init(extraLexicons: [Lexicon] = []) throws {
    var status: Int32 = 0
    guard let breaker = cicu_wordbreak_open("zh", &status) else {
      throw SetupError(description: "ICU word break could not be opened (ICU error \(status))")
    }
    self.breaker = breaker
    let normalizer = self.normalizer
    func key(_ word: String) -> [UInt16] {
      let units = Array(word.utf16)
      units.withUnsafeBufferPointer { normalizer.normalize($0) }
      return normalizer.units
    }
    words = Trie(
      Self.normalizedKeys((Self.builtinWordLexicons() + extraLexicons).flatMap(\.words), normalizer, key)
        .map { ($0, 0) })
    var unitKeys: [([UInt16], Int32)] = []
    for entry in BuiltinLexicons.lexicon("units.txt")?.entries ?? [] {
      let kind: UnitKind =
        switch entry.fields.first {
        case "price": .price
        case "percent": .percent
        default: .number
        }
      unitKeys.append((key(entry.text), kind.rawValue))
    }
    units = Trie(unitKeys)
  }

  /// The normalized forms of `words`: normalized all at once, joined by line feeds (normalization never
  /// reaches across a line feed and produces none), which spares thousands of separate ICU calls at
  /// start-up; one word at a time (`key`) if a word holds a line feed or the result does not split back.
  static func normalizedKeys(
    _ words: [String], _ normalizer: Normalizer, _ key: (String) -> [UInt16]
  ) -> [[UInt16]] {
    var joined: [UInt16] = []
    for word in words {
      let start = joined.count
      joined.append(contentsOf: word.utf16)
      if joined[start...].contains(0x0A) { return words.map(key) }
      joined.append(0x0A)
    }
    joined.withUnsafeBufferPointer { normalizer.normalize($0) }
    var keys: [[UInt16]] = []
    keys.reserveCapacity(words.count)
    normalizer.withNormalizedUnits { units in
      var start = 0
      for i in units.indices where units[i] == 0x0A {
        keys.append(Array(units[start..<i]))
        start = i + 1
      }
    }
    return keys.count == words.count ? keys : words.map(key)
  }

  deinit {
    cicu_wordbreak_close(breaker)
    scratch.deallocate()
  }

  /// Segments `text` and returns its tokens.
  public func tokens(of text: String) -> [Token] {
    let source = Array(text.utf16)
    source.withUnsafeBufferPointer { _ = segment($0) }
    return tokens
  }

  /// Segments `text` into `tokens`.
  ///
  /// When `isFinal` is false the text continues beyond `text` (streaming a very long line): only tokens that
  /// end well before the end of `text` are kept, and the return value is the number of source units they
  /// consume; call again with the rest followed by more text. When `isFinal` is true every token is kept
  /// and the return value is `text.count`.
  @discardableResult
  public func segment(_ text: UnsafeBufferPointer<UInt16>, isFinal: Bool = true) -> Int {
    normalizer.normalize(text)
    let n = normalizer.count
    if bounds.count < n + 1 { bounds = [Int32](repeating: 0, count: n + 1) }
    spans.removeAll(keepingCapacity: true)
    raw.removeAll(keepingCapacity: true)
    sawNumberLike = false
    normalizer.buffer.withUnsafeBufferPointer { full in
      let norm = UnsafeBufferPointer(rebasing: full[0..<n])
      scanner.scan(norm, into: &spans)
      var position = 0
      for span in spans {
        breakRegion(norm, from: position, to: span.start)
        raw.append(
          Token(
            kind: span.kind, normalizedStart: Int32(span.start), normalizedEnd: Int32(span.end),
            sourceStart: 0, sourceEnd: 0))
        position = span.end
      }
      breakRegion(norm, from: position, to: n)
      if sawNumberLike { joinNumbers(norm) }
      mergeLexiconWords(norm)
      joinAffixes(norm)
    }
    mapToSource(sourceCount: text.count)
    if isFinal { return text.count }
    let limit = text.count - 512
    var keep = tokens.count
    while keep > 0 && tokens[keep - 1].sourceEnd > limit { keep -= 1 }
    if keep == 0 { return text.count }
    tokens.removeSubrange(keep...)
    return Int(tokens[keep - 1].sourceEnd)
  }

  /// Runs ICU word break on `norm[from..<to]` and appends classified tokens (whitespace dropped) to `raw`.
  private func breakRegion(_ norm: UnsafeBufferPointer<UInt16>, from: Int, to: Int) {
    let length = to - from
    guard length > 0, let base = norm.baseAddress else { return }
    var status: Int32 = 0
    let count = bounds.withUnsafeMutableBufferPointer { b in
      cicu_wordbreak_run(breaker, base + from, Int32(length), b.baseAddress, nil, &status)
    }
    if count < 0 {
      // ICU refused the text: keep it as one word rather than lose it.
      raw.append(
        Token(
          kind: .word, normalizedStart: Int32(from), normalizedEnd: Int32(to), sourceStart: 0, sourceEnd: 0))
      return
    }
    var start = from
    for k in 0..<Int(count) {
      let end = from + Int(bounds[k])
      defer { start = end }
      // A token whose first character has no kind is whitespace, unless it is a format character (ZWJ,
      // a variation selector) in front of content: the tail of a grapheme cluster cut by the streaming
      // window starts with one, and dropping it lost the text after it.
      guard let kind = Self.kind(startingWith: norm, at: start) ?? Self.firstKind(norm, from: start, to: end)
      else { continue }
      if kind != .word && end - start >= 2 && appendKeycaps(norm, from: start, to: end, kind: kind) {
        continue
      }
      if kind == .number || (kind == .punctuation && Self.isCurrencySign(norm[start]))
        || (kind == .word && Self.isChineseNumeral(norm[start]))
        || (kind == .punctuation && norm[start] == 0x25CB)
      {
        sawNumberLike = true
      }
      if kind == .number && end - start >= 3 && splitSeparatedNumbers(norm, from: start, to: end) { continue }
      if kind == .punctuation && end - start == 1, let last = raw.last, last.kind == .punctuation,
        last.normalizedEnd == Int32(start), norm[Int(last.normalizedStart)] == norm[start]
      {
        // A run of the same mark (！！！, ……, ——) is one token.
        raw[raw.count - 1].normalizedEnd = Int32(end)
        continue
      }
      if kind == .word && end - start == 2 && rules.shouldSplit(norm[start], norm[start + 1]) {
        // A function word glued on (新的, 就是): two tokens, see `SegmentationRules`.
        raw.append(
          Token(
            kind: .word, normalizedStart: Int32(start), normalizedEnd: Int32(start + 1), sourceStart: 0,
            sourceEnd: 0))
        raw.append(
          Token(
            kind: .word, normalizedStart: Int32(start + 1), normalizedEnd: Int32(end), sourceStart: 0,
            sourceEnd: 0))
        continue
      }
      raw.append(
        Token(
          kind: kind, normalizedStart: Int32(start), normalizedEnd: Int32(end), sourceStart: 0, sourceEnd: 0))
    }
  }

  /// Splits a number segment that word break joined across a comma or semicolon (UAX #29 keeps 129,11 and
  /// 129，11 together) unless the commas group thousands (1,299 and 12,345,678: one to three digits, then
  /// groups of exactly three). In Chinese text `，` ends a clause, so ¥129，11号 is a price, a comma and a
  /// date, not one number. Returns false when the segment stays whole.
  private func splitSeparatedNumbers(_ norm: UnsafeBufferPointer<UInt16>, from: Int, to: Int) -> Bool {
    func isSeparator(_ u: UInt16) -> Bool { u == 0x2C || u == 0x3B || u == 0xFF0C || u == 0xFF1B }
    guard (from..<to).contains(where: { isSeparator(norm[$0]) }),
      !Self.isThousandsGrouped(norm, from: from, to: to)
    else { return false }
    var pieceStart = from
    for i in from...to where i == to || isSeparator(norm[i]) {
      if i > pieceStart, let kind = Self.kind(startingWith: norm, at: pieceStart) {
        raw.append(
          Token(
            kind: kind, normalizedStart: Int32(pieceStart), normalizedEnd: Int32(i), sourceStart: 0,
            sourceEnd: 0))
      }
      if i < to {
        raw.append(
          Token(
            kind: .punctuation, normalizedStart: Int32(i), normalizedEnd: Int32(i + 1), sourceStart: 0,
            sourceEnd: 0))
      }
      pieceStart = i + 1
    }
    return true
  }

  /// Whether `from..<to` is a number with thousands grouping: 1 to 3 digits, then one or more groups of an
  /// ASCII comma and exactly 3 digits, then an optional decimal part (1,299 / 12,345,678 / 1,299.5).
  private static func isThousandsGrouped(_ norm: UnsafeBufferPointer<UInt16>, from: Int, to: Int) -> Bool {
    var i = from
    func digits() -> Int {
      let start = i
      while i < to && norm[i] >= 0x30 && norm[i] <= 0x39 { i += 1 }
      return i - start
    }
    guard (1...3).contains(digits()) else { return false }
    var groups = 0
    while i < to && norm[i] == 0x2C {
      i += 1
      guard digits() == 3 else { return false }
      groups += 1
    }
    if i < to && norm[i] == 0x2E {
      i += 1
      guard digits() > 0 else { return false }
    }
    return groups > 0 && i == to
  }

  /// Splits a word-break segment holding keycap emoji (1️⃣ = digit, optional U+FE0F, U+20E3) into one emoji
  /// token per keycap; other characters between them keep `kind`. Returns false when there is no keycap.
  private func appendKeycaps(_ norm: UnsafeBufferPointer<UInt16>, from: Int, to: Int, kind: TokenKind) -> Bool
  {
    var found = false
    for i in from..<to where norm[i] == 0x20E3 {
      found = true
      break
    }
    guard found else { return false }
    var plainStart = from
    var i = from
    while i < to {
      var j = i + 1
      if j < to && norm[j] == 0xFE0F { j += 1 }
      if j < to && norm[j] == 0x20E3 {
        if plainStart < i {
          raw.append(
            Token(
              kind: kind, normalizedStart: Int32(plainStart), normalizedEnd: Int32(i), sourceStart: 0,
              sourceEnd: 0))
        }
        raw.append(
          Token(
            kind: .emoji, normalizedStart: Int32(i), normalizedEnd: Int32(j + 1), sourceStart: 0, sourceEnd: 0
          ))
        i = j + 1
        plainStart = i
      } else {
        i += 1
      }
    }
    if plainStart < to {
      raw.append(
        Token(
          kind: kind, normalizedStart: Int32(plainStart), normalizedEnd: Int32(to), sourceStart: 0,
          sourceEnd: 0))
    }
    return true
  }

  /// The kind of a word-break segment from its first character; nil for whitespace, controls and lone
  /// format characters, which make no token. Common CJK and ASCII are decided without calling ICU.
  @inline(__always)
  static func kind(startingWith norm: UnsafeBufferPointer<UInt16>, at start: Int) -> TokenKind? {
    let u = norm[start]
    if u >= 0x4E00 && u < 0xA000 { return .word }
    if u < 0x80 {
      switch u {
      case 0x30...0x39: return .number
      case 0x41...0x5A, 0x61...0x7A: return .word
      case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return .punctuation
      default: return nil
      }
    }
    switch Int(cicu_char_class(codePoint(norm, at: start))) {
    case Int(CICU_CLASS_EMOJI): return .emoji
    case Int(CICU_CLASS_PUNCT), Int(CICU_CLASS_SYMBOL): return .punctuation
    case Int(CICU_CLASS_DIGIT): return .number
    case Int(CICU_CLASS_LETTER), Int(CICU_CLASS_IDEO): return .word
    default: return nil
    }
  }

  /// The kind of the first character of `norm[from..<to]` that has one, after the first (see
  /// `kind(startingWith:at:)`); a run of combining marks whose base lies before the streaming window is a
  /// word; nil when there is only whitespace and invisible format characters.
  static func firstKind(_ norm: UnsafeBufferPointer<UInt16>, from: Int, to: Int) -> TokenKind? {
    var sawMark = false
    var i = from
    while i < to {
      if UTF16.isTrailSurrogate(norm[i]) {
        i += 1
        continue
      }
      if i > from, let kind = kind(startingWith: norm, at: i) { return kind }
      // Spaces (the usual kind-less token) are not marks: no property lookup for them.
      if norm[i] < 0x80 || norm[i] == 0x3000 {
        i += 1
        continue
      }
      if let scalar = Unicode.Scalar(codePoint(norm, at: i)) {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: sawMark = true
        default: break
        }
      }
      i += 1
    }
    return sawMark ? .word : nil
  }

  @inline(__always)
  static func codePoint(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> UInt32 {
    let u = text[i]
    if UTF16.isLeadSurrogate(u), i + 1 < text.count, UTF16.isTrailSurrogate(text[i + 1]) {
      return 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(text[i + 1] - 0xDC00)
    }
    return UInt32(u)
  }

  /// Chinese numeral characters: a run of two or more, or one followed by a unit, is a number.
  @inline(__always)
  static func isChineseNumeral(_ u: UInt16) -> Bool {
    switch u {
    case 0x3007, 0x25CB, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
      0x5341,
      0x767E, 0x5343, 0x4E07, 0x4EBF, 0x4E24:
      // 〇 ○ 零 一 二 三 四 五 六 七 八 九 十 百 千 万 亿 两
      return true
    default: return false
    }
  }

  @inline(__always)
  static func isCurrencySign(_ u: UInt16) -> Bool {
    u == 0xA5 || u == 0x24 || u == 0x20AC || u == 0xA3
  }

  /// The longest key of `trie` that starts at `raw[first].normalizedStart` and ends exactly at the end of a
  /// token `raw[last]`, with `first...last` contiguous and each token accepted by `eligible`.
  @inline(__always)
  private func longestTokenAlignedMatch(
    _ trie: Trie, _ norm: UnsafeBufferPointer<UInt16>, first: Int, minimumLast: Int,
    eligible: (TokenKind) -> Bool
  ) -> (last: Int, payload: Int32)? {
    let start = Int(raw[first].normalizedStart)
    guard start < norm.count, trie.hasKeys(startingWith: norm[start]) else { return nil }
    var best: (Int, Int32)?
    var m = first
    let count = raw.count
    trie.forEachPrefix(in: norm, from: start, limit: norm.count) { end, payload in
      while Int(raw[m].normalizedEnd) < end {
        guard m + 1 < count, raw[m + 1].normalizedStart == raw[m].normalizedEnd, eligible(raw[m + 1].kind)
        else {
          return false
        }
        m += 1
      }
      if Int(raw[m].normalizedEnd) == end && m >= minimumLast { best = (m, payload) }
      return true
    }
    return best
  }

  /// Joins numbers with a leading currency sign and trailing units, and runs of Chinese numerals.
  private func joinNumbers(_ norm: UnsafeBufferPointer<UInt16>) {
    let count = raw.count
    guard count > 0 else { return }
    work.removeAll(keepingCapacity: true)
    var i = 0
    while i < count {
      var t = raw[i]
      var next = i + 1
      var isNumber = t.kind == .number
      if t.kind == .punctuation && t.normalizedEnd - t.normalizedStart == 1
        && Self.isCurrencySign(norm[Int(t.normalizedStart)]) && next < count && raw[next].kind == .number
        && raw[next].normalizedStart == t.normalizedEnd
      {
        t.normalizedEnd = raw[next].normalizedEnd
        t.kind = .price
        next += 1
        isNumber = true
      } else if t.kind == .word || t.kind == .punctuation,
        Self.isChineseNumeral(norm[Int(t.normalizedStart)])
      {
        // A run of two or more Chinese numerals (二○○一, 三十一) is a number, with a unit that may sit inside
        // the word-break token where the run ends (ICU gives 二○○ | 一年).
        let runStart = Int(t.normalizedStart)
        var runEnd = runStart
        while runEnd < norm.count && Self.isChineseNumeral(norm[runEnd]) { runEnd += 1 }
        if runEnd - runStart >= 2 {
          var m = i
          var contiguous = true
          while Int(raw[m].normalizedEnd) < runEnd {
            guard m + 1 < count, raw[m + 1].normalizedStart == raw[m].normalizedEnd,
              raw[m + 1].kind == .word || raw[m + 1].kind == .punctuation
            else {
              contiguous = false
              break
            }
            m += 1
          }
          if contiguous {
            let tokenEnd = Int(raw[m].normalizedEnd)
            if tokenEnd == runEnd {
              t.normalizedEnd = Int32(runEnd)
              t.kind = .number
              next = m + 1
              isNumber = true
            } else if let unit = units.longestPrefix(in: norm, from: runEnd, limit: tokenEnd),
              unit.end == tokenEnd
            {
              t.normalizedEnd = Int32(tokenEnd)
              t.kind =
                unit.payload == UnitKind.price.rawValue
                ? .price : unit.payload == UnitKind.percent.rawValue ? .percent : .number
              next = m + 1
              isNumber = true
            }
          }
        }
      }
      if isNumber {
        for _ in 0..<3 {
          guard next < count, raw[next].normalizedStart == t.normalizedEnd,
            let unit = longestTokenAlignedMatch(
              units, norm, first: next, minimumLast: next,
              eligible: { $0 == .word || $0 == .punctuation || $0 == .number })
          else { break }
          // A segmentation word that starts with the unit and ends at a later token's end is that word,
          // not the unit: 8点 + 秒杀, not 8点秒 + 杀; 30秒 + 杀菌 stays (秒杀 would end inside 杀菌).
          if longestTokenAlignedMatch(
            words, norm, first: next, minimumLast: unit.last + 1, eligible: { $0 == .word }) != nil
          {
            break
          }
          t.normalizedEnd = raw[unit.last].normalizedEnd
          switch UnitKind(rawValue: unit.payload) ?? .number {
          case .price: t.kind = .price
          case .percent: if t.kind != .price { t.kind = .percent }
          case .number: break
          }
          next = unit.last + 1
        }
      }
      work.append(t)
      i = next
    }
    swap(&raw, &work)
  }

  /// Joins bound prefixes (本+店), suffixes (现代+化) and runs of transliteration characters (克+林+顿).
  private func joinAffixes(_ norm: UnsafeBufferPointer<UInt16>) {
    let count = raw.count
    guard count > 1 else { return }
    let rules = self.rules
    // Compacts in place: token `o` is written only after tokens `o...` have been read.
    var o = 0
    raw.withUnsafeMutableBufferPointer { raw in
      @inline(__always) func emit(_ t: Token) {
        raw[o] = t
        o += 1
      }
      @inline(__always) func singleIdeograph(_ k: Int) -> UInt16? {
        let t = raw[k]
        guard t.kind == .word, t.normalizedEnd - t.normalizedStart == 1 else { return nil }
        let u = norm[Int(t.normalizedStart)]
        return SegmentationRules.isIdeograph(u) ? u : nil
      }
      @inline(__always) func adjacent(_ k: Int) -> Bool {
        k + 1 < count && raw[k + 1].normalizedStart == raw[k].normalizedEnd
      }
      var i = 0
      while i < count {
        var t = raw[i]
        if let u = singleIdeograph(i) {
          if rules.transliteration.contains(u) {
            var j = i + 1
            while j < count && raw[j].normalizedStart == raw[j - 1].normalizedEnd,
              let v = singleIdeograph(j), rules.transliteration.contains(v)
            {
              j += 1
            }
            if j - i >= 2 {
              t.normalizedEnd = raw[j - 1].normalizedEnd
              emit(t)
              i = j
              continue
            }
          }
          if rules.prefixes.contains(u) && adjacent(i), let v = singleIdeograph(i + 1),
            !rules.functionCharacters.contains(v)
          {
            t.normalizedEnd = raw[i + 1].normalizedEnd
            emit(t)
            i += 2
            continue
          }
        } else if t.kind == .word && t.normalizedEnd - t.normalizedStart >= 2 && adjacent(i),
          let v = singleIdeograph(i + 1), rules.suffixes.contains(v)
        {
          let range = Int(t.normalizedStart)..<Int(t.normalizedEnd)
          if range.allSatisfy({ SegmentationRules.isIdeograph(norm[$0]) })
            && !rules.noSuffixAfter.contains(Array(UnsafeBufferPointer(rebasing: norm[range])))
          {
            t.normalizedEnd = raw[i + 1].normalizedEnd
            emit(t)
            i += 2
            continue
          }
        }
        emit(t)
        i += 1
      }
    }
    raw.removeSubrange(o...)
  }

  /// Merges runs of tokens that spell lexicon words.
  ///
  /// Works on each run of adjacent word and number tokens, character by character: a piece of the new
  /// segmentation is either a whole token from before or a lexicon word. So a lexicon word may cut a
  /// word-break token only when every character of that token ends up in lexicon words (戳|链|接下|单 with
  /// 链接 and 下单 becomes 戳 链接 下单, while 一下|单独 is left alone). Among the segmentations, the one that
  /// covers the most characters with lexicon words wins, then the one with fewer tokens.
  private func mergeLexiconWords(_ norm: UnsafeBufferPointer<UInt16>) {
    let count = raw.count
    guard count > 1, !words.isEmpty else { return }
    @inline(__always) func eligible(_ kind: TokenKind) -> Bool { kind == .word || kind == .number }
    // Tokens are copied into `work` only once the lexicon changes something: most posts keep every token.
    var copiedUpTo = 0
    work.removeAll(keepingCapacity: true)
    var k = 0
    while k < count {
      // The run of adjacent eligible tokens starting at k.
      var last = k
      if eligible(raw[k].kind) {
        while last + 1 < count && eligible(raw[last + 1].kind)
          && raw[last + 1].normalizedStart == raw[last].normalizedEnd
        {
          last += 1
        }
      }
      if last > k && lexiconMayChange(norm, first: k, last: last) {
        if copiedUpTo < k { work.append(contentsOf: raw[copiedUpTo..<k]) }
        copiedUpTo = k
        if resegmentRun(norm, first: k, last: last) { copiedUpTo = last + 1 }
      }
      k = last + 1
    }
    guard copiedUpTo > 0 || !work.isEmpty else { return }
    work.append(contentsOf: raw[copiedUpTo..<count])
    swap(&raw, &work)
  }

  /// Whether the lexicon can change the run `raw[first...last]`. Every chain of lexicon pieces starts at a
  /// token start; if no lexicon word from a token start spans more than that token or ends inside it, the
  /// best segmentation is the tokens themselves.
  private func lexiconMayChange(_ norm: UnsafeBufferPointer<UInt16>, first: Int, last: Int) -> Bool {
    let limit = Int(raw[last].normalizedEnd)
    return raw.withUnsafeBufferPointer { raw in
      for k in first...last {
        let p = Int(raw[k].normalizedStart)
        // Most token starts begin no lexicon word: the trie's bit tables say so without touching its nodes.
        guard words.mayMatch(in: norm, at: p) else { continue }
        let tokenEnd = Int(raw[k].normalizedEnd)
        var node = words.root(norm[p])
        var i = p + 1
        while node != 0 {
          if words.payload(node) >= 0 && i != tokenEnd { return true }
          if i >= limit { break }
          node = words.child(node, norm[i])
          i += 1
        }
      }
      return false
    }
  }

  /// Scratch memory for `resegmentRun`, indexed by position in the run: best cover, piece count, where
  /// the last piece starts (high bit: a lexicon piece), and the token starting there (-1 when none).
  private var scratchCapacity = 0
  private var scratch = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

  private func ensureScratch(_ length: Int) {
    guard length + 1 > scratchCapacity else { return }
    scratch.deallocate()
    scratchCapacity = max(64, (length + 1) * 2)
    scratch = UnsafeMutablePointer<Int32>.allocate(capacity: scratchCapacity * 4)
  }

  /// Re-segments the eligible tokens `raw[first...last]` with the lexicon and appends the result to
  /// `work`. Returns false (appending nothing) when the lexicon changes nothing. Call it only when
  /// `lexiconMayChange` says so.
  private func resegmentRun(_ norm: UnsafeBufferPointer<UInt16>, first: Int, last: Int) -> Bool {
    let base = Int(raw[first].normalizedStart)
    let length = Int(raw[last].normalizedEnd) - base
    ensureScratch(length)
    let cover = scratch
    let pieces = scratch + scratchCapacity
    let from = scratch + 2 * scratchCapacity
    let tokenAt = scratch + 3 * scratchCapacity
    let lexiconFlag = Int32(1 << 30)
    for p in 0...length {
      cover[p] = -1
      pieces[p] = 0
      from[p] = -1
      tokenAt[p] = -1
    }
    return raw.withUnsafeBufferPointer { raw in
      for i in first...last { tokenAt[Int(raw[i].normalizedStart) - base] = Int32(i) }
      cover[0] = 0
      for p in 0..<length where cover[p] >= 0 {
        let covered = cover[p]
        let count = pieces[p] + 1
        @inline(__always) func relax(_ end: Int, _ newCover: Int32, lexicon: Bool) {
          if newCover > cover[end] || (newCover == cover[end] && count < pieces[end]) {
            cover[end] = newCover
            pieces[end] = count
            from[end] = Int32(p) | (lexicon ? lexiconFlag : 0)
          }
        }
        let token = tokenAt[p]
        let tokenEnd = token >= 0 ? Int(raw[Int(token)].normalizedEnd) - base : -1
        if token >= 0 { relax(tokenEnd, covered, lexicon: false) }
        var node = words.mayMatch(in: norm, at: base + p) ? words.root(norm[base + p]) : 0
        var i = p + 1
        while node != 0 {
          if words.payload(node) >= 0 {
            // A lexicon word that is exactly one token changes nothing; take it as that token.
            relax(i, covered + Int32(i - p), lexicon: i != tokenEnd)
          }
          if i >= length { break }
          node = words.child(node, norm[base + i])
          i += 1
        }
      }
      // Walk back from the end, reversing the chain in place (`pieces` is free again), then emit.
      var usedLexicon = false
      var end = length
      var n = 0
      while end > 0 {
        let f = from[end]
        if f < 0 { return false }  // cannot happen: the tokens themselves always reach the end
        if f & lexiconFlag != 0 { usedLexicon = true }
        pieces[n] = Int32(end)
        n += 1
        end = Int(f & ~lexiconFlag)
      }
      guard usedLexicon else { return false }
      var start = 0
      for k in stride(from: n - 1, through: 0, by: -1) {
        let pieceEnd = Int(pieces[k])
        let isLexicon = from[pieceEnd] & lexiconFlag != 0
        if !isLexicon, tokenAt[start] >= 0 {
          work.append(raw[Int(tokenAt[start])])
        } else {
          work.append(
            Token(
              kind: .word, normalizedStart: Int32(base + start), normalizedEnd: Int32(base + pieceEnd),
              sourceStart: 0, sourceEnd: 0))
        }
        start = pieceEnd
      }
      return true
    }
  }

  /// Sets each token's source range from the normalizer's map. A token boundary that falls inside a
  /// normalization chunk (e.g. inside the expansion of ㍿) is dropped by joining the two tokens.
  private func mapToSource(sourceCount: Int) {
    let n = raw.count
    // Written through buffers into `tokens` grown to `n` (its storage is reused once the previous
    // document has let go of it), then cut to what was written.
    tokens.removeAll(keepingCapacity: true)
    tokens.append(
      contentsOf: repeatElement(
        Token(kind: .word, normalizedStart: 0, normalizedEnd: 0, sourceStart: 0, sourceEnd: 0), count: n))
    var count = 0
    raw.withUnsafeBufferPointer { raw in
      tokens.withUnsafeMutableBufferPointer { out in
        normalizer.mapBuffer.withUnsafeBufferPointer { map in
          for var t in raw {
            var start = Int(t.normalizedStart)
            if map[start] < 0, count > 0, out[count - 1].normalizedEnd == t.normalizedStart {
              out[count - 1].normalizedEnd = t.normalizedEnd
              var end = Int(t.normalizedEnd)
              while map[end] < 0 { end += 1 }
              out[count - 1].sourceEnd = map[end]
              continue
            }
            while map[start] < 0 && start > 0 { start -= 1 }
            var end = Int(t.normalizedEnd)
            while map[end] < 0 { end += 1 }
            t.sourceStart = max(map[start], 0)
            t.sourceEnd = map[end]
            if count > 0, t.sourceStart < out[count - 1].sourceEnd {
              t.sourceStart = out[count - 1].sourceEnd
            }
            if t.sourceEnd > t.sourceStart {
              out[count] = t
              count += 1
            }
          }
        }
      }
    }
    tokens.removeLast(n - count)
  }
}
