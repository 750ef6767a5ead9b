import SiyuCore

/// Number shapes found on the normalized text, including digits masked as `x` or `*` (privacy-masked
/// exports write 138****5678; some datasets mask every digit as x).
enum NumberShapes {
  /// Whether `unit` is a digit or a digit mask (`x`, `*`).
  static func isDigitLike(_ unit: UInt16) -> Bool {
    (unit >= 0x30 && unit <= 0x39) || unit == 0x78 || unit == 0x2A
  }

  static func isASCIILetter(_ unit: UInt16) -> Bool {
    (unit >= 0x61 && unit <= 0x7A) || (unit >= 0x41 && unit <= 0x5A)
  }

  /// Runs of digits and masks (with `.` inside), not touching ASCII letters, that contain at least one
  /// mask: plain numbers are the segmenter's business.
  static func maskedRuns(in text: [UInt16]) -> [Range<Int>] {
    text.withUnsafeBufferPointer { maskedRuns(in: $0) }
  }

  private static func maskedRuns(in text: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var i = 0
    while i < text.count {
      guard isDigitLike(text[i]) else {
        i += 1
        continue
      }
      var j = i
      var masked = false
      while j < text.count,
        isDigitLike(text[j]) || (text[j] == 0x2E && j + 1 < text.count && isDigitLike(text[j + 1]) && j > i)
      {
        if text[j] == 0x78 || text[j] == 0x2A { masked = true }
        j += 1
      }
      let touchesLetter = (i > 0 && isASCIILetter(text[i - 1])) || (j < text.count && isASCIILetter(text[j]))
      if masked && !touchesLetter {
        // A text with one masked run mostly has several (a masked phone number is two or three): room
        // for them at once, where growing one by one reallocated at the second, third and fifth.
        if runs.isEmpty { runs.reserveCapacity(8) }
        runs.append(i..<j)
      }
      i = j
    }
    return runs
  }

  /// Masked phone-like numbers: 7 or more digits and masks, groups joined by single spaces or hyphens
  /// (xxxx-xxxxxxx, 138****5678). `masked` is `maskedRuns(in: text)`.
  static func maskedPhones(in text: [UInt16], masked: [Range<Int>]) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var runs = masked[...]
    while let first = runs.popFirst() {
      var range = first
      var digits = first.count
      while let next = runs.first, next.lowerBound == range.upperBound + 1,
        text[range.upperBound] == 0x20 || text[range.upperBound] == 0x2D
      {
        range = range.lowerBound..<next.upperBound
        digits += next.count
        runs.removeFirst()
      }
      if digits >= 7 { found.append(range) }
    }
    return found
  }

  /// Price units after a number: 元 块 折 万 千.
  static func isPriceUnit(_ unit: UInt16) -> Bool {
    unit == 0x5143 || unit == 0x5757 || unit == 0x6298 || unit == 0x4E07 || unit == 0x5343
  }

  /// Masked prices: a masked run followed by a price unit (xxx元, x.x折) or preceded by ¥. `masked` is
  /// `maskedRuns(in: text)`.
  static func maskedPrices(in text: [UInt16], masked: [Range<Int>]) -> [Range<Int>] {
    masked.compactMap { run in
      // A lone mask before 元 is too often a letter (iPhone X元旦); x折 is a masked discount.
      let isDiscount = run.upperBound < text.count && text[run.upperBound] == 0x6298
      if run.count < 2 && !isDiscount { return nil }
      if run.upperBound < text.count && isPriceUnit(text[run.upperBound]) {
        return run.lowerBound..<(run.upperBound + 1)
      }
      if run.lowerBound > 0 && (text[run.lowerBound - 1] == 0xA5 || text[run.lowerBound - 1] == 0xFFE5) {
        return (run.lowerBound - 1)..<run.upperBound
      }
      return nil
    }
  }

  /// Digits, masks and Chinese numerals (三千, 两百) as they appear in offers.
  static func isOfferNumber(_ unit: UInt16) -> Bool {
    if isDigitLike(unit) || unit == 0x2E { return true }
    switch unit {
    case 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
      0x767E, 0x5343, 0x4E07:
      return true  // 零 一 二 两 三 四 五 六 七 八 九 十 百 千 万
    default:
      return false
    }
  }

  /// Offers of the shape `满/买/充/存 N 减/送/赠/返 M` or `N 送 M` (满199减30, 买二送一, 充三千送六百,
  /// 100送20) and price drops written `N→M` (149→79), with plain, masked or Chinese numerals.
  static func offers(in text: [UInt16]) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var i = 0
    while i + 3 < text.count {
      defer { i += 1 }
      let lead = text[i]
      let isVerb = lead == 0x6EE1 || lead == 0x4E70 || lead == 0x5145 || lead == 0x5B58  // 满 买 充 存
      let isNumber = isDigitLike(lead)
      guard isVerb || isNumber else { continue }
      var j = i + (isVerb ? 1 : 0)
      let numberStart = j
      while j < text.count && isOfferNumber(text[j]) { j += 1 }
      guard j > numberStart, j < text.count else { continue }
      var k: Int
      if text[j] == 0x51CF || text[j] == 0x9001 || text[j] == 0x8D60 || (isVerb && text[j] == 0x8FD4) {
        k = j + 1  // 减 送 赠 (返 only after a verb)
      } else if isNumber, text[j] == 0x2192 || (text[j] == 0x2D && j + 1 < text.count && text[j + 1] == 0x3E)
      {
        k = j + (text[j] == 0x2192 ? 1 : 2)  // → or ->
        if k < text.count && text[k] == 0x20 { k += 1 }
      } else {
        if isNumber { i = j - 1 }
        continue
      }
      let secondStart = k
      while k < text.count && isOfferNumber(text[k]) { k += 1 }
      guard k > secondStart else { continue }
      // An arrow between small numbers is a count (3→5人), not a price drop.
      if isNumber && (j - numberStart < 2 || k - secondStart < 2) { continue }
      found.append(i..<k)
      i = k - 1
    }
    return found
  }

  /// Joiners of a price range: `-` `~` (full-width forms are normalized to these), `〜` `–` `—` `至` `到`.
  static func isRangeJoiner(_ unit: UInt16) -> Bool {
    unit == 0x2D || unit == 0x7E || unit == 0x301C || unit == 0x2013 || unit == 0x2014 || unit == 0x81F3
      || unit == 0x5230
  }

  /// Letters, digits and ideographs: what may not follow the far end of a price range.
  private static func isWordLike(_ unit: UInt16) -> Bool {
    (unit >= 0x30 && unit <= 0x39) || isASCIILetter(unit) || (unit >= 0x3400 && unit < 0xA000)
  }

  /// `price` (a price token's normalized range) grown to the whole price range it belongs to: ¥99-129,
  /// 99~129元, ¥99 至 ¥129, 5折到8折. The other end is digits (with `.`), optionally after ¥, with the
  /// same unit (元 or 块, or 折 for a discount) or none;
  /// a joiner with no number on its other side (99元到手) leaves the range as it is.
  static func priceRange(extending price: Range<Int>, in text: [UInt16]) -> Range<Int> {
    func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
    func isYuanSign(_ unit: UInt16) -> Bool { unit == 0xA5 || unit == 0xFFE5 }
    func skipSpace(_ i: Int, by step: Int) -> Int {
      var i = i
      while i >= 0 && i < text.count && text[i] == 0x20 { i += step }
      return i
    }
    var lower = price.lowerBound
    var upper = price.upperBound
    // Forward: JOINER [¥] DIGITS [元|块].
    var j = skipSpace(upper, by: 1)
    if j < text.count && isRangeJoiner(text[j]) {
      var k = skipSpace(j + 1, by: 1)
      if k < text.count && isYuanSign(text[k]) { k += 1 }
      let digitsStart = k
      while k < text.count && (isDigit(text[k]) || (text[k] == 0x2E && k > digitsStart)) { k += 1 }
      if k > digitsStart && isDigit(text[k - 1]) {
        // The far end takes the same kind of unit: 元 or 块 for an amount, 折 for a discount (5折到8折);
        // a discount needs its 折, and a number followed by another word (99元到12点) is no price.
        let discount = text[upper - 1] == 0x6298
        if k < text.count && (discount ? text[k] == 0x6298 : (text[k] == 0x5143 || text[k] == 0x5757)) {
          upper = k + 1
        } else if !discount && (k == text.count || !isWordLike(text[k])) {
          upper = k
        }
      }
    }
    // Backward: [¥] DIGITS JOINER.
    j = skipSpace(lower - 1, by: -1)
    if j >= 0 && isRangeJoiner(text[j]) {
      var k = skipSpace(j - 1, by: -1)
      let digitsEnd = k
      while k >= 0 && (isDigit(text[k]) || (text[k] == 0x2E && k < digitsEnd)) { k -= 1 }
      if k < digitsEnd && isDigit(text[k + 1]) {
        if k >= 0 && isYuanSign(text[k]) { k -= 1 }
        lower = k + 1
      }
    }
    return lower..<upper
  }
}
