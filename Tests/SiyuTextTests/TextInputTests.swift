import Foundation
import Testing

@testable import SiyuText

/// A temporary file holding `bytes`, removed when the test ends.
private func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
  let path = NSTemporaryDirectory() + "siyu-input-\(UUID().uuidString).txt"
  try Data(bytes).write(to: URL(fileURLWithPath: path))
  defer { try? FileManager.default.removeItem(atPath: path) }
  return try body(path)
}

private func lines(_ input: TextInput) throws -> [String] {
  var result: [String] = []
  var current: [UInt16] = []
  try input.forEachLine { piece, endsLine in
    current.append(contentsOf: piece)
    if endsLine {
      result.append(String(decoding: current, as: UTF16.self))
      current.removeAll()
    }
  }
  return result
}

@Suite struct TextInputTests {
  @Test func utf8WithBOMAndCRLF() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("第一行\r\n第二行\r\n\r\nlast".utf8)
    try withTemporaryFile(bytes) { path in
      let input = try TextInput(path: path)
      #expect(input.encoding == .utf8)
      #expect(input.warning == nil)
      #expect(try lines(input) == ["第一行", "第二行", "", "last"])
    }
  }

  @Test func gb18030IsReadWithAWarning() throws {
    // 你好，世界 in GB18030, then a line end and ASCII.
    let bytes: [UInt8] = [0xC4, 0xE3, 0xBA, 0xC3, 0xA3, 0xAC, 0xCA, 0xC0, 0xBD, 0xE7, 0x0A, 0x6F, 0x6B]
    try withTemporaryFile(bytes) { path in
      let input = try TextInput(path: path)
      #expect(input.encoding == .gb18030)
      #expect(input.warning?.contains("GB18030") == true)
      #expect(try lines(input) == ["你好，世界", "ok"])
    }
  }

  @Test func utf16WithAByteOrderMarkIsReadWithAWarning() throws {
    func encoded(_ text: String, bigEndian: Bool) -> [UInt8] {
      var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
      for unit in text.utf16 {
        bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      }
      return bytes
    }
    for bigEndian in [false, true] {
      try withTemporaryFile(encoded("你好，𠮷\r\nok\n", bigEndian: bigEndian)) { path in
        let input = try TextInput(path: path)
        #expect(input.encoding == .utf16)
        #expect(input.warning?.contains("UTF-16") == true)
        #expect(try lines(input) == ["你好，𠮷", "ok"])
      }
      let memory = try TextInput(bytes: encoded("甲\n乙", bigEndian: bigEndian), name: "m.txt")
      #expect(try lines(memory) == ["甲", "乙"])
    }
    // An unpaired surrogate or an odd byte count is not text: named with its line and offset.
    try withTemporaryFile(encoded("甲\n", bigEndian: false) + [0x00, 0xD8, 0x41, 0x00]) { path in
      #expect {
        _ = try TextInput(path: path)
      } throws: { error in
        guard let error = error as? InputError else { return false }
        return error.line == 2 && error.message.contains("字节偏移 6") && error.message.contains("UTF-16")
      }
    }
    try withTemporaryFile(encoded("甲", bigEndian: false) + [0x41]) { path in
      #expect(throws: InputError.self) { _ = try TextInput(path: path) }
    }
  }

  @Test func invalidBytesNameTheOffsetAndLine() throws {
    let bytes: [UInt8] = Array("好\nab".utf8) + [0xFF, 0xFE, 0x41]
    try withTemporaryFile(bytes) { path in
      #expect {
        _ = try TextInput(path: path)
      } throws: { error in
        guard let error = error as? InputError else { return false }
        return error.line == 2 && error.message.contains("字节偏移 6")
          && error.description.hasPrefix(path + ":2: ")
      }
    }
  }

  @Test func missingFileAndDirectory() throws {
    #expect(throws: InputError.self) { try TextInput(path: "/nonexistent/siyu/post.md") }
    #expect(throws: InputError.self) { try TextInput(path: NSTemporaryDirectory()) }
  }

  @Test func longLinesArriveInPiecesAndLoseNothing() throws {
    let line = String(repeating: "私域流量🔥", count: 60_000)
    try withTemporaryFile(Array((line + "\nshort\n").utf8)) { path in
      let input = try TextInput(path: path)
      var pieces = 0
      try input.forEachLine { _, _ in pieces += 1 }
      #expect(pieces > 2)
      #expect(try lines(input) == [line, "short"])
    }
  }

  @Test(arguments: [1 << 18, (1 << 18) - 7, 70_000, 3 << 20])
  func longLastLineWithoutLineEndLosesNothing(size: Int) throws {
    let line = String(repeating: "a", count: size)
    try withTemporaryFile(Array(line.utf8)) { path in
      let result = try lines(TextInput(path: path))
      #expect(result == [line])
    }
  }

  @Test func emptyFileHasNoLines() throws {
    try withTemporaryFile([]) { path in
      let result = try lines(TextInput(path: path))
      #expect(result.isEmpty)
    }
  }

  /// The word-at-a-time line-feed count against a byte-by-byte count, on bytes rich in 0x0A and its
  /// neighbours (0x09, 0x0B, 0x8A: one bit away) at every length and offset.
  @Test func countsLineFeedsExactly() {
    let alphabet: [UInt8] = [0x0A, 0x0A, 0x09, 0x0B, 0x8A, 0x00, 0xFF, 0x7F, 0x41, 0xE4]
    var state: UInt64 = 7
    for length in 0..<80 {
      let bytes = (0..<length).map { _ -> UInt8 in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return alphabet[Int((state >> 33) % UInt64(alphabet.count))]
      }
      for upTo in [length, length / 2, max(0, length - 3)] {
        let expected = bytes[0..<upTo].filter { $0 == 0x0A }.count
        #expect(bytes.withUnsafeBufferPointer { TextInput.newlines($0, upTo: upTo) } == expected)
      }
    }
  }
}
