import CICU
import Foundation
import Testing

@testable import SiyuText

/// Segments `text` and returns (source text, kind) per token.
private func segment(_ text: String, _ segmenter: Segmenter? = nil) throws -> [(String, TokenKind)] {
  let s = try segmenter ?? Segmenter()
  let units = Array(text.utf16)
  return s.tokens(of: text).map { token in
    (String(decoding: units[token.sourceRange], as: UTF16.self), token.kind)
  }
}

private func texts(_ text: String) throws -> [String] { try segment(text).map(\.0) }

/// Checks the invariants every segmentation must keep: tokens in order, inside the text, not overlapping,
/// and everything between tokens is whitespace or an invisible format character.
private func checkInvariants(_ text: String, _ tokens: [Token]) {
  let units = Array(text.utf16)
  var position = 0
  for token in tokens {
    #expect(token.sourceStart >= position, "token starts before the previous one ends")
    #expect(token.sourceEnd > token.sourceStart)
    #expect(Int(token.sourceEnd) <= units.count)
    let gap = String(decoding: units[position..<Int(token.sourceStart)], as: UTF16.self)
    #expect(
      gap.unicodeScalars.allSatisfy {
        $0.properties.isWhitespace || $0.properties.generalCategory == .format
      },
      "non-space text \(gap.debugDescription) was dropped")
    position = Int(token.sourceEnd)
  }
  let tail = String(decoding: units[position...], as: UTF16.self)
  #expect(
    tail.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.properties.generalCategory == .format })
}

@Suite struct SegmenterTests {
  /// Lexicon keys normalized all at once equal the same words normalized one by one: for every built-in
  /// segmentation word and for words where normalization changes length, case, script or composition.
  @Test func lexiconKeysNormalizedTogetherEqualOneByOne() {
    let normalizer = Normalizer()
    func key(_ word: String) -> [UInt16] {
      Array(word.utf16).withUnsafeBufferPointer { normalizer.normalize($0) }
      return normalizer.units
    }
    let tricky = [
      "ＶＸ", "微信號", "ΣΑΣ", "e\u{0301}", "\u{0301}a", "\u{1100}", "\u{1161}", "ﬁ", "㎏", "①②", "𠮷野家", "Ａ", "",
    ]
    let words = Segmenter.builtinWordLexicons().flatMap(\.words) + tricky
    let together = Segmenter.normalizedKeys(words, normalizer, key)
    #expect(together == words.map(key))
    // A word with a line feed cannot be split back: normalized one by one instead.
    #expect(Segmenter.normalizedKeys(["甲\n乙", "ＡＢ"], normalizer, key) == [key("甲\n乙"), key("ＡＢ")])
  }

  @Test(arguments: [
    ("我们做私域已经三年了", "私域"),
    ("加我微信聊聊", "微信"),
    ("今晚八点秒杀开始", "秒杀"),
    ("这次限时供应", "限时"),
    ("大家扫码看看", "扫码"),
    ("家人们早上好", "家人们"),
    ("宝子们看过来", "宝子们"),
    ("数量不多手慢无", "手慢无"),
    ("私域流量怎么做", "私域流量"),
  ])
  func domainWordsComeOutWhole(sentence: String, word: String) throws {
    let result = try texts(sentence)
    #expect(result.contains(word), "\(result)")
  }

  @Test(arguments: [
    ("2001年新年", "2001年", TokenKind.number),
    ("只要99元", "99元", .price),
    ("原价¥399", "¥399", .price),
    ("全场3.8折", "3.8折", .price),
    ("降了50%左右", "50%", .percent),
    ("二○○一年十二月三十一日", "二○○一年", .number),
    ("二○○一年十二月三十一日", "三十一日", .number),
    ("￥１２９元包邮", "￥１２９元", .price),
  ])
  func numbersStayWhole(sentence: String, token: String, kind: TokenKind) throws {
    let result = try segment(sentence)
    #expect(result.contains { $0.0 == token && $0.1 == kind }, "\(result)")
  }

  /// Word break joins digits across `,` `，` and `;` (UAX #29's MidNum); only thousands grouping stays one
  /// number.
  @Test func numbersSplitAtClauseCommasButNotThousands() throws {
    #expect(try texts("¥129，11号见") == ["¥129", "，", "11号", "见"])
    #expect(try texts("3.5,4.5") == ["3.5", ",", "4.5"])
    #expect(try texts("12;34") == ["12", ";", "34"])
    #expect(try texts("1,29") == ["1", ",", "29"])
    #expect(try texts("1,2345") == ["1", ",", "2345"])
    #expect(try segment("价格1,299元").last! == ("1,299元", .price))
    #expect(try texts("12,345,678人") == ["12,345,678", "人"])
    #expect(try texts("1,299.5") == ["1,299.5"])
  }

  /// A unit after a number gives way to a segmentation word that starts with it and ends at a token end:
  /// 秒 is a unit (5秒), but 8点秒杀 is 8点 + 秒杀; 30秒杀菌 keeps 30秒 (秒杀 would end inside 杀菌).
  @Test func unitsGiveWayToLexiconWordsThatStartWithThem() throws {
    #expect(try texts("今晚8点秒杀") == ["今晚", "8点", "秒杀"])
    #expect(try texts("9.9元秒杀价") == ["9.9元", "秒杀价"])
    #expect(try texts("3年年卡") == ["3年", "年卡"])
    #expect(try texts("双11毛孩子") == ["双", "11", "毛孩子"])
    #expect(try texts("30秒杀菌") == ["30秒", "杀菌"])
    #expect(try texts("等了5秒") == ["等", "了", "5秒"])
    #expect(try segment("秒杀价9.9元").last! == ("9.9元", .price))
  }

  @Test func measureWordsStaySeparate() throws {
    #expect(try texts("买3盒送1盒") == ["买", "3", "盒", "送", "1", "盒"])
  }

  @Test(arguments: [
    ("详情见 https://example.com/a?b=1 。", "https://example.com/a?b=1", TokenKind.url),
    ("官网www.example.cn看看", "www.example.cn", .url),
    ("发邮件到 hello.world@example.com 就行", "hello.world@example.com", .email),
    ("电话13812345678咨询", "13812345678", .contact),
    ("电话 138 1234 5678 咨询", "138 1234 5678", .contact),
    ("加微信：abc_12345 备注", "abc_12345", .contact),
    ("家庭出游👩‍👩‍👧‍👦真开心", "👩‍👩‍👧‍👦", .emoji),
    ("点赞👍🏽", "👍🏽", .emoji),
    ("我在🇨🇳", "🇨🇳", .emoji),
    ("今天的话题#秋冬护肤#来聊聊", "#秋冬护肤#", .hashtag),
    ("谢谢@小李老师 的分享", "@小李老师", .mention),
    ("真的太好了！！！", "！！！", .punctuation),
  ])
  func tokenKinds(sentence: String, token: String, kind: TokenKind) throws {
    let result = try segment(sentence)
    #expect(result.contains { $0.0 == token && $0.1 == kind }, "\(result)")
  }

  @Test func exactRangesAfterAstralCharacters() throws {
    let text = "𠮷🔥私域 abc 👩‍👩‍👧 99元"
    let s = try Segmenter()
    let tokens = s.tokens(of: text)
    checkInvariants(text, tokens)
    let units = Array(text.utf16)
    let pieces = tokens.map { String(decoding: units[$0.sourceRange], as: UTF16.self) }
    #expect(pieces == ["𠮷", "🔥", "私域", "abc", "👩‍👩‍👧", "99元"])
    #expect(tokens[0].sourceRange == 0..<2)
    #expect(tokens[1].sourceRange == 2..<4)
    #expect(tokens[2].sourceRange == 4..<6)
    #expect(tokens[3].sourceRange == 7..<10)
    #expect(tokens[4].sourceRange == 11..<19)
  }

  @Test func fullWidthAndTraditionalTextMapsBackToTheSource() throws {
    let text = "Ｈｅｌｌｏ，這個價格很優惠"
    let s = try Segmenter()
    let tokens = s.tokens(of: text)
    checkInvariants(text, tokens)
    let normalized = String(decoding: s.normalizer.units, as: UTF16.self)
    #expect(normalized == "hello,这个价格很优惠")
    let units = Array(text.utf16)
    let pieces = tokens.map { String(decoding: units[$0.sourceRange], as: UTF16.self) }
    #expect(pieces.first == "Ｈｅｌｌｏ")
    #expect(pieces.contains("價格"))
  }

  @Test func expandingNormalizationKeepsTokensInsideTheSource() throws {
    // ㍿ (one unit) normalizes to 株式会社 (four): no token boundary may fall inside it.
    let text = "㍿的产品﹏很好"
    let s = try Segmenter()
    let tokens = s.tokens(of: text)
    checkInvariants(text, tokens)
    #expect(tokens.first?.sourceRange == 0..<1)
  }

  @Test func emptyAndSymbolOnlyText() throws {
    #expect(try segment("").isEmpty)
    #expect(try segment("   \t ").isEmpty)
    let result = try segment("🔥🔥！？…… 🎉")
    #expect(result.map(\.1) == [.emoji, .emoji, .punctuation, .punctuation, .punctuation, .emoji])
  }

  @Test func megabyteLine() throws {
    let unit = "家人们好！今天私域流量限时秒杀，扫码下单 https://example.com 🔥 99元，"
    let text = String(repeating: unit, count: 1_000_000 / unit.utf16.count + 1)
    let s = try Segmenter()
    let tokens = s.tokens(of: text)
    checkInvariants(text, tokens)
    #expect(tokens.count > 100_000)
  }

  @Test func streamingGivesTheSameTokensAsOneCall() throws {
    let unit = "二○○一年我们做私域，限时秒杀 https://example.com/x 🔥 ¥399 宝子们"
    let text = Array(String(repeating: unit, count: 3000).utf16)
    let whole = try Segmenter()
    text.withUnsafeBufferPointer { _ = whole.segment($0) }
    let streaming = try Segmenter()
    var streamed: [Range<Int>] = []
    var base = 0
    var carry: [UInt16] = []
    var offset = 0
    while offset < text.count || !carry.isEmpty {
      let next = min(text.count, offset + 7000)
      carry.append(contentsOf: text[offset..<next])
      offset = next
      let isFinal = offset == text.count
      let consumed = carry.withUnsafeBufferPointer { streaming.segment($0, isFinal: isFinal) }
      streamed += streaming.tokens.map { (base + Int($0.sourceStart))..<(base + Int($0.sourceEnd)) }
      if isFinal { break }
      base += consumed
      carry.removeSubrange(0..<consumed)
    }
    #expect(streamed == whole.tokens.map(\.sourceRange))
  }

  @Test func extraLexiconWordsNeedNoCodeChange() throws {
    let sentence = "欢迎来到蓝莓小筑吃早餐"
    #expect(try !texts(sentence).contains("蓝莓小筑"))
    let lexicon = Lexicon(name: "my.txt", text: "# 店名\n蓝莓小筑\n")
    let s = try Segmenter(extraLexicons: [lexicon])
    #expect(try segment(sentence, s).map(\.0).contains("蓝莓小筑"))
  }

  @Test func conventionsSplitParticlesAndJoinAffixes() throws {
    #expect(try texts("新的一年") == ["新", "的", "一年"])
    #expect(try texts("推进现代化") == ["推进", "现代化"])
    #expect(try texts("我们会努力") == ["我们", "会", "努力"])
    #expect(try texts("本店全场包邮").prefix(2) == ["本店", "全场"])
  }
}

@Suite struct TraditionalTableTests {
  /// `lexicons/traditional.txt` must be what ICU's Hant-Hans transliterator does today: every entry maps as
  /// the transliterator maps it, character for character.
  @Test func tableMatchesTheLiveTransliterator() throws {
    var status: Int32 = 0
    let transliterator = try #require(cicu_translit_open("Hant-Hans", &status), "ICU error \(status)")
    defer { cicu_translit_close(transliterator) }
    let lexicon = try #require(BuiltinLexicons.lexicon("traditional.txt"))
    #expect(lexicon.entries.count > 2000)
    for entry in lexicon.entries {
      var buffer = Array(entry.text.utf16) + [UInt16](repeating: 0, count: 16)
      let length = Int32(entry.text.utf16.count)
      let n = buffer.withUnsafeMutableBufferPointer {
        cicu_translit_run(transliterator, $0.baseAddress, length, Int32($0.count), &status)
      }
      #expect(n >= 0)
      let converted = String(decoding: buffer[0..<max(0, Int(n))], as: UTF16.self)
      #expect(converted == entry.fields.first, "\(entry.text): ICU gives \(converted)")
    }
  }

  @Test func traditionalTextIsSimplifiedButSimplifiedTextIsNot() {
    let normalizer = Normalizer()
    #expect(normalizer.normalize("這個價格很優惠") == "这个价格很优惠")
    #expect(normalizer.normalize("著名的俱乐部") == "著名的俱乐部")
  }
}
