import Foundation
import Testing

// End-to-end tests of `siyu segment` on Tests/Fixtures/segment (format in Fixtures.swift).

@Suite("siyu segment, end to end")
struct SegmentEndToEndTests {
  /// The cases the suite must always have.
  static let requiredCases = [
    "plain-mixed", "json-offsets", "crlf-bom", "gb18030", "invalid-bytes", "missing-file", "text-argument",
    "empty", "emoji-only",
  ]

  @Test("the fixture directory holds the required cases, each with expected.out")
  func fixturesArePresent() throws {
    let names = Fixtures.caseNames("segment")
    #expect(!names.isEmpty, "no fixture cases under \(Locations.fixtures("segment").path)")
    for name in Self.requiredCases {
      #expect(names.contains(name), "missing fixture case \(name)")
    }
    for name in names {
      let expected = Locations.fixtures("segment").appendingPathComponent(name)
        .appendingPathComponent("expected.out")
      #expect(FileManager.default.fileExists(atPath: expected.path), "\(name) has no expected.out")
    }
  }

  @Test("the siyu executable can be found")
  func binaryIsFound() throws {
    _ = try Locations.binary.get()
  }

  @Test("segment fixture", arguments: Fixtures.caseNames("segment"))
  func fixture(_ name: String) throws {
    try Fixtures.run(suite: "segment", name: name, defaultArgs: ["segment", "--file", "input.txt"])
  }

  /// One line of about 3 MB (far more than TextInput.pieceLimit UTF-16 units, so it is segmented in pieces):
  /// the output must be exactly one line, and all non-space text must survive in order.
  /// A grapheme cluster longer than the streaming window (a ZWJ chain, a base with thousands of combining
  /// marks) is cut where the window ends; the cut-off tail starts with a ZWJ or a mark and was dropped as
  /// if it were whitespace. Every unit must be in a token.
  @Test("clusters longer than the streaming window lose nothing", arguments: [0, 1])
  func longClusters(which: Int) throws {
    let text =
      which == 0
      ? "👨" + String(repeating: "\u{200D}👩", count: 200_000) + "结尾文字"
      : "限" + String(repeating: "\u{0301}", count: 200_000) + "加微信 abc123456 下单"
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("siyu-e2e-cluster-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    try Data((text + "\n").utf8).write(to: scratch.appendingPathComponent("c.txt"))
    let result = try runSiyu(["segment", "--format", "json", "--file", "c.txt"], in: scratch)
    #expect(result.status == 0, "\(result.stderrText)")
    let line = try #require(String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").first)
    let tokens = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]])
    var covered = 0
    for token in tokens {
      let start = try #require(token["start"] as? Int)
      let end = try #require(token["end"] as? Int)
      // Only a single space may lie between tokens.
      #expect(start - covered <= 1, "units \(covered)..<\(start) are in no token")
      covered = end
    }
    #expect(covered == text.utf16.count)
  }

  @Test("a 3 MB single-line post", arguments: [true, false])
  func longSingleLine(finalNewline: Bool) throws {
    let phrases = [
      "家人们", "限时秒杀", "🔥", "👨‍👩‍👧‍👦", "👍🏻", "原价¥399", "只要99元", "低至3.8折", "直降50%", "#双十一必买#",
      "@小美老师", "https://m.example.cn/p/8848?from=pyq", " ", "　", "\t", "，", "！！！", "這個價格", "ＡＢＣ１２３",
      "𠮷野家", "new arrival", "包邮到家", "私信我领券", "2024年", "加我微信", "13800138000", "手慢无～", "😭",
      "🇨🇳", "宝子们冲鸭", "\"好评\"", "a\\b",
    ].map { Array($0.utf8) }
    // Exactly 3 MiB of text (a whole number of TextInput's 256 KiB read blocks), deterministic.
    let size = 3 << 20
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size + 1)
    var state: UInt64 = 0x5EED_1234_ABCD_0001
    while true {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let phrase = phrases[Int((state >> 33) % UInt64(phrases.count))]
      if bytes.count + phrase.count > size - 64 { break }
      bytes.append(contentsOf: phrase)
    }
    // End on a whole ASCII character, so the file ends exactly at a block boundary.
    bytes.append(contentsOf: Array(repeating: UInt8(ascii: "x"), count: size - bytes.count))
    if finalNewline { bytes.append(0x0A) }

    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("siyu-e2e-long-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    try Data(bytes).write(to: scratch.appendingPathComponent("long.txt"))

    let result = try runSiyu(["segment", "--file", "long.txt"], in: scratch)
    #expect(result.status == 0, "exit status \(result.status); stderr:\n\(result.stderrText)")
    #expect(result.stderr.isEmpty, "unexpected stderr:\n\(result.stderrText)")

    func withoutWhitespace(_ text: String) -> String {
      var scalars = String.UnicodeScalarView()
      for scalar in text.unicodeScalars where !scalar.properties.isWhitespace { scalars.append(scalar) }
      return String(scalars)
    }
    let input = withoutWhitespace(String(decoding: bytes, as: UTF8.self))
    let checkOutput = {
      let newlines = result.stdout.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      #expect(
        newlines == 1 && result.stdout.last == 0x0A,
        "expected exactly one output line, got \(newlines) line ends")
      let output = withoutWhitespace(String(decoding: result.stdout, as: UTF8.self))
      if output != input {
        let i = zip(output.unicodeScalars, input.unicodeScalars).prefix { $0 == $1 }.count
        let context = { (s: String) in
          String(String.UnicodeScalarView(s.unicodeScalars.dropFirst(max(0, i - 20)).prefix(40)))
        }
        Issue.record(
          """
          tokens joined without spaces differ from the input without whitespace: \
          \(output.unicodeScalars.count) vs \(input.unicodeScalars.count) scalars, first difference at scalar \(i)
            output: \(context(output).debugDescription)
            input:  \(context(input).debugDescription)
          """)
      }
    }
    checkOutput()
  }
}
