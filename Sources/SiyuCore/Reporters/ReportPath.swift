/// A `PostReport.path` taken apart for formats that need a file: `FILE#ROW` (a batch row, rows 1-based)
/// splits into the file and the row; any other path is a file of its own.
struct ReportPath: Sendable, Equatable {
  var file: String
  var row: Int?

  init(_ path: String) {
    if let hash = path.lastIndex(of: "#"), hash != path.startIndex {
      let digits = path[path.index(after: hash)...]
      if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let row = Int(digits) {
        file = String(path[..<hash])
        self.row = row
        return
      }
    }
    file = path
    row = nil
  }

  /// The file as a URI: a relative reference for a relative path, with `.` and `a/..` steps resolved
  /// (`sub/../posts/a.md` → `posts/a.md`; leading `..` stay), a `file://` URI for an absolute one; every
  /// byte of its UTF-8 outside the unreserved characters and `/` is percent-encoded (`posts/早安 1.md` →
  /// `posts/%E6%97%A9%E5%AE%89%201.md`).
  var fileURI: String {
    var parts: [Substring] = []
    for part in file.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    let absolute = file.hasPrefix("/")
    let trailing = file.hasSuffix("/") && !parts.isEmpty ? "/" : ""
    let path = (absolute ? "/" : "") + parts.joined(separator: "/") + trailing
    var out = absolute ? "file://" : ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        out.unicodeScalars.append("%")
        out.unicodeScalars.append(hex[Int(byte >> 4)])
        out.unicodeScalars.append(hex[Int(byte & 15)])
      }
    }
    return out
  }
}
