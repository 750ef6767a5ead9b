import CICU
import Foundation
import Testing

@testable import SiyuClassifier
@testable import SiyuText

/// The dictionary shortcut of `cicu_wordbreak_run` (runs of Han characters segmented from ICU's CJK
/// dictionary directly) must give exactly the boundaries of ICU's own break iterator.
@Suite struct WordBreakShortcutTests {
  /// Breaks `text` with the shortcut on and off; both boundary lists.
  static func bothWays(_ text: [UInt16]) -> (shortcut: [Int32], icu: [Int32]) {
    var status: Int32 = 0
    guard let fast = cicu_wordbreak_open("zh", &status), let plain = cicu_wordbreak_open("zh", &status) else {
      Issue.record("ICU word break did not open (\(status))")
      return ([], [])
    }
    defer {
      cicu_wordbreak_close(fast)
      cicu_wordbreak_close(plain)
    }
    #expect(cicu_wordbreak_set_dictionary_shortcut(fast, 1) == 1, "ICU's CJK dictionary did not load")
    #expect(cicu_wordbreak_set_dictionary_shortcut(plain, 0) == 0)
    func run(_ wb: OpaquePointer) -> [Int32] {
      var bounds = [Int32](repeating: 0, count: text.count + 1)
      let n = text.withUnsafeBufferPointer { t in
        bounds.withUnsafeMutableBufferPointer { b in
          cicu_wordbreak_run(wb, t.baseAddress, Int32(t.count), b.baseAddress, nil, &status)
        }
      }
      return n < 0 ? [-1] : Array(bounds[0..<Int(n)])
    }
    return (run(fast), run(plain))
  }

  /// Lines of `text` whose boundaries differ between the two ways (at most `limit`, for the message).
  static func differingLines(_ lines: [[UInt16]], limit: Int = 3) -> [String] {
    var joined: [UInt16] = []
    var starts: [Int] = []
    for line in lines {
      starts.append(joined.count)
      joined += line
      joined.append(0x0A)
    }
    // One call over many lines is what the shortcut sees in `siyu segment`; checked line by line too.
    let whole = bothWays(joined)
    var differing: [String] = []
    if whole.shortcut != whole.icu {
      for (k, line) in lines.enumerated() where differing.count < limit {
        let one = bothWays(line)
        if one.shortcut != one.icu {
          differing.append(
            "\(String(decoding: line, as: UTF16.self).debugDescription) (line \(k + 1) of the sample): "
              + "ICU \(one.icu), shortcut \(one.shortcut)")
        }
      }
      if differing.isEmpty { differing.append("the joined sample differs, no single line does") }
    }
    return differing
  }

  @Test func hanRunsSplitAsICUSplitsThem() {
    let cases = [
      "今天给大家分享一个护肤小技巧", "限时秒杀，扫码下单！", "我们的产品是国家级的", "中华人民共和国成立了",
      "今晚8点秒杀", "¥399元包邮", "北京大学生前来应聘", "研究生命起源",
      // Only marks and line feeds around the runs: no ICU rules needed, except that ICU keeps "@@" whole.
      "今天,天气很好!\n明天呢?", "“好的”。（完）", "@@小王", "你好@@", "好\r\n好", "好 , 好",
    ]
    for text in cases {
      let (shortcut, icu) = Self.bothWays(Array(text.utf16))
      #expect(shortcut == icu, "\(text)")
    }
    // A run the dictionary really splits, so the test cannot pass by returning no inner boundary.
    let (shortcut, _) = Self.bothWays(Array("今天给大家分享一个护肤小技巧".utf16))
    #expect(shortcut.count > 4)
  }

  /// Neighbours that join a Han run in ICU (kana, Hangul, combining marks, ZWJ, format characters, Han
  /// characters NFKC changes such as Kangxi radicals and compatibility ideographs), supplementary
  /// ideographs, U+FFFC (the mask) and lone surrogates, in random mixtures.
  @Test func randomMixturesSplitAsICUSplitsThem() {
    let han = Array(
      "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使秒杀包邮限时抢购优惠券扫码下单私信宝妈家人们"
    )
    .map(String.init)
    let groups: [(pieces: [String], weight: Int)] = [
      (han, 40),
      (["㐀", "䶵", "𠀀", "𠮷", "𪚥", "豈", "更", "⺀", "⼀", "〇", "々", "〆", "〻", "兀", "﨎"], 6),
      (["あ", "か", "が", "カ", "ナ", "ー", "ｶ", "ﾞ", "ﾟ", "ｰ", "ヽ", "ゝ", "\u{3099}", "・"], 6),
      (["한", "국", "\u{1100}", "\u{1161}", "ภ", "า", "ລ", "မ", "ខ"], 4),
      (Array("abcXYZ019.,:;'\"-_@#/%&()[]!? \t+=*$").map(String.init), 15),
      (Array("０１ＡＢａ，。！？「」『』、；：（）【】《》～･￥…—").map(String.init), 8),
      (["😀", "👍", "❤", "\u{FE0F}", "\u{200D}", "👨‍👩‍👧", "🇨🇳", "1\u{FE0F}\u{20E3}", "🏻", "©"], 6),
      (
        [
          "\u{0301}", "\u{0308}", "\u{20E3}", "\u{200B}", "\u{200C}", "\u{2060}", "\u{FEFF}", "\u{00AD}",
          "\u{202E}",
        ], 6
      ),
      (["\u{FFFC}", "\u{FFFD}", "¥399", "3.8折", "50%", "2024年", "1,299", "www.a.cn", "#话题#", "@小王"], 5),
    ]
    let total = groups.reduce(0) { $0 + $1.weight }
    // Seeded (the classifier's SplitMix64), so a failure can be reproduced.
    var random = SplitMix64(seed: 20_261_125)
    var lines: [[UInt16]] = []
    for _ in 0..<20_000 {
      var line: [UInt16] = []
      for _ in 0..<Int.random(in: 1...12, using: &random) {
        var pick = Int.random(in: 0..<total, using: &random)
        let group = groups.first {
          pick -= $0.weight; return pick < 0
        }!
        let count =
          group.weight == 40 ? Int.random(in: 1...8, using: &random) : Int.random(in: 1...3, using: &random)
        for _ in 0..<count { line += group.pieces.randomElement(using: &random)!.utf16 }
        if Int.random(in: 0..<50, using: &random) == 0 { line.append(0xD800) }  // a lone surrogate
      }
      lines.append(line)
    }
    #expect(Self.differingLines(lines).isEmpty, "\(Self.differingLines(lines).joined(separator: "\n"))")
    // As the segmenter gives them: NFKC turns Chinese punctuation into ASCII marks (，→ ,), which the
    // shortcut takes without ICU's rules when nothing else in the text needs them.
    let normalizer = Normalizer()
    let normalized = lines.map { line in
      line.withUnsafeBufferPointer { normalizer.normalize($0) }
      return normalizer.units
    }
    let differing = Self.differingLines(normalized)
    #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
  }

  /// Every text file the project ships (corpus posts, lexicons, examples, docs).
  @Test func bundledTextSplitsAsICUSplitsIt() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    var lines: [[UInt16]] = []
    for folder in ["corpus", "lexicons", "examples", "docs"] {
      let walker = FileManager.default.enumerator(
        at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
      while let url = walker?.nextObject() as? URL {
        guard ["md", "txt", "tsv", "jsonl", "csv", "yml"].contains(url.pathExtension),
          let text = try? String(contentsOf: url, encoding: .utf8)
        else { continue }
        lines += text.split(separator: "\n").map { Array($0.utf16) }
      }
    }
    #expect(lines.count > 1_000, "the bundled text was not found under \(root.path)")
    let differing = Self.differingLines(lines)
    #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
  }
}
