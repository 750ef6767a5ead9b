import SiyuText

/// What one post shows of its author's style: the counts a style profile is made of. Read from the
/// normalized text; `<!-- … -->` comments (siyu directives) are left out.
public struct StyleSample: Sendable {
  /// Code points that are not white space.
  public var characters = 0
  /// Clauses (text between clause punctuation or line breaks) with at least one letter or digit.
  public var clauses = 0
  /// Letters and digits in those clauses.
  public var contentCharacters = 0
  /// Sentence-final uses of each of `PersonaTerm.particles`, in that order.
  public var particles: [Int]
  /// Runs of ～, ！, … (or ...) and ？.
  public var tilde = 0
  public var exclamation = 0
  public var ellipsis = 0
  public var question = 0
  /// Emoji by their normalized text.
  public var emoji: [String: Int] = [:]
  /// Self-reference words found, by stem (我们 counts as 我).
  public var selfTerms: [String: Int] = [:]
  /// Address words found, by stem.
  public var addressTerms: [String: Int] = [:]
  /// Character counts by code point (ASCII digits folded to 0).
  public var unigrams: [UInt32: Int] = [:]
  /// Adjacent character pairs, `first << 32 | second`.
  public var bigrams: [UInt64: Int] = [:]
  /// Clause-length patterns (`StyleShape`): each clause length, and runs of two and three.
  public var shapes: [UInt32: Int] = [:]
  /// Normalized ranges of the clauses counted in `clauses`.
  public var clauseRanges: [Range<Int>] = []
  /// Letters and digits of each clause in `clauseRanges`.
  public var clauseLengths: [Int] = []

  /// Reads `document`; `selfTerms` and `addressTerms` find the words counted as self-reference and address.
  public init(document: Document, selfTerms: PersonaTermMatcher, addressTerms: PersonaTermMatcher) {
    particles = Array(repeating: 0, count: PersonaTerm.particles.count)
    let comments = Self.commentRanges(document.normalized)
    func inComment(_ i: Int) -> Bool { comments.contains { $0.contains(i) } }
    for token in document.tokens where token.kind == .emoji && !inComment(Int(token.normalizedStart)) {
      emoji[document.normalizedText(of: token), default: 0] += 1
    }
    for match in selfTerms.matches(in: document) where !inComment(match.normalizedRange.lowerBound) {
      self.selfTerms[selfTerms.terms[match.term].stem, default: 0] += 1
    }
    for match in addressTerms.matches(in: document) where !inComment(match.normalizedRange.lowerBound) {
      self.addressTerms[addressTerms.terms[match.term].stem, default: 0] += 1
    }
    document.normalized.withUnsafeBufferPointer { scan($0, comments: comments) }
  }

  /// Counts characters, clauses, particles, punctuation, n-grams and shapes.
  private mutating func scan(_ text: UnsafeBufferPointer<UInt16>, comments: [Range<Int>]) {
    var nextComment = 0
    var previous: UInt32 = 0
    var clauseStart = -1
    var clauseContent = 0
    var lastContent: UInt16 = 0
    var i = 0
    func endClause(at end: Int) {
      if clauseContent > 0 {
        clauses += 1
        contentCharacters += clauseContent
        clauseRanges.append(clauseStart..<end)
        clauseLengths.append(clauseContent)
        if let p = StyleText.particleUnits.firstIndex(of: lastContent) { particles[p] += 1 }
      }
      clauseStart = -1
      clauseContent = 0
      lastContent = 0
    }
    while i < text.count {
      if nextComment < comments.count && i == comments[nextComment].lowerBound {
        endClause(at: i)
        i = comments[nextComment].upperBound
        nextComment += 1
        previous = 0
        continue
      }
      let u = text[i]
      if StyleText.isSpace(u) {
        if u == 0x0A { endClause(at: i) }
        previous = 0
        i += 1
        continue
      }
      var c = StyleText.codePoint(text, at: i)
      let width = c > 0xFFFF ? 2 : 1
      characters += 1
      if StyleText.isClauseBreak(u) {
        endClause(at: i)
        // A run of the same mark (！！！, ……) counts once, at its first unit.
        if i == 0 || text[i - 1] != u {
          switch u {
          case 0x7E, 0x301C: tilde += 1
          case 0x21: exclamation += 1
          case 0x3F: question += 1
          case 0x2026: ellipsis += 1
          case 0x2E, 0x3002: if i + 1 < text.count && text[i + 1] == u { ellipsis += 1 }
          default: break
          }
        }
      } else if StyleText.isContent(c) {
        if clauseStart < 0 { clauseStart = i }
        clauseContent += 1
        lastContent = u
      }
      if c >= 0x30 && c <= 0x39 { c = 0x30 }
      unigrams[c, default: 0] += 1
      if previous != 0 { bigrams[UInt64(previous) << 32 | UInt64(c), default: 0] += 1 }
      previous = c
      i += width
    }
    endClause(at: text.count)
    let lengths = clauseLengths
    for (k, length) in lengths.enumerated() {
      let a = StyleShape.bucket(length)
      shapes[a, default: 0] += 1
      if k >= 1 { shapes[StyleShape.bucket(lengths[k - 1]) | a << 4, default: 0] += 1 }
      if k >= 2 {
        let key = StyleShape.bucket(lengths[k - 2]) | StyleShape.bucket(lengths[k - 1]) << 4 | a << 8
        shapes[key, default: 0] += 1
      }
    }
  }

  /// The `<!-- … -->` spans of `text`, in order (an unterminated one runs to the end).
  static func commentRanges(_ text: [UInt16]) -> [Range<Int>] {
    HTMLComments.ranges(in: text, unterminatedToEnd: true)
  }

  /// Whether normalized `text` speaks like a person: a sentence-final particle (before clause punctuation,
  /// a line break, an emoji or the end) or a question mark.
  public static func hasVoice(_ text: UnsafeBufferPointer<UInt16>) -> Bool {
    for i in 0..<text.count {
      let u = text[i]
      if u == 0x3F { return true }
      guard StyleText.isParticle(u) else { continue }
      var k = i + 1
      while k < text.count && StyleText.isSpace(text[k]) && text[k] != 0x0A { k += 1 }
      if k >= text.count || StyleText.isClauseBreak(text[k]) || StyleText.isEmojiStart(text, at: k) {
        return true
      }
    }
    return false
  }

  // MARK: - Scalar features

  /// Total sentence-final particles.
  public var particleTotal: Int { particles.reduce(0, +) }
  /// Emoji in the post.
  public var emojiCount: Int { emoji.values.reduce(0, +) }
  public var selfCount: Int { selfTerms.values.reduce(0, +) }
  public var addressCount: Int { addressTerms.values.reduce(0, +) }

  /// The post's value of `feature`; nil for `wording`, which needs a profile (`StyleModel.fit`).
  public func value(of feature: StyleFeature) -> Double? {
    let perClause = Double(max(clauses, 1))
    let per100 = 100 / Double(max(characters, 1))
    switch feature {
    case .sentenceLength: return Double(contentCharacters) / perClause
    case .particles: return Double(particleTotal) / perClause
    case .particle(let index): return Double(particles[index]) / perClause
    case .tilde: return Double(tilde) / perClause
    case .exclamation: return Double(exclamation) / perClause
    case .ellipsis: return Double(ellipsis) / perClause
    case .question: return Double(question) / perClause
    case .emoji: return Double(emojiCount) * per100
    case .emojiPerPost: return Double(emojiCount)
    case .selfReference: return Double(selfCount) * per100
    case .address: return Double(addressCount) * per100
    case .wording: return nil
    }
  }
}
