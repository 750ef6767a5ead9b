import SiyuText

/// Turns a segmented post into classifier features, each a stable 64-bit key (`FeatureHash`):
///
/// - `word`: every word, punctuation and emoji token, by its normalized text (NFKC, lower case,
///   Simplified), so 秒殺, 秒杀 and full-width forms are one feature;
/// - `bigram`: every pair of adjacent characters inside tokens, also across two adjacent tokens (限时|秒杀
///   gives 时秒, 杀|！ gives 杀!), catching what segmentation splits differently; digits read as 0 and a
///   pair of two digits gives nothing (99元 gives 0元 only: amounts are not vocabulary, the price kind
///   carries them); whitespace, URLs, e-mail addresses and contacts break the chain;
/// - `kind`: each token kind other than word and punctuation being present (price, url, contact, number,
///   percent, email, emoji, hashtag, mention), and being present three times or more; and the post's
///   length, as two buckets of half an octave (⌊2·log₂ n⌋: 1, 2, 3, 4–5, 6–7, 8–11, 12–15, 16–22…): of the
///   UTF-16 units in its tokens (whitespace left out) and of its tokens. Ads run long and many-worded,
///   chat and notices short; the buckets let the model weigh that without a number feature.
///
/// A post's features are a set: a feature counts once however often it occurs (Boolean naive Bayes, as
/// NBSVM uses). Changing what is extracted changes `version`, which model files record.
public enum FeatureExtractor {
  /// The feature scheme; a model trained under another scheme is refused. 2: the length buckets.
  public static let version: UInt32 = 2

  /// The distinct feature keys of a post, in order of first occurrence.
  public static func keys(normalized: [UInt16], tokens: [Token]) -> [UInt64] {
    normalized.withUnsafeBufferPointer { keys($0, tokens) }
  }

  /// The distinct feature keys of a post, in order of first occurrence (one allocation: the result).
  static func keys(_ norm: UnsafeBufferPointer<UInt16>, _ tokens: [Token]) -> [UInt64] {
    withDistinctKeys(norm, tokens) { Array($0) }
  }

  /// Calls `body` with the distinct feature keys of a post, in order of first occurrence, in a temporary
  /// buffer (valid only inside `body`). Duplicates are dropped as they are extracted, by a small
  /// open-addressing set. The set and the buffer are two temporary allocations, each at most 1 KiB (so on
  /// the stack) while `occurrenceBound` is at most 85 (a post of some 40 characters): a caller that only
  /// reads the keys then allocates nothing. (`Model.logOdds(_:)` on a document sums without the keys:
  /// `distinctWeightSum`.)
  @inline(__always)
  static func withDistinctKeys<R>(
    _ norm: UnsafeBufferPointer<UInt16>, _ tokens: [Token], _ body: (UnsafeBufferPointer<UInt64>) -> R
  ) -> R {
    let bound = occurrenceBound(norm, tokens)
    let size = setSize(bound)
    let mask = size - 1
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size) { set in
      let base = set.baseAddress!
      // Key 0 is never produced (`FeatureHash.finish`): it marks an empty slot.
      base.initialize(repeating: 0, count: size)
      return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: bound) { buffer in
        let out = buffer.baseAddress!
        var n = 0
        walk(norm, tokens) { key, _, _, _ in
          guard insertKey(key, into: base, mask: mask) else { return }
          out[n] = key
          n &+= 1
        }
        return body(UnsafeBufferPointer(start: out, count: n))
      }
    }
  }

  /// The summed `table` weights of a post's distinct feature keys: `table.sum(of:)` over the keys
  /// `withDistinctKeys` gives, the same additions in the same order. The walk only collects the keys and
  /// asks the processor for the table slot where each lookup will start; the lookups follow in a loop of
  /// their own, by which time those cache lines are on their way. A key the table does not hold adds
  /// nothing wherever it occurs, so only held keys go through the set of keys seen (on the stack up to 85
  /// occurrences, as in `withDistinctKeys`), and a held key's weight is added at its first occurrence.
  @inline(__always)
  static func distinctWeightSum(
    _ norm: UnsafeBufferPointer<UInt16>, _ tokens: [Token], _ table: KeyTable
  ) -> Double {
    let bound = occurrenceBound(norm, tokens)
    let size = setSize(bound)
    let mask = size - 1
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size + bound) { buffer in
      let base = buffer.baseAddress!
      let keys = base + size
      // Key 0 is never produced (`FeatureHash.finish`): it marks an empty slot.
      base.initialize(repeating: 0, count: size)
      var count = 0
      table.withPrefetch { prefetch in
        walk(norm, tokens) { key, _, _, _ in
          keys[count] = key
          count &+= 1
          prefetch(key)
        }
      }
      return table.withProbe { probe in
        var total = 0.0
        for k in 0..<count {
          let key = keys[k]
          let slot = probe.slot(of: key)
          guard slot >= 0, insertKey(key, into: base, mask: mask) else { continue }
          total += probe.weight(atSlot: slot)
        }
        return total
      }
    }
  }

  /// Adds `key` to the open-addressing set at `base` (`mask + 1` slots, a power of two; 0 marks an empty
  /// slot, and `FeatureHash.finish` never gives 0): true when it was not there yet. The set must have an
  /// empty slot (`setSize` keeps it at most two-thirds full).
  @inline(__always)
  static func insertKey(_ key: UInt64, into base: UnsafeMutablePointer<UInt64>, mask: Int) -> Bool {
    var i = Int(truncatingIfNeeded: key &>> 40) & mask
    while true {
      let k = base[i]
      if k == key { return false }
      if k == 0 { break }
      i = (i &+ 1) & mask
    }
    base[i] = key
    return true
  }

  /// Slots of the set `withDistinctKeys` keeps for `bound` occurrences: a power of two, at least 32 and
  /// at least 1.5 × `bound` (so the set is at most two-thirds full even if every occurrence is distinct,
  /// and 128 slots, 1 KiB, up to 85 occurrences).
  @inline(__always)
  static func setSize(_ bound: Int) -> Int {
    var size = 32
    while size < bound &+ bound &>> 1 { size &<<= 1 }
    return size
  }

  /// At least how many feature occurrences `walk` can emit: one word and at most one bigram per unit and
  /// token, the kind features (18) and the length buckets (2).
  @inline(__always)
  static func occurrenceBound(_ norm: UnsafeBufferPointer<UInt16>, _ tokens: [Token]) -> Int {
    norm.count &+ tokens.count &+ 20
  }

  /// The half-octave bucket of a positive count: ⌊log₂ n²⌋ (1 → 0, 2 → 2, 3 → 3, 4–5 → 4, 6–7 → 5, 8–11 → 6…).
  @inline(__always)
  static func lengthBucket(_ n: Int) -> UInt16 {
    UInt16(truncatingIfNeeded: Int.bitWidth - 1 - (n &* n).leadingZeroBitCount)
  }

  /// The counts `lengthBucket` puts in bucket `b`.
  static func lengthRange(_ b: UInt16) -> ClosedRange<Int> {
    func lowest(_ b: Int) -> Int {
      guard b < 62 else { return Int(UInt32.max) }
      var n = Int(Double(1 << b).squareRoot())
      while n * n < 1 << b { n += 1 }
      while n > 1 && (n - 1) * (n - 1) >= 1 << b { n -= 1 }
      return n
    }
    let lo = lowest(Int(b))
    return lo...max(lo, lowest(Int(b) + 1) - 1)
  }

  /// Key of a length feature: the post's UTF-16 units (tag `l`) or its tokens (tag `n`) in bucket `b`.
  @inline(__always)
  static func lengthKey(tokens: Bool, _ b: UInt16) -> UInt64 {
    FeatureHash.finish(FeatureHash.add(FeatureHash.start(tokens ? UInt8(ascii: "n") : UInt8(ascii: "l")), b))
  }

  /// The bucket and counted thing of every length key (buckets 0..<128), made once: finding a key by
  /// hashing every bucket cost some 70 k instructions per length feature of an explained post.
  static let lengthBuckets: [UInt64: (tokens: Bool, bucket: UInt16)] = {
    var buckets: [UInt64: (tokens: Bool, bucket: UInt16)] = [:]
    for b in UInt16(0)..<128 {
      // Units first, as the label search always went: a key shared by both (none is) keeps the first.
      for tokens in [false, true] where buckets[lengthKey(tokens: tokens, b)] == nil {
        buckets[lengthKey(tokens: tokens, b)] = (tokens, b)
      }
    }
    return buckets
  }()

  static func lengthLabel(_ key: UInt64) -> String? {
    guard let (tokens, b) = lengthBuckets[key] else { return nil }
    let range = lengthRange(b)
    let text =
      range.lowerBound == range.upperBound
      ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
    return tokens ? "\(text) 个分词" : "篇幅 \(text) 字"
  }

  /// The distinct features of a post in order of first occurrence, with readable labels.
  public static func details(normalized: [UInt16], tokens: [Token]) -> [FeatureDetail] {
    var seen: Set<UInt64> = []
    var details: [FeatureDetail] = []
    normalized.withUnsafeBufferPointer { norm in
      walk(norm, tokens) { key, kind, normalizedRange, sourceRange in
        guard seen.insert(key).inserted else { return }
        let label: String
        switch kind {
        case .kind: label = kindLabel(key) ?? lengthLabel(key) ?? "?"
        case .word: label = UTF16String.make(UnsafeBufferPointer(rebasing: norm[normalizedRange]))
        case .bigram:
          let folded = norm[normalizedRange].map(digitFolded)
          label = folded.withUnsafeBufferPointer(UTF16String.make)
        }
        details.append(FeatureDetail(key: key, kind: kind, label: label, sourceRange: sourceRange))
      }
    }
    return details
  }

  /// Token kinds that give `kind` features, with their Chinese names.
  static let kindNames: [(TokenKind, String)] = [
    (.price, "价格"), (.percent, "百分比"), (.number, "数字"), (.url, "链接"), (.email, "邮箱"),
    (.contact, "联系方式"), (.emoji, "表情"), (.hashtag, "话题标签"), (.mention, "@提及"),
  ]

  /// Keys of the kind features: present, and present three times or more.
  static let kindKeys: [(present: UInt64, many: UInt64)] = kindNames.map { kind, _ in
    (
      FeatureHash.key(UInt8(ascii: "k"), Array(kind.rawValue.utf16)),
      FeatureHash.key(UInt8(ascii: "k"), Array((kind.rawValue + "+").utf16))
    )
  }

  static func kindLabel(_ key: UInt64) -> String? {
    for (i, keys) in kindKeys.enumerated() {
      if keys.present == key { return kindNames[i].1 }
      if keys.many == key { return "多处" + kindNames[i].1 }
    }
    return nil
  }

  @inline(__always)
  static func kindIndex(_ kind: TokenKind) -> Int? {
    switch kind {
    case .price: 0
    case .percent: 1
    case .number: 2
    case .url: 3
    case .email: 4
    case .contact: 5
    case .emoji: 6
    case .hashtag: 7
    case .mention: 8
    case .word, .punctuation: nil
    }
  }

  /// Whether a token's characters make bigrams: not URLs, e-mail addresses and contacts, whose characters
  /// are noise (their kind features carry them).
  @inline(__always)
  static func chainsBigrams(_ kind: TokenKind) -> Bool {
    switch kind {
    case .word, .punctuation, .emoji, .hashtag, .mention, .number, .price, .percent: true
    case .url, .email, .contact: false
    }
  }

  @inline(__always)
  static func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

  /// Digits read as 0 in bigrams: 99元 and 59元 share the shape 00元, and amounts are not vocabulary.
  @inline(__always)
  static func digitFolded(_ unit: UInt16) -> UInt16 {
    unit >= 0x30 && unit <= 0x39 ? 0x30 : unit
  }

  /// Calls `emit(key, kind, normalizedRange, sourceRange)` for every feature occurrence.
  @inline(__always)
  static func walk(
    _ norm: UnsafeBufferPointer<UInt16>, _ tokens: [Token],
    _ emit: (UInt64, FeatureKind, Range<Int>, Range<Int>) -> Void
  ) {
    var kindCounts = (0, 0, 0, 0, 0, 0, 0, 0, 0)
    var kindFirst = (-1, -1, -1, -1, -1, -1, -1, -1, -1)
    // Bit k: kind k occurs (so that the kind features visit only those).
    var kindsPresent: UInt32 = 0
    // Where the previous character of the adjacent previous token starts (-1: none).
    var previousStart = -1
    var previousEnd = -1
    var previousSourceStart = 0
    // Length: UTF-16 units in tokens, tokens, and the first token (where the length features point).
    var units = 0
    var count = 0
    var firstToken = -1
    for (t, token) in tokens.enumerated() {
      let start = Int(token.normalizedStart)
      let end = Int(token.normalizedEnd)
      guard start < end, end <= norm.count else { continue }
      units &+= end &- start
      count &+= 1
      if firstToken < 0 { firstToken = t }
      if let k = kindIndex(token.kind) {
        kindsPresent |= 1 &<< UInt32(k)
        withUnsafeMutableBytes(of: &kindCounts) { raw in
          raw.bindMemory(to: Int.self)[k] += 1
        }
        withUnsafeMutableBytes(of: &kindFirst) { raw in
          let first = raw.bindMemory(to: Int.self)
          if first[k] < 0 { first[k] = t }
        }
      }
      if token.kind == .word || token.kind == .punctuation || token.kind == .emoji {
        var h = FeatureHash.start(UInt8(ascii: "w"))
        if end == start &+ 1 {
          // One unit (punctuation, a single character): no loop.
          h = FeatureHash.add(h, norm[start])
        } else {
          for i in start..<end { h = FeatureHash.add(h, norm[i]) }
        }
        emit(FeatureHash.finish(h), .word, start..<end, token.sourceRange)
      }
      guard Self.chainsBigrams(token.kind) else {
        previousStart = -1
        continue
      }
      if previousEnd != start { previousStart = -1 }
      var i = start
      while i < end {
        var next = i + 1
        if UTF16.isLeadSurrogate(norm[i]) && next < end && UTF16.isTrailSurrogate(norm[next]) { next += 1 }
        if previousStart >= 0 && !(isDigit(norm[previousStart]) && isDigit(norm[i])) {
          var h = FeatureHash.start(UInt8(ascii: "b"))
          if previousStart &+ 1 == i && next == i &+ 1 {
            // Two single-unit characters (nearly every bigram): no loop.
            h = FeatureHash.add(FeatureHash.add(h, digitFolded(norm[previousStart])), digitFolded(norm[i]))
          } else {
            for j in previousStart..<next { h = FeatureHash.add(h, digitFolded(norm[j])) }
          }
          let sourceStart = previousStart < start ? previousSourceStart : Int(token.sourceStart)
          emit(FeatureHash.finish(h), .bigram, previousStart..<next, sourceStart..<Int(token.sourceEnd))
        }
        previousStart = i
        i = next
      }
      previousEnd = end
      previousSourceStart = Int(token.sourceStart)
    }
    let firsts = kindFirst
    withUnsafeBytes(of: &kindCounts) { raw in
      let counts = raw.bindMemory(to: Int.self)
      var present = kindsPresent
      while present != 0 {
        let k = present.trailingZeroBitCount
        present &= present &- 1
        let first = withUnsafeBytes(of: firsts) { $0.bindMemory(to: Int.self)[k] }
        let token = tokens[first]
        let keys = kindKeys[k]
        emit(keys.present, .kind, token.normalizedRange, token.sourceRange)
        if counts[k] >= 3 { emit(keys.many, .kind, token.normalizedRange, token.sourceRange) }
      }
    }
    if firstToken >= 0 {
      let token = tokens[firstToken]
      emit(lengthKey(tokens: false, lengthBucket(units)), .kind, token.normalizedRange, token.sourceRange)
      emit(lengthKey(tokens: true, lengthBucket(count)), .kind, token.normalizedRange, token.sourceRange)
    }
  }
}
