import SiyuRules
import Testing

@testable import SiyuCore

/// `hard-sell/price` quotes a price range whole (¥99-129, 99~129元), not its first or last number.
@Suite struct PriceRangeTests {
  static func quotedPrices(_ text: String) throws -> [String] {
    let linter = try Linter(rules: BuiltinRules.all, configuration: Configuration())
    let report = linter.check(Post(id: "a.md", path: "a.md", text: text, channel: "moments"))
    let units = Array(text.utf16)
    return report.findings.filter { $0.finding.rule == "hard-sell/price" }.map {
      String(decoding: units[$0.finding.range], as: UTF16.self)
    }
  }

  @Test(arguments: [
    ("围巾¥99-129", ["¥99-129"]),
    ("羊毛99~129元", ["99~129元"]),
    ("羊毛99～129元", ["99～129元"]),
    ("¥99 至 ¥129", ["¥99 至 ¥129"]),
    ("大概50-80块", ["50-80块"]),
    ("99元到手", ["99元"]),
    ("全场5折到8折", ["5折到8折"]),
    ("5-8折", ["5-8折"]),
    ("99元到12点", ["99元"]),
    ("10斤装 ¥59，20斤装 ¥108", ["¥59", "¥108"]),
    ("¥129，11-20号见", ["¥129"]),
    ("门票59元，11-20元旦放假", ["59元"]),
  ])
  func rangesAreQuotedWhole(text: String, expected: [String]) throws {
    #expect(try Self.quotedPrices(text) == expected)
  }
}
