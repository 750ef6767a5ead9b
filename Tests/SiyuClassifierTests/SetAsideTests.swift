import SiyuCore
import SiyuText
import Testing

@testable import SiyuClassifier

/// `Model.logOdds(_:without:)`, how the single-cue guarantee judges a post without its one cue: the tokens
/// that overlap the range give no feature, as if the cue were not written (and the gap it leaves joins no
/// character pair).
@Suite struct SetAsideTests {
  typealias S = ClassifierTestSupport

  /// Texts around a cue, separated from it by spaces (not tokens) so that segmentation does not depend on
  /// the cue; the same text with the cue replaced by spaces must score the same, bit for bit.
  static let around: [(String, String)] = [
    ("", ""), ("新到的围巾 ", ""), ("", " 周末去看了展"), ("门票 ", " ，周末去看了展"), ("今晚 ", " 扫码下单！"),
    ("<!-- 备注 --> 今天天气很好 ", " 🔥"),
  ]
  static let cues = ["¥129", "99元", "5折", "限时秒杀", "😀", "https://example.com/a"]

  @Test func aPostWithoutItsCueScoresAsThePostWithTheCueBlanked() throws {
    let segmenter = try Segmenter()
    var compared = 0
    for (algorithm, model) in try S.models() {
      for (before, after) in Self.around {
        for cue in Self.cues {
          let text = before + cue + after
          let start = before.utf16.count
          let document = Document(
            post: Post(id: "t.md", text: text, channel: "moments"), segmenter: segmenter)
          let blank = before + String(repeating: " ", count: cue.utf16.count) + after
          let blanked = Document(
            post: Post(id: "t.md", text: blank, channel: "moments"), segmenter: segmenter)
          let without = model.logOdds(document, without: start..<(start + cue.utf16.count))
          #expect(without.bitPattern == model.logOdds(blanked).bitPattern, "\(algorithm.name): \(text)")
          // Setting aside nothing changes nothing.
          #expect(
            model.logOdds(document, without: start..<start).bitPattern == model.logOdds(document).bitPattern)
          compared += 1
        }
      }
    }
    #expect(compared == Algorithm.allCases.count * Self.around.count * Self.cues.count)
  }

  /// No pair is made across the gap a cue leaves: 门票¥60，周末 without ¥60 has no 票， pair, though 门票，周末
  /// has one. A token the range only touches part of goes whole.
  @Test func theGapJoinsNothingAndTouchedTokensGo() throws {
    let segmenter = try Segmenter()
    let model = Trainer.train(try S.examples(), options: TrainingOptions())
    func logOdds(_ text: String) -> Double {
      model.logOdds(Document(post: Post(id: "t.md", text: text, channel: "moments"), segmenter: segmenter))
    }
    let document = Document(
      post: Post(id: "t.md", text: "门票¥60，周末去", channel: "moments"), segmenter: segmenter)
    #expect(model.logOdds(document, without: 2..<5).bitPattern == logOdds("门票   ，周末去").bitPattern)
    // 2..<3 covers only the ¥ of the price token ¥60: the token goes whole.
    #expect(model.logOdds(document, without: 2..<3).bitPattern == logOdds("门票   ，周末去").bitPattern)
  }
}
