import SiyuCore
import SiyuText

/// `hard-sell/contact`: contact details and contact pushes, including obfuscated ones (薇信, vx, ➕V,
/// V❤, 微.信, digits written ①③⑧ or 一三八).
public struct ContactRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/contact",
    defaultLevel: .warning,
    summary: """
      Contact details and pushes to add one (加微信, phone numbers, ids), including obfuscated spellings: \
      薇信, vx, ➕V, V❤, 微.信, and digits written ①③⑧, full width, with separators or as Chinese numerals.
      """,
    rationale: """
      Posting a WeChat id or phone number in every post, or asking readers to add one, is what an ad \
      blast does; platforms also down-rank it and recognise the disguised spellings. Followers already \
      know how to reach you: put contact details in the profile, and let posts earn the message.
      """,
    points: 3.0,
    triggering: [
      "加我微信 abc12345", "有需要加薇信", "vx: shop_8888", "➕V了解", "微.信同号", "电话13812345678",
      "联系我：①③⑧①②③④⑤⑥⑦⑧", "一三八一二三四五六七八", "加ν信", "电话 138****5678", "门店在人民路88号",
      "详情请致电", "微.信：lily2024", "微❤信 abc12345",
    ],
    nonTriggering: [
      "今天天气很好", "微信支付很方便", "家长要在孩子面前树立威信", "2023年我们卖了123456件", "一二三四五六七",
      "打电话问了一下", "坐3路车回家", "人民路上人很多",
    ],
    marksCueWords: true
  )

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    // The test alone first, in a closure small enough to be inlined: most posts have no contact of any
    // shape, and the rule then makes no call.
    guard
      document.withAnalysis(
        CueScan.self,
        { scan in
          scan.inventory.contacts > 0 || scan.contains(.contact) || scan.containsObfuscated(.contact)
            || !scan.maskedRuns.isEmpty || scan.inventory.characters.contains(.houseNumber)
            || scan.inventory.digitValued >= 11 || document.deobfuscated.hasChanges
        })
    else { return }
    document.withAnalysis(CueScan.self) { scan in
      let inventory = scan.inventory
      var ranges: [Range<Int>] = []
      var disguised: [Range<Int>] = []
      if inventory.contacts > 0 {
        for token in document.tokens where token.kind == .contact {
          ranges.append(token.sourceRange)
        }
      }
      for match in scan.matches(.contact) {
        if isWeak(match) && !hasContactContext(match, document) { continue }
        ranges.append(withFollowingID(match, document))
      }
      for match in scan.obfuscatedMatches(.contact) {
        if isWeak(match) && !hasContactContext(match, document) { continue }
        let range = withFollowingID(match, document)
        ranges.append(range)
        disguised.append(range)
      }
      for cueAndID in document.deobfuscated.disguisedContactIDs() {
        let range = document.sourceRange(ofNormalized: document.deobfuscated.normalizedRange(cueAndID))
        ranges.append(range)
        disguised.append(range)
      }
      // Most posts have no masked digits: skip the call and its empty result.
      if !scan.maskedRuns.isEmpty {
        for masked in NumberShapes.maskedPhones(in: document.normalized, masked: scan.maskedRuns) {
          ranges.append(document.sourceRange(ofNormalized: masked))
        }
      }
      if inventory.characters.contains(.houseNumber) {
        for address in streetAddresses(document.normalized) {
          ranges.append(document.sourceRange(ofNormalized: address))
        }
      }
      if inventory.digitValued >= 11 {
        for phone in disguisedPhoneNumbers(document) {
          ranges.append(phone)
          disguised.append(phone)
        }
      }
      for range in HitMerging.merged(ranges, in: document) {
        let message =
          disguised.contains(where: { range.overlaps($0) })
          ? RuleMessage(
            quoting: range, of: document, between: "变形写法的联系方式「", and: "」，平台照样识别，还显得在躲审核；联系方式放在个人资料里")
          : RuleMessage(
            quoting: range, of: document, between: "联系方式「", and: "」，条条留联系方式像广告；放在个人资料里，让内容本身吸引人来问")
        hits.append(RuleHit(range: range, ruleMessage: message))
      }
    }
  }

  /// Whether `match` is a weak cue (威信), which counts only in a contact context. The lexicon is read
  /// here, per match, not once per post: most posts have no match.
  private func isWeak(_ match: KindMatch) -> Bool {
    CueList.contact.lexicon.field(of: match) == "weak"
  }

  /// `match` extended over an id written right after it (`V.X：tea_lover88`): 5 or more letters, digits,
  /// `_` or `-`, after an optional 信 and optional spaces, colons or plus signs.
  private func withFollowingID(_ match: KindMatch, _ document: Document) -> Range<Int> {
    let text = document.normalized
    var after = match.normalizedRange.upperBound
    // 加v + 信：abc8899 (the cue list has 加v, the segmenter keeps 信 apart), 加薇信 ➕ mm1234.
    if after < text.count && text[after] == 0x4FE1 { after += 1 }  // 信
    while after < text.count
      && (text[after] == 0x20 || text[after] == 0x3A || text[after] == 0x2B || text[after] == 0x2795)
    {
      after += 1
    }
    var end = after
    while end < text.count, isIDUnit(text[end]) { end += 1 }
    guard end - after >= 5 else { return match.sourceRange }
    let id = document.sourceRange(ofNormalized: after..<end)
    return match.sourceRange.lowerBound..<max(match.sourceRange.upperBound, id.upperBound)
  }

  /// A weak cue (威信) counts after 加 or + or before an id or a long number.
  private func hasContactContext(_ match: KindMatch, _ document: Document) -> Bool {
    let text = document.normalized
    var before = match.normalizedRange.lowerBound - 1
    while before >= 0 && (text[before] == 0x20 || text[before] == 0x3A) { before -= 1 }
    if before >= 0 && (text[before] == 0x52A0 || text[before] == 0x2B) { return true }
    var after = match.normalizedRange.upperBound
    while after < text.count && (text[after] == 0x20 || text[after] == 0x3A || text[after] == 0x2C) {
      after += 1
    }
    var run = 0
    while after + run < text.count, isIDUnit(text[after + run]) { run += 1 }
    return run >= 5
  }

  private func isIDUnit(_ unit: UInt16) -> Bool {
    (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7A) || unit == 0x5F || unit == 0x2D
  }

  /// Street addresses: 路, 街, 道, 巷 or 弄, a house number of 1 to 5 digits (or masks), 号 (人民路88号),
  /// with up to two characters of the street's name before.
  private func streetAddresses(_ text: [UInt16]) -> [Range<Int>] {
    var found: [Range<Int>] = []
    for i in text.indices where text[i] == 0x53F7 {  // 号
      var start = i
      while start > 0 && i - start < 5 && NumberShapes.isDigitLike(text[start - 1]) { start -= 1 }
      guard start < i, start > 0, "路街道巷弄".utf16.contains(text[start - 1]) else { continue }
      start -= 1
      var name = 0
      while name < 2 && start > 0 && (0x4E00...0x9FFF).contains(text[start - 1]) {
        start -= 1
        name += 1
      }
      found.append(start..<(i + 1))
    }
    return found
  }

  /// Mobile numbers (1[3-9] + 9 digits) in the de-obfuscated view written with Chinese numerals, dingbat
  /// digits or separators between the digits; plain ones are already contact tokens.
  private func disguisedPhoneNumbers(_ document: Document) -> [Range<Int>] {
    let view = document.deobfuscated
    var found: [Range<Int>] = []
    var i = 0
    let units = view.units
    while i < units.count {
      guard DeobfuscatedText.digitValue(units[i]) != nil else {
        i += 1
        continue
      }
      var j = i
      var ascii = true
      while j < units.count, DeobfuscatedText.digitValue(units[j]) != nil {
        if units[j] > 0x39 { ascii = false }
        j += 1
      }
      let run = i..<j
      if run.count == 11, DeobfuscatedText.digitValue(units[i]) == 1,
        let second = DeobfuscatedText.digitValue(units[i + 1]), second >= 3,
        !ascii || view.isChanged(run)
      {
        found.append(document.sourceRange(ofNormalized: view.normalizedRange(run)))
      }
      i = j
    }
    return found
  }
}
