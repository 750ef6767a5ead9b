import Foundation
import SiyuText
import Testing

@testable import SiyuCore
@testable import SiyuRules

/// The combined cue matching (`MultiListMatcher`, `CueScan`) finds, list by list, exactly what one
/// `TokenMatcher` per list finds, on the rules' examples, on hand-made cases and on the corpus.
@Suite struct CueScanTests {
  static func document(_ text: String, segmenter: Segmenter) -> Document {
    Document(post: Post(id: "p.md", path: "p.md", text: text, channel: "moments"), segmenter: segmenter)
  }

  /// Texts to compare on: every rule example, cases made for the matcher's corners (a word in two
  /// lists, compounds, overlapping words, obfuscation), and every fifth corpus post.
  static func texts() throws -> [String] {
    var texts = BuiltinRules.all.flatMap { $0.description.triggering + $0.description.nonTriggering }
    texts += [
      "限时秒杀特惠价，扫码下单", "特惠特惠", "券后价到手价", "最佳饮用时间最佳", "第一次第一名", "欢迎光临欢迎光临本店",
      "加 薇 信", "扫.码下.单", "ν信同号", "感谢您的来电", "", "a", "详询请致电详询",
    ]
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("corpus")
    let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.path)
      .filter { $0.hasSuffix(".md") }.sorted()
    #expect(files.count > 1000)
    for (index, file) in files.enumerated() where index % 5 == 0 {
      texts.append(try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8))
    }
    return texts
  }

  /// Lists for the corner cases: words shared between lists, duplicates within a list, a list whose
  /// words form compounds of another list's words.
  static let madeLists: [[String]] = [
    ["特惠", "特惠价", "限时", "秒杀"],
    ["特惠", "扫码", "下单", "扫码下单"],
    ["秒杀", "秒杀", "限时秒杀", "", "最佳"],
    ["最佳饮用时间", "第一次"],
  ]

  @Test func combinedMatchingAgreesWithOneMatcherPerList() throws {
    let cueLists = CueSet.shared.lexicons
    let listSets: [[[String]]] = [cueLists.map(\.words), cueLists.map(\.textWords), Self.madeLists]
    let segmenter = try Segmenter()
    let texts = try Self.texts()
    for lists in listSets {
      let combined = MultiListMatcher(lists: lists)
      let single = lists.map { TokenMatcher(words: $0) }
      for text in texts {
        let document = Self.document(text, segmenter: segmenter)
        let tokenHits = combined.tokenMatches(in: document)
        let normalized = document.normalized.withUnsafeBufferPointer { combined.substringMatches(in: $0) }
        let view = document.deobfuscated.units.withUnsafeBufferPointer {
          combined.substringMatches(in: $0, lists: 0b1010)
        }
        for (list, matcher) in single.enumerated() {
          #expect(
            tokenHits.filter { $0.list == list }.map(\.match) == matcher.matches(in: document),
            "token matches of list \(list) in \(text.prefix(40))")
          let expected = document.normalized.withUnsafeBufferPointer { matcher.substringMatches(in: $0) }
          let found = normalized.filter { $0.list == list }
          #expect(found.map(\.range) == expected.map(\.range), "text matches of list \(list)")
          #expect(found.map(\.entry) == expected.map(\.entry), "text match entries of list \(list)")
          let inView = view.filter { $0.list == list }.map(\.range)
          let expectedInView =
            list == 1 || list == 3
            ? document.deobfuscated.units.withUnsafeBufferPointer { matcher.substringMatches(in: $0) }.map(
              \.range)
            : []
          #expect(inView == expectedInView, "view matches of list \(list)")
        }
      }
    }
  }

  @Test func cueScanIsComputedOncePerDocumentAndGroupsByList() throws {
    let text = "限时秒杀，扫码下单，加薇信：tea_lover88，全网最低价"
    let segmenter = try Segmenter()
    let document = Self.document(text, segmenter: segmenter)
    let scan = document.analysis(CueScan.self)
    #expect(document.analysis(CueScan.self) === scan)
    // The scan keeps the inventory; a document without a scan gets the same one from its own analysis,
    // and a scan made after that takes the analysis's.
    #expect(TextInventory.of(document) == scan.inventory)
    let unscanned = Self.document(text, segmenter: segmenter)
    #expect(TextInventory.of(unscanned) == scan.inventory)
    #expect(unscanned.analysis(CueScan.self).inventory == scan.inventory)
    for list in CueList.allCases {
      let lexicon = list.lexicon
      let words = TokenMatcher(words: lexicon.words).matches(in: document)
      // The whole-token matches are there; `text` entries may add more.
      #expect(words.allSatisfy { scan.matches(list).contains($0) }, "\(list)")
      let positions = scan.matches(list).map(\.normalizedRange.lowerBound)
      #expect(positions == positions.sorted(), "\(list)")
    }
    #expect(!scan.matches(.urgency).isEmpty)
    #expect(!scan.matches(.cta).isEmpty)
    #expect(!scan.matches(.absolute).isEmpty)
    #expect(scan.matches(.medical).isEmpty)
  }

  /// `contains(_:)` and `containsObfuscated(_:)`, the bit tests rules ask before anything else, say
  /// whether the matches are there, on every text and list.
  @Test func containsAgreesWithTheMatches() throws {
    let segmenter = try Segmenter()
    for text in try Self.texts() {
      let scan = Self.document(text, segmenter: segmenter).analysis(CueScan.self)
      for list in CueList.allCases {
        #expect(scan.contains(list) == !scan.matches(list).isEmpty, "\(list) in \(text.prefix(40))")
        #expect(
          scan.containsObfuscated(list) == !scan.obfuscatedMatches(list).isEmpty,
          "\(list) in \(text.prefix(40))")
      }
    }
  }

  /// `TextInventory.read` gives what `of` gives, from the scan's inventory or from an analysis of its
  /// own when the document has no scan.
  @Test func inventoryReadAgreesWithOf() throws {
    let segmenter = try Segmenter()
    let text = "限时秒杀！！！回T退订【青禾】🔥🔥🔥 https://a.cn/1 https://a.cn/2 https://a.cn/3"
    let unscanned = Self.document(text, segmenter: segmenter)
    #expect(TextInventory.read(unscanned) { $0 } == TextInventory.of(unscanned))
    #expect(unscanned.withExistingAnalysis(CueScan.self) { _ in true } == nil)
    #expect(TextInventory.read(unscanned) { $0.links } == 3)
    let scanned = Self.document(text, segmenter: segmenter)
    let scan = scanned.analysis(CueScan.self)
    #expect(TextInventory.read(scanned) { $0 } == scan.inventory)
    #expect(TextInventory.read(scanned) { $0.characters.contains(.exclamation) })
    #expect(scanned.withExistingAnalysis(TextInventory.Analysis.self) { _ in true } == nil)
  }

  @Test func inventoryTableMarksEveryUnitWithAKind() {
    let disagreeing = (UInt16(0x80)...0xFFFF).filter { unit in
      let marked = TextInventory.marked[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0
      return marked != (TextInventory.kinds(of: unit) != 0)
    }
    #expect(disagreeing.isEmpty, "\(disagreeing.map { String($0, radix: 16) })")
  }

  @Test func inventoryCountsWhatTheShapeRulesNeed() throws {
    let segmenter = try Segmenter()
    let plain = TextInventory.of(Self.document("今天天气很好", segmenter: segmenter))
    #expect(plain.characters.isEmpty)
    #expect(plain.digitValued == 0)
    let shapes = TextInventory.of(
      Self.document("满199减30！回T退订【青禾】人民路88号 一三八 xx 🔥🔥 https://a.cn", segmenter: segmenter))
    #expect(
      shapes.characters.isSuperset(
        of: [
          .offerJoiner, .unsubscribe, .closingBracket, .houseNumber, .exclamation, .digitValued, .digitMask,
        ]))
    #expect(shapes.digitValued == 3 + 2 + 2 + 3)  // 199, 30, 88, 一三八
    #expect(shapes.emoji == 2)
    #expect(shapes.links == 1)
    #expect(plain.prices == 0 && plain.contacts == 0)
    let offer = Self.document("到手价¥129，加微信 wx123456789 咨询", segmenter: segmenter)
    let kinds = offer.tokens.map(\.kind)
    let inventory = TextInventory.of(offer)
    #expect(inventory.prices == kinds.filter { $0 == .price }.count)
    #expect(inventory.contacts == kinds.filter { $0 == .contact }.count)
    #expect(inventory.prices > 0)
  }
}
