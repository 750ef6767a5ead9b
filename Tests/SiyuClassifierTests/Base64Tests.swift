import Foundation
import Testing

@testable import SiyuClassifier

@Suite struct Base64Tests {
  @Test(arguments: [0, 1, 2, 3, 4, 5, 57, 58, 59, 1000])
  func decodesWhatFoundationEncodes(length: Int) {
    var generator = SplitMix64(seed: UInt64(length))
    let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let encoded = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
    let indented = encoded.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    #expect(Base64.decode(indented) == bytes)
  }

  @Test func stopsAtPadding() {
    #expect(Base64.decode("QQ==QUJD") == [0x41])
    #expect(Base64.decode("") == [])
  }
}
