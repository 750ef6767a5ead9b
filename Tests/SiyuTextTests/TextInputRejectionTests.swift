import Testing

@testable import SiyuText

/// Inputs `TextInput` refuses rather than read: NUL bytes (binary files, UTF-16 text) and devices.
@Suite struct TextInputRejectionTests {
  @Test func nulBytesNameTheirLineAndOffset() {
    let bytes = Array("第一行\nab".utf8) + [0] + Array("c\n".utf8)
    #expect(
      throws: InputError(
        path: "x.md", line: 2, message: TextInput.nulError(path: "", offset: 12, line: 0).message)
    ) {
      _ = try TextInput(bytes: bytes, name: "x.md")
    }
  }

  @Test func utf16WithoutBOMIsRefused() throws {
    let utf16le: [UInt8] = [0x68, 0, 0x69, 0, 0x0A, 0]
    let error = try #require(throws: InputError.self) { _ = try TextInput(bytes: utf16le, name: "u.txt") }
    #expect(error.line == 1)
    #expect(error.message.contains("字节偏移 1 处是 NUL 字节"))
  }

  @Test func aNulAfterInvalidUTF8IsStillNotText() throws {
    let error = try #require(throws: InputError.self) {
      _ = try TextInput(bytes: [0xC4, 0xE3, 0x00], name: "g.txt")
    }
    #expect(error.line == 1)
  }

  @Test func devicesAreRefused() throws {
    let error = try #require(throws: InputError.self) { _ = try TextInput(path: "/dev/zero") }
    #expect(error.description == "/dev/zero: 不是普通文件（设备或套接字），未读取")
  }

  @Test func textWithoutNulIsRead() throws {
    let input = try TextInput(bytes: Array("你好\tworld\r\n".utf8), name: "ok.md")
    #expect(try input.readString() == "你好\tworld")
  }
}
