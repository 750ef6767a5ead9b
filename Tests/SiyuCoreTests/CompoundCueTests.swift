import Foundation
import SiyuText
import Testing

@testable import SiyuCore
@testable import SiyuRules

/// The segmenter keeps the words of `lexicons/seg/` whole, and the cue lists match whole tokens (or
/// tokens made entirely of one list's words), so a segmentation word that contains a cue word hides it:
/// 领红包 is one token, and 红包 alone would not find it. Every such word must therefore either be
/// matched by the list itself (listed in it, composed of its words, or exempt) or be reviewed as not
/// a cue of that list in `Tests/Fixtures/lexicons/compounds-not-cues.tsv` (手机壳 is no phone number).
/// `persona/product.txt`, the product words `persona/cold-shelf` counts, is matched the same way.
@Suite struct CompoundCueTests {
  static let reviewedFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/lexicons/compounds-not-cues.tsv")

  /// `(list file, word)` pairs reviewed as not cues.
  static func reviewed() throws -> Set<[String]> {
    let text = try String(contentsOf: reviewedFile, encoding: .utf8)
    return Set(
      text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map {
        $0.split(separator: "\t").map(String.init)
      })
  }

  /// Every segmentation word with a cue word inside that its list does not match, as `(list, word)`.
  static func hiddenCues() throws -> Set<[String]> {
    let segmenter = try Segmenter()
    let normalizer = Normalizer()
    let lists = CueList.allCases.filter { !$0.isExemption }
    let cueWords = lists.map { list in
      list.lexicon.words.map { normalizer.normalize($0) }.filter { !$0.isEmpty }
    }
    let productWords = PersonaTerm.productWords.map { normalizer.normalize($0) }.filter { !$0.isEmpty }
    var hidden: Set<[String]> = []
    for lexicon in BuiltinLexicons.lexicons(under: "seg/") {
      for word in lexicon.words {
        let document = Document(
          post: Post(id: "w.md", path: "w.md", text: word, channel: "moments"), segmenter: segmenter)
        let normalized = String(decoding: document.normalized, as: UTF16.self)
        document.withAnalysis(CueScan.self) { scan in
          for (index, list) in lists.enumerated()
          where cueWords[index].contains(where: { $0 != normalized && normalized.contains($0) }) {
            if scan.contains(list) || list == .absolute && scan.contains(.absoluteExempt)
              || list == .medical && scan.contains(.medicalExempt)
              || list == .cta && scan.contains(.ctaExempt)
              || list == .urgency && scan.contains(.urgencyExempt)
            {
              continue
            }
            hidden.insert([list.path, normalized])
          }
        }
        if productWords.contains(where: { $0 != normalized && normalized.contains($0) }),
          ColdShelfRule.productWords.matches(in: document).isEmpty
        {
          hidden.insert(["persona/product.txt", normalized])
        }
      }
    }
    return hidden
  }

  @Test func noSegmentationWordHidesACue() throws {
    let hidden = try Self.hiddenCues()
    let reviewed = try Self.reviewed()
    let unreviewed = hidden.subtracting(reviewed).map { $0.joined(separator: "\t") }.sorted()
    #expect(
      unreviewed.isEmpty,
      """
      these segmentation words hide a cue word of the list: add each to the list (lexicons/cues/…) or, \
      when it is not a cue, to Tests/Fixtures/lexicons/compounds-not-cues.tsv:
      \(unreviewed.joined(separator: "\n"))
      """)
    let stale = reviewed.subtracting(hidden).map { $0.joined(separator: "\t") }.sorted()
    #expect(
      stale.isEmpty,
      "reviewed pairs that no longer hide a cue (remove them):\n\(stale.joined(separator: "\n"))")
  }

  @Test(
    "a compound the segmenter keeps whole is a cue once listed",
    arguments: [
      ("领红包", "hard-sell/offer"), ("社区团购", "hard-sell/offer"), ("整点秒杀", "hard-sell/urgency"),
      ("下单链接", "hard-sell/cta"), ("个人微信号", "hard-sell/contact"), ("全国包邮", "hard-sell/price"),
      ("销量冠军", "ad-law/absolute"),
    ])
  func listedCompound(_ word: String, _ rule: String) throws {
    let linter = try Linter(rules: BuiltinRules.all, configuration: Configuration())
    let report = linter.check(Post(id: "p.md", path: "p.md", text: "今天\(word)。", channel: "moments"))
    #expect(
      report.findings.contains { $0.finding.rule == rule }, "\(word): \(report.findings.map(\.finding.rule))")
  }
}
