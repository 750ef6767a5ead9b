import SiyuCore
import SiyuText

/// `hard-sell/bulk-message`: the marks of a commercial bulk text message: an unsubscribe instruction
/// (回T退订, 退订回TD, 拒收请回复R) and a sender signature in 【】 ending a line of text.
public struct BulkMessageRule: AppendingRule {
  public static let description = RuleDescription(
    id: "hard-sell/bulk-message",
    defaultLevel: .warning,
    summary: """
      The marks of a commercial bulk text message: an unsubscribe instruction (回T退订, 退订回TD, \
      拒收请回复R) and a sender signature in 【】 that ends a line of text (…欢迎惠顾【某某商城】).
      """,
    rationale: """
      Chinese rules for text-message services require a commercial message to tell the recipient how \
      to refuse further ones (回T退订), and SMS gateways put the sender's name in 【】; person-to-person \
      messages and posts carry neither. A post with them was written as a bulk ad and pasted into the \
      moments or a group. Like the other cues it takes a second kind of cue to make a post hard-sell \
      (a value post may explain how to unsubscribe); measured on SMS ads, more points would flag almost \
      no ad that a second cue does not already catch. A 【】 heading on a line of its own (【今日分享】) \
      is not a signature.
      """,
    points: 2.5,
    triggering: [
      "周末会员日全场8折，回T退订", "新品到店，退订回TD", "拒收请回复R", "本周六会员日，欢迎惠顾【青禾生活馆】",
      "回复 TD 退订",
    ],
    nonTriggering: [
      "【今日分享】\n早睡早起身体好", "我已经退订了那个会员", "垃圾短信怎么退订？打运营商客服问问", "【通知】明天停水一天",
      "回家路上",
    ],
    marksCueWords: true
  )

  /// Longest unsubscribe code (T, TD, R, N, 0000).
  static let maximumCode = 4
  /// Characters a signature may have inside 【】.
  static let signatureLength = 2...12

  public init() {}

  public func check(_ document: Document, into hits: inout [RuleHit]) {
    let characters = TextInventory.read(document) { $0.characters }
    guard characters.contains(.unsubscribe) || characters.contains(.closingBracket) else { return }
    let text = document.normalized
    let first = hits.count
    for range in characters.contains(.unsubscribe) ? unsubscribeInstructions(text) : [] {
      let source = document.sourceRange(ofNormalized: range)
      hits.append(
        RuleHit(
          range: source,
          ruleMessage: RuleMessage(
            quoting: source, of: document, between: "群发短信的退订提示「", and: "」，这是商业群发短信的格式；私域帖子是写给熟人看的，不用这种格式")))
    }
    for range in characters.contains(.closingBracket) ? signatures(text) : [] {
      let source = document.sourceRange(ofNormalized: range)
      hits.append(
        RuleHit(
          range: source,
          ruleMessage: RuleMessage(
            quoting: source, of: document, between: "群发短信的署名「", and: "」，像从商业短信里直接搬来的；私域帖子以自己的口吻说话，不用落款署名")))
    }
    if hits.count - first > 1 { hits[first...].sort { $0.range.lowerBound < $1.range.lowerBound } }
  }

  /// 回(复) CODE 退订/拒收 and 退订/拒收 (请)回(复) CODE, with an ASCII code of 1 to 4 letters or digits.
  private func unsubscribeInstructions(_ text: [UInt16]) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var i = 0
    while i + 1 < text.count {
      defer { i += 1 }
      let isUnsubscribe =
        (text[i] == 0x9000 && text[i + 1] == 0x8BA2) || (text[i] == 0x62D2 && text[i + 1] == 0x6536)  // 退订 拒收
      guard isUnsubscribe else { continue }
      // Backward: 回(复) CODE before it.
      var start = i
      while start > 0 && text[start - 1] == 0x20 { start -= 1 }
      let codeEnd = start
      while start > 0 && codeEnd - start < Self.maximumCode && isCodeUnit(text[start - 1]) { start -= 1 }
      if start < codeEnd && (start == 0 || !isCodeUnit(text[start - 1])) {
        while start > 0 && text[start - 1] == 0x20 { start -= 1 }
        if start > 0 && text[start - 1] == 0x590D { start -= 1 }  // 复
        if start > 0 && text[start - 1] == 0x56DE {  // 回
          found.append((start - 1)..<(i + 2))
          continue
        }
      }
      // Forward: (请)回(复) CODE after it.
      var j = i + 2
      if j < text.count && (text[j] == 0x20 || text[j] == 0x2C) { j += 1 }
      if j < text.count && text[j] == 0x8BF7 { j += 1 }  // 请
      guard j < text.count && text[j] == 0x56DE else { continue }  // 回
      j += 1
      if j < text.count && text[j] == 0x590D { j += 1 }  // 复
      while j < text.count && (text[j] == 0x20 || text[j] == 0x3A) { j += 1 }
      let code = j
      while j < text.count && j - code < Self.maximumCode && isCodeUnit(text[j]) { j += 1 }
      if j > code && (j == text.count || !isCodeUnit(text[j])) {
        found.append(i..<j)
        i = j - 1
      }
    }
    return found
  }

  /// 【NAME】 ending a line that has other text before it.
  private func signatures(_ text: [UInt16]) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var i = 0
    while i < text.count {
      guard text[i] == 0x3011 else {  // 】
        i += 1
        continue
      }
      var end = i + 1
      while end < text.count && (text[end] == 0x20 || text[end] == 0x09) { end += 1 }
      guard end == text.count || text[end] == 0x0A || text[end] == 0x0D else {
        i += 1
        continue
      }
      var open = i - 1
      while open >= 0 && text[open] != 0x3010 && text[open] != 0x3011 && text[open] != 0x0A { open -= 1 }
      guard open >= 0, text[open] == 0x3010, Self.signatureLength.contains(i - open - 1) else {
        i += 1
        continue
      }
      var before = open - 1
      while before >= 0 && (text[before] == 0x20 || text[before] == 0x09) { before -= 1 }
      if before >= 0 && text[before] != 0x0A && text[before] != 0x0D { found.append(open..<(i + 1)) }
      i += 1
    }
    return found
  }

  /// ASCII letters and digits (the text is normalized to lower case).
  private func isCodeUnit(_ unit: UInt16) -> Bool {
    (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7A)
  }
}
