/// Finds spans of normalized text that must stay one token whatever the word breaker says: URLs, e-mail
/// addresses, `@mentions`, `#hashtags#`, phone numbers and contact ids written after a contact cue.
///
/// Works on NFKC-normalized, lower-cased UTF-16 (full-width ＠＃ are already ASCII).
struct SpecialSpanScanner {
  struct Span: Equatable {
    var start: Int
    var end: Int
    var kind: TokenKind
  }

  /// Top-level domains accepted for URLs written without a scheme or `www.`.
  private static let bareDomainSuffixes: Set<String> = [
    "com", "cn", "net", "org", "cc", "me", "io", "top", "vip", "shop", "xyz", "info", "co", "tv", "club",
    "site", "store", "link", "ly", "gl",
  ]
  /// Words after which an ASCII id or a digit run is a contact id (normalized, lower-cased).
  private static let contactCues: [[UInt16]] = [
    "微信号", "微信", "vx", "wx", "v信", "weixin", "wechat", "qq号", "qq", "企微", "手机号", "电话", "tel",
  ].map { Array($0.utf16) }

  /// First units of the contact cues, to skip the cue comparison for almost every character.
  static let cueFirstUnits: SegmentationRules.UnitSet = {
    var set = SegmentationRules.UnitSet(nil)
    for cue in contactCues { set.insert(cue[0]) }
    return set
  }()

  @inline(__always) private static func isASCIIAlnum(_ u: UInt16) -> Bool {
    (u >= 0x30 && u <= 0x39) || (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A)
  }
  @inline(__always) private static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
  @inline(__always) private static func isURLChar(_ u: UInt16) -> Bool {
    guard u > 0x20 && u < 0x7F else { return false }
    switch u {
    case 0x22, 0x27, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return false  // " ' < > \ ^ ` { | }
    default: return true
    }
  }
  @inline(__always) private static func isEmailLocal(_ u: UInt16) -> Bool {
    isASCIIAlnum(u) || u == 0x2E || u == 0x5F || u == 0x25 || u == 0x2B || u == 0x2D
  }
  @inline(__always) private static func isDomainChar(_ u: UInt16) -> Bool {
    isASCIIAlnum(u) || u == 0x2E || u == 0x2D
  }
  /// Letters, digits, CJK (including the supplementary planes, as surrogate pairs), `_` and `-`: what a
  /// WeChat nickname in a mention is made of.
  @inline(__always) private static func isNameChar(_ u: UInt16) -> Bool {
    isASCIIAlnum(u) || u == 0x5F || u == 0x2D || (u >= 0x3400 && u < 0xA000) || (u >= 0xF900 && u < 0xFB00)
      || (u >= 0xD840 && u < 0xD8C0) || (u >= 0xDC00 && u < 0xE000)
  }
  @inline(__always) private static func isSpace(_ u: UInt16) -> Bool {
    u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0x3000
  }

  /// Appends the special spans of `text` to `spans`, sorted and non-overlapping.
  func scan(_ text: UnsafeBufferPointer<UInt16>, into spans: inout [Span]) {
    let n = text.count
    var i = 0
    while i < n {
      let u = text[i]
      if u >= 0x80 {
        if Self.cueFirstUnits.contains(u), let end = contactAfterCue(text, cueAt: i) {
          spans.append(end)
          i = end.end
        } else {
          i += 1
        }
        continue
      }
      let wordStart = i == 0 || !(Self.isASCIIAlnum(text[i - 1]) || text[i - 1] == 0x2E)
      if u == 0x40 {  // @
        if let span = mention(text, at: i) {
          spans.append(span)
          i = span.end
          continue
        }
      } else if u == 0x23 {  // #
        if let span = hashtag(text, at: i) {
          spans.append(span)
          i = span.end
          continue
        }
      } else if Self.isASCIIAlnum(u) && wordStart {
        if let span = url(text, at: i) ?? email(text, at: i) ?? phone(text, at: i)
          ?? contactAfterCue(text, cueAt: i)
        {
          spans.append(span)
          i = span.end
          continue
        }
      }
      i += 1
    }
  }

  private func hasPrefix(_ text: UnsafeBufferPointer<UInt16>, _ i: Int, _ prefix: String) -> Bool {
    var j = i
    for unit in prefix.utf16 {
      guard j < text.count, text[j] == unit else { return false }
      j += 1
    }
    return true
  }

  private func url(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Span? {
    let n = text.count
    let explicit =
      hasPrefix(text, i, "http://") || hasPrefix(text, i, "https://") || hasPrefix(text, i, "www.")
    var j = i
    if explicit {
      while j < n && Self.isURLChar(text[j]) { j += 1 }
    } else {
      // host.tld[/path]: needs a dot and a known top-level domain.
      while j < n && Self.isDomainChar(text[j]) { j += 1 }
      var host = j
      while host > i && (text[host - 1] == 0x2E || text[host - 1] == 0x2D) { host -= 1 }
      guard let dot = (i..<host).last(where: { text[$0] == 0x2E }), dot > i else { return nil }
      let tld = String(decoding: UnsafeBufferPointer(rebasing: text[(dot + 1)..<host]), as: UTF16.self)
      guard Self.bareDomainSuffixes.contains(tld) else { return nil }
      if j < n && text[j] == 0x40 { return nil }  // part of an e-mail address
      j = host
      if j < n && text[j] == 0x2F {  // path
        while j < n && Self.isURLChar(text[j]) { j += 1 }
      }
    }
    // Trailing sentence punctuation is not part of the URL.
    while j > i {
      let last = text[j - 1]
      if last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F
        || last == 0x29
      {
        j -= 1
      } else {
        break
      }
    }
    return j - i > 4 ? Span(start: i, end: j, kind: .url) : nil
  }

  private func email(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Span? {
    let n = text.count
    var j = i
    while j < n && Self.isEmailLocal(text[j]) { j += 1 }
    guard j > i, j < n, text[j] == 0x40 else { return nil }
    var k = j + 1
    while k < n && Self.isDomainChar(text[k]) { k += 1 }
    while k > j + 1 && (text[k - 1] == 0x2E || text[k - 1] == 0x2D) { k -= 1 }
    guard let dot = (j + 1..<k).last(where: { text[$0] == 0x2E }), dot > j + 1, k - dot > 2 else {
      return nil
    }
    return Span(start: i, end: k, kind: .email)
  }

  private func mention(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Span? {
    if i > 0 && Self.isEmailLocal(text[i - 1]) { return nil }
    var j = i + 1
    while j < text.count && j - i <= 20 && Self.isNameChar(text[j]) { j += 1 }
    // Never end between the two halves of a surrogate pair.
    if j < text.count && UTF16.isTrailSurrogate(text[j]) && j > i + 1 { j -= 1 }
    while j > i + 1 && UTF16.isLeadSurrogate(text[j - 1]) { j -= 1 }
    return j > i + 1 ? Span(start: i, end: j, kind: .mention) : nil
  }

  private func hashtag(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Span? {
    var j = i + 1
    while j < text.count && j - i <= 40 {
      let u = text[j]
      if u == 0x23 { return j > i + 1 ? Span(start: i, end: j + 1, kind: .hashtag) : nil }
      if Self.isSpace(u) { return nil }
      j += 1
    }
    return nil
  }

  /// Mobile (1[3-9] and 9 more digits, optionally grouped 3-4-4 with spaces or hyphens), mainland landline
  /// (0xx-xxxxxxxx) and 400/800 service numbers, not inside a longer digit run.
  private func phone(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Span? {
    let n = text.count
    guard Self.isDigit(text[i]) else { return nil }
    var digits = 0
    var j = i
    var lastDigitEnd = i
    var first: [UInt16] = []
    while j < n && digits < 12 {
      let u = text[j]
      if Self.isDigit(u) {
        digits += 1
        if first.count < 4 { first.append(u) }
        j += 1
        lastDigitEnd = j
      } else if (u == 0x20 || u == 0x2D) && j + 1 < n && Self.isDigit(text[j + 1]) && j > i {
        j += 1
      } else {
        break
      }
    }
    if lastDigitEnd < n && Self.isDigit(text[lastDigitEnd]) { return nil }
    let mobile = digits == 11 && first[0] == 0x31 && first[1] >= 0x33
    let service =
      digits == 10 && (first[0] == 0x34 || first[0] == 0x38) && first[1] == 0x30 && first[2] == 0x30
    let landline =
      (digits == 11 || digits == 12) && first[0] == 0x30
      && ((i + 3 < n && text[i + 3] == 0x2D) || (i + 4 < n && text[i + 4] == 0x2D))
    guard mobile || service || landline else { return nil }
    return Span(start: i, end: lastDigitEnd, kind: .contact)
  }

  /// An ASCII id (letter first, 6–20 of letters, digits, `_`, `-`) or a 5–12 digit number right after a
  /// contact cue such as 微信 or vx, optionally after `:` or a space.
  func contactAfterCue(_ text: UnsafeBufferPointer<UInt16>, cueAt i: Int) -> Span? {
    let n = text.count
    var after = -1
    for cue in Self.contactCues where i + cue.count <= n && text[i] == cue[0] {
      var matches = true
      for (k, unit) in cue.enumerated() where text[i + k] != unit {
        matches = false
        break
      }
      if matches {
        after = i + cue.count
        break
      }
    }
    guard after >= 0 else { return nil }
    if Self.isASCIIAlnum(text[i]) && i > 0 && Self.isASCIIAlnum(text[i - 1]) { return nil }
    var j = after
    while j < n && (text[j] == 0x3A || text[j] == 0x20 || text[j] == 0xFF1A) { j += 1 }
    let start = j
    guard start < n, Self.isASCIIAlnum(text[start]) else { return nil }
    while j < n && (Self.isASCIIAlnum(text[j]) || text[j] == 0x5F || text[j] == 0x2D) && j - start <= 20 {
      j += 1
    }
    if j < n && Self.isASCIIAlnum(text[j]) { return nil }
    let length = j - start
    let allDigits = (start..<j).allSatisfy { Self.isDigit(text[$0]) }
    let startsWithLetter = !Self.isDigit(text[start])
    guard (allDigits && length >= 5 && length <= 12) || (startsWithLetter && length >= 6) else { return nil }
    return Span(start: start, end: j, kind: .contact)
  }
}
