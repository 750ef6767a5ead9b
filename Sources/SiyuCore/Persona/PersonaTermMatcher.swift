import SiyuText

/// Finds `PersonaTerm`s in a document on token boundaries: a word matches where it starts at a token's
/// start and ends at a token's end, or where a plural 们 follows it and ends a token (老铁们 is one token,
/// and 老铁 still matches it). Vocative terms count only at the start of a clause or right before its end.
public struct PersonaTermMatcher: Sendable {
  public let terms: [PersonaTerm]
  private let trie: Trie

  /// 们, the plural suffix.
  static let plural: UInt16 = 0x4EEC

  /// - Parameter terms: later duplicates of a word (after normalization) are ignored.
  public init(terms: [PersonaTerm]) {
    let normalizer = Normalizer()
    var seen: Set<[UInt16]> = []
    var keys: [([UInt16], Int32)] = []
    var kept: [PersonaTerm] = []
    for term in terms {
      let key = Array(normalizer.normalize(term.text).utf16)
      guard !key.isEmpty, seen.insert(key).inserted else { continue }
      keys.append((key, Int32(kept.count)))
      kept.append(term)
    }
    self.terms = kept
    trie = Trie(keys)
  }

  public var isEmpty: Bool { terms.isEmpty }

  /// The built-in self-reference words alone.
  public static let builtinSelf = PersonaTermMatcher(terms: PersonaTerm.builtinSelf)
  /// The built-in address words alone.
  public static let builtinAddress = PersonaTermMatcher(terms: PersonaTerm.builtinAddress)

  /// The longest match at each token, left to right, not overlapping.
  public func matches(in document: Document) -> [PersonaTermMatch] {
    guard !terms.isEmpty else { return [] }
    let tokens = document.tokens
    var found: [PersonaTermMatch] = []
    document.normalized.withUnsafeBufferPointer { text in
      var i = 0
      while i < tokens.count {
        let start = Int(tokens[i].normalizedStart)
        guard start < text.count, trie.root(text[start]) != 0 else {
          i += 1
          continue
        }
        var best: (last: Int, end: Int, term: Int32)?
        var j = i
        trie.forEachPrefix(in: text, from: start, limit: text.count) { end, payload in
          while j < tokens.count && Int(tokens[j].normalizedEnd) < end { j += 1 }
          guard j < tokens.count else { return false }
          let tokenEnd = Int(tokens[j].normalizedEnd)
          if tokenEnd == end {
            best = (j, end, payload)
          } else if tokenEnd == end + 1 && text[end] == Self.plural {
            best = (j, end + 1, payload)
          }
          return true
        }
        guard let match = best else {
          i += 1
          continue
        }
        let term = terms[Int(match.term)]
        if !term.vocative || Self.isVocative(text, start: start, end: match.end) {
          found.append(
            PersonaTermMatch(
              term: Int(match.term),
              sourceRange: Int(tokens[i].sourceStart)..<Int(tokens[match.last].sourceEnd),
              normalizedRange: start..<match.end))
        }
        i = match.last + 1
      }
    }
    return found
  }

  /// Whether the word at `start..<end` (its 们 included) addresses the reader: right before the end of a
  /// clause (晚安，宝贝们 / 谢谢宝贝), unless 的 or a "with" word ties it to what comes before (我家的宝宝们,
  /// 我和小伙伴们); or at the start of a clause when it is plural (宝宝们今天…, 家人们看过来) or greeted
  /// (宝宝晚安, 亲，在吗 counts as a clause of its own). A singular word starting a clause that goes on is
  /// what the clause is about (宝宝今天第一次叫妈妈). Spaces, emoji and particles aside.
  static func isVocative(_ text: UnsafeBufferPointer<UInt16>, start: Int, end: Int) -> Bool {
    // A line break ends a clause: the scans skip spaces, not lines.
    func isBlank(_ u: UInt16) -> Bool { StyleText.isSpace(u) && u != 0x0A }
    var m = end
    while m < text.count && (isBlank(text[m]) || StyleText.isParticle(text[m])) { m += 1 }
    var k = start - 1
    while k >= 0 && isBlank(text[k]) { k -= 1 }
    let startsClause = k < 0 || StyleText.isClauseBreak(text, at: k)
    if m >= text.count || StyleText.isClauseBreak(text, at: m) || StyleText.isEmojiStart(text, at: m) {
      return startsClause || !tiesToWhatPrecedes.contains(text[k])
    }
    return startsClause && (text[end - 1] == plural || startsGreeting(text, at: m))
  }

  /// 的 和 跟 与 同: before a noun at the end of a clause, they make it an object or a possession.
  static let tiesToWhatPrecedes: Set<UInt16> = [0x7684, 0x548C, 0x8DDF, 0x4E0E, 0x540C]

  /// Greetings that follow a name of the readers without a comma (宝子们晚安, 亲爱的早上好).
  static let greetings: [[UInt16]] = [
    "早", "晚安", "午安", "好", "你好", "你们好", "上午好", "中午好", "下午好", "晚上好", "新年好", "新年快乐",
    "节日快乐", "周末愉快", "周末快乐", "辛苦了", "久等了",
  ].map { Array($0.utf16) }

  static func startsGreeting(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Bool {
    greetings.contains { greeting in
      i + greeting.count <= text.count && greeting.indices.allSatisfy { text[i + $0] == greeting[$0] }
    }
  }
}
