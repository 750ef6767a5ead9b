import CICU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file or stdin that could not be read as text. `description` is `PATH:LINE: message` (or
/// `PATH: message` when no line applies), compiler style.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
  public var path: String
  public var line: Int?
  public var message: String

  public init(path: String, line: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var description: String {
    if let line { return "\(path):\(line): \(message)" }
    return "\(path): \(message)"
  }
}

/// How an input was decoded.
public enum TextEncoding: String, Sendable {
  case utf8 = "UTF-8"
  case gb18030 = "GB18030"
  /// UTF-16 with a byte order mark (Notepad's and Excel's "Unicode text").
  case utf16 = "UTF-16"
}

/// A text input (file or stdin) read as UTF-16 lines, for every command.
///
/// UTF-8 with or without BOM and with LF or CRLF line ends is streamed in blocks, so memory stays bounded
/// whatever the file size; a line longer than `pieceLimit` units arrives in pieces. Bytes that are not
/// valid UTF-8 but decode as GB18030 (spreadsheet exports) are read with a warning; anything else is an
/// `InputError` naming the byte offset and line.
public final class TextInput {
  /// The name used in messages: the path, or `-` for stdin.
  public let path: String
  public private(set) var encoding: TextEncoding = .utf8
  /// A warning to show the user (e.g. the input was read as GB18030), nil when there is none.
  public private(set) var warning: String?

  /// Lines longer than this many UTF-16 units are delivered in pieces.
  public static let pieceLimit = 1 << 16

  /// Whether `path` exists and is not a regular file: a FIFO (`<(…)`), a device, a socket or a folder.
  /// Such a path can be read once at most (`TextInput` takes a FIFO into memory), so code that would open
  /// it a second time (to write a fix, to count lines, to read history) leaves it alone.
  public static func isSpecialFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG
  }

  private var memoryBytes: [UInt8]?
  private var memoryUnits: [UInt16]?

  /// Opens `path` (`-` reads all of stdin) and determines its encoding. A regular file is read twice
  /// (checked, then streamed); a FIFO is opened once and held in memory like stdin.
  public init(path: String) throws(InputError) {
    self.path = path
    if path == "-" {
      try setUp(bytes: Self.readAll(fd: 0, name: "-"))
      return
    }
    var info = stat()
    if stat(path, &info) != 0 {
      throw InputError(path: path, message: "无法读取：\(Self.errnoText())")
    }
    if info.st_mode & S_IFMT == S_IFDIR {
      throw InputError(path: path, message: "是目录，不是文件")
    }
    // Devices and sockets never end (/dev/zero) or never start; a FIFO is a stream like stdin.
    if info.st_mode & S_IFMT != S_IFREG && info.st_mode & S_IFMT != S_IFIFO {
      throw InputError(path: path, message: "不是普通文件（设备或套接字），未读取")
    }
    // A FIFO (`<(…)`, mkfifo) can be read only once: its bytes are taken into memory, as stdin's are.
    // Opening it again would find it empty, or wait for a writer that never comes.
    if info.st_mode & S_IFMT == S_IFIFO {
      try setUp(bytes: Self.readAll(path: path))
      return
    }
    // Pass 1: validate UTF-8 while streaming, counting lines for the error message.
    guard let file = fopen(path, "rb") else {
      throw InputError(path: path, message: "无法读取：\(Self.errnoText())")
    }
    defer { fclose(file) }
    var block = [UInt8](repeating: 0, count: 1 << 20)
    var carried = 0
    var offset = 0
    var newlines = 0
    while true {
      let capacity = block.count - carried
      let n = block.withUnsafeMutableBufferPointer { fread($0.baseAddress! + carried, 1, capacity, file) }
      if n == 0 && ferror(file) != 0 {
        throw InputError(path: path, message: "读取失败：\(Self.errnoText())")
      }
      let total = carried + n
      let isEnd = n == 0
      let (invalid, consumed) = block.withUnsafeBufferPointer {
        UTF8Decoder.firstInvalidOffset(UnsafeBufferPointer(rebasing: $0[0..<total]), isFinal: isEnd)
      }
      if let nul = block.withUnsafeBufferPointer({ Self.firstNUL($0, upTo: invalid ?? consumed) }) {
        newlines += block.withUnsafeBufferPointer { Self.newlines($0, upTo: nul) }
        throw Self.nulError(path: path, offset: offset + nul, line: newlines + 1)
      }
      if let invalid {
        newlines += block.withUnsafeBufferPointer { Self.newlines($0, upTo: invalid) }
        try fallBack(invalidAt: offset + invalid, line: newlines + 1)
        return
      }
      newlines += block.withUnsafeBufferPointer { Self.newlines($0, upTo: consumed) }
      offset += consumed
      carried = total - consumed
      if carried > 0 { block.replaceSubrange(0..<carried, with: block[consumed..<total]) }
      if isEnd { break }
    }
  }

  /// Wraps bytes already in memory (e.g. a git blob) named `name` in messages.
  public init(bytes: [UInt8], name: String) throws(InputError) {
    self.path = name
    try setUp(bytes: bytes)
  }

  private func setUp(bytes: [UInt8]) throws(InputError) {
    let (invalid, _) = bytes.withUnsafeBufferPointer { UTF8Decoder.firstInvalidOffset($0, isFinal: true) }
    if let nul = bytes.withUnsafeBufferPointer({ Self.firstNUL($0, upTo: invalid ?? bytes.count) }) {
      let line = bytes.withUnsafeBufferPointer { Self.newlines($0, upTo: nul) } + 1
      throw Self.nulError(path: path, offset: nul, line: line)
    }
    if let invalid {
      memoryBytes = bytes
      let line = bytes.withUnsafeBufferPointer { Self.newlines($0, upTo: invalid) } + 1
      try fallBack(invalidAt: invalid, line: line)
      return
    }
    memoryBytes = bytes
  }

  /// The offset of the first NUL byte among the first `count` bytes of `bytes`.
  private static func firstNUL(_ bytes: UnsafeBufferPointer<UInt8>, upTo count: Int) -> Int? {
    guard count > 0, let base = bytes.baseAddress, let found = memchr(base, 0, count) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// How many line feeds the first `count` bytes of `bytes` hold, eight bytes at a time: XOR with
  /// `0x0A` turns each line feed into a zero byte, and `(x & 0x7F…) + 0x7F…` carries into the high bit of
  /// every byte except the zero ones, so the high bits left clear by `~(… | x | 0x7F…)` count them exactly.
  static func newlines(_ bytes: UnsafeBufferPointer<UInt8>, upTo count: Int) -> Int {
    guard let base = bytes.baseAddress, count > 0 else { return 0 }
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var total = 0
    var i = 0
    while i &+ 8 <= count {
      let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
      total &+= (~(((x & low) &+ low) | x | low)).nonzeroBitCount
      i &+= 8
    }
    while i < count {
      if base[i] == 0x0A { total &+= 1 }
      i &+= 1
    }
    return total
  }

  /// A NUL byte: text has none, so the input is binary or UTF-16 and is not read.
  static func nulError(path: String, offset: Int, line: Int) -> InputError {
    InputError(path: path, line: line, message: "字节偏移 \(offset) 处是 NUL 字节，像是二进制文件或 UTF-16 文本，未读取此文件")
  }

  /// Tries GB18030 for input that is not UTF-8.
  private func fallBack(invalidAt offset: Int, line: Int) throws(InputError) {
    let bytes: [UInt8]
    if let memoryBytes {
      bytes = memoryBytes
    } else {
      bytes = try Self.readAll(path: path)
    }
    if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    {
      try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE)
      return
    }
    let notText = InputError(
      path: path, line: line, message: "字节偏移 \(offset) 处不是有效的 UTF-8，也无法按 GB18030 解码，未读取此文件")
    guard bytes.count < Int(Int32.max / 2) else { throw notText }
    var units = [UInt16](repeating: 0, count: bytes.count + 1)
    var errorOffset: Int32 = 0
    var status: Int32 = 0
    let capacity = units.count
    let n = bytes.withUnsafeBufferPointer { src in
      units.withUnsafeMutableBufferPointer { dst in
        cicu_decode(
          "GB18030", src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity), &errorOffset,
          &status)
      }
    }
    guard n >= 0, Int(n) <= capacity else { throw notText }
    units.removeSubrange(Int(n)...)
    // Binary data can decode as GB18030 too; text has no control characters but tab and line ends.
    if units.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }) {
      throw notText
    }
    memoryBytes = nil
    memoryUnits = units
    encoding = .gb18030
    warning = "\(path): 不是 UTF-8 编码，已按 GB18030 读取"
  }

  /// Reads UTF-16 that starts with a byte order mark; unpaired surrogates or control characters (other
  /// than tab, form feed and line ends) make it not text.
  private func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) throws(InputError) {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = 0
    while i + 1 < bytes.count {
      let high = UInt16(bigEndian ? bytes[i] : bytes[i + 1])
      let low = UInt16(bigEndian ? bytes[i + 1] : bytes[i])
      units.append(high << 8 | low)
      i += 2
    }
    var lines = 1
    for (k, unit) in units.enumerated() {
      let offset = 2 * k
      if unit == 0x0A { lines += 1 }
      var bad = unit < 0x20 && unit != 0x09 && unit != 0x0A && unit != 0x0D && unit != 0x0C
      if UTF16.isLeadSurrogate(unit) {
        bad = k + 1 >= units.count || !UTF16.isTrailSurrogate(units[k + 1])
      } else if UTF16.isTrailSurrogate(unit) {
        bad = k == 0 || !UTF16.isLeadSurrogate(units[k - 1])
      }
      if bad {
        throw InputError(
          path: path, line: lines, message: "字节偏移 \(offset) 处不是有效的 UTF-16 文本（文件以 UTF-16 字节序标记开头），未读取此文件")
      }
    }
    if bytes.count % 2 == 1 {
      throw InputError(
        path: path, line: lines, message: "文件以 UTF-16 字节序标记开头，但字节数是奇数，像是被截断了，未读取此文件")
    }
    memoryBytes = nil
    memoryUnits = units
    encoding = .utf16
    warning = "\(path): 是 UTF-16 编码，已按 UTF-16 读取（建议另存为 UTF-8）"
  }

  /// Calls `body` with each line (without its line end) in order. A line longer than `pieceLimit` arrives
  /// in several calls, all but the last with `endsLine == false`. A final line end makes no extra line.
  public func forEachLine(_ body: (UnsafeBufferPointer<UInt16>, _ endsLine: Bool) -> Void) throws(InputError)
  {
    if let memoryUnits {
      var start = 0
      if memoryUnits.first == 0xFEFF { start = 1 }
      memoryUnits.withUnsafeBufferPointer { u in
        var i = start
        while i < u.count {
          var end = i
          while end < u.count && u[end] != 0x0A { end += 1 }
          var lineEnd = end
          if lineEnd > i && u[lineEnd - 1] == 0x0D { lineEnd -= 1 }
          body(UnsafeBufferPointer(rebasing: u[i..<lineEnd]), true)
          i = end + 1
        }
      }
      return
    }
    try withoutActuallyEscaping(body) { (body) throws(InputError) in
      var splitter = LineSplitter(body: body)
      if let memoryBytes {
        memoryBytes.withUnsafeBufferPointer { splitter.feed($0, isEnd: true) }
        return
      }
      guard let file = fopen(path, "rb") else {
        throw InputError(path: path, message: "无法读取：\(Self.errnoText())")
      }
      defer { fclose(file) }
      var block = [UInt8](repeating: 0, count: 1 << 18)
      while true {
        let n = block.withUnsafeMutableBufferPointer { fread($0.baseAddress!, 1, $0.count, file) }
        block.withUnsafeBufferPointer {
          splitter.feed(UnsafeBufferPointer(rebasing: $0[0..<n]), isEnd: n == 0)
        }
        if n == 0 { break }
      }
    }
  }

  /// Reads the whole input as one string (one post per file): BOM removed, line ends as LF.
  public func readString() throws(InputError) -> String {
    var units: [UInt16] = []
    var lines = 0
    try forEachLine { line, endsLine in
      units.append(contentsOf: line)
      if endsLine {
        units.append(0x0A)
        lines += 1
      }
    }
    if lines > 0 { units.removeLast() }
    return String(decoding: units, as: UTF16.self)
  }

  static func errnoText(_ code: Int32 = errno) -> String { SystemErrorText.describe(code) }

  private static func readAll(path: String) throws(InputError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    if fd < 0 { throw InputError(path: path, message: "无法读取：\(errnoText())") }
    defer { close(fd) }
    return try readAll(fd: fd, name: path)
  }

  private static func readAll(fd: Int32, name: String) throws(InputError) -> [UInt8] {
    switch FileBytes.read(fd: fd) {
    case .success(let bytes): return bytes
    case .failure(let error): throw InputError(path: name, message: "读取失败：\(errnoText(error.code))")
    }
  }
}

/// Splits a stream of valid UTF-8 blocks into UTF-16 lines (see `TextInput.forEachLine`).
private struct LineSplitter {
  let body: (UnsafeBufferPointer<UInt16>, Bool) -> Void
  var pending: [UInt16] = []
  var carry: [UInt8] = []
  var scratch: [UInt16] = []
  var atStart = true
  /// Whether part of the current line was already delivered (a long line in pieces).
  var lineStarted = false

  init(body: @escaping (UnsafeBufferPointer<UInt16>, Bool) -> Void) {
    self.body = body
  }

  /// The offset of the first line feed in `bytes` from `start` on, or `bytes.count` (memchr).
  @inline(__always)
  static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard start < bytes.count, let base = bytes.baseAddress,
      let found = memchr(base + start, 0x0A, bytes.count - start)
    else { return bytes.count }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  mutating func feed(_ input: UnsafeBufferPointer<UInt8>, isEnd: Bool) {
    var bytes = input
    var joined: [UInt8] = []
    if !carry.isEmpty {
      joined = carry + Array(input)
      carry.removeAll()
    }
    joined.withUnsafeBufferPointer { j in
      if !j.isEmpty { bytes = j }
      var start = 0
      if atStart && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
      if atStart && (bytes.count >= 3 || isEnd) { atStart = false }
      if scratch.count < bytes.count + 1 { scratch = [UInt16](repeating: 0, count: bytes.count + 1) }
      var i = start
      while i < bytes.count {
        let end = Self.lineEnd(bytes, from: i)
        if end == bytes.count && !isEnd {
          // Unfinished line: decode what is whole, keep the rest for the next block.
          let result = scratch.withUnsafeMutableBufferPointer {
            UTF8Decoder.decode(
              UnsafeBufferPointer(rebasing: bytes[i..<end]), into: $0.baseAddress!, isFinal: false)
          }
          pending.append(contentsOf: scratch[0..<result.written])
          carry = Array(bytes[(i + result.consumed)..<end])
          if pending.count > TextInput.pieceLimit {
            var keep = 0
            if pending.last == 0x0D || (pending.last.map { UTF16.isLeadSurrogate($0) } ?? false) { keep = 1 }
            let cut = pending.count - keep
            pending.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<cut]), false) }
            pending.removeSubrange(0..<cut)
            lineStarted = true
          }
          return
        }
        let result = scratch.withUnsafeMutableBufferPointer {
          UTF8Decoder.decode(
            UnsafeBufferPointer(rebasing: bytes[i..<end]), into: $0.baseAddress!, isFinal: true)
        }
        var written = result.written
        if pending.isEmpty {
          if written > 0 && scratch[written - 1] == 0x0D { written -= 1 }
          scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<written]), true) }
        } else {
          pending.append(contentsOf: scratch[0..<written])
          if pending.last == 0x0D { pending.removeLast() }
          pending.withUnsafeBufferPointer { body($0, true) }
          pending.removeAll(keepingCapacity: true)
        }
        lineStarted = false
        i = end + 1
      }
      // A last line without a line end: deliver what is pending, and close a line begun in pieces.
      if isEnd && (!pending.isEmpty || lineStarted) {
        if pending.last == 0x0D { pending.removeLast() }
        pending.withUnsafeBufferPointer { body($0, true) }
        pending.removeAll()
        lineStarted = false
      }
    }
  }
}
