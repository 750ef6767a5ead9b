/// Text made safe for an HTML page: element content and quoted attribute values alike.
enum HTMLText {
  /// `text` with `&`, `<`, `>`, `"` and `'` written as character references and control characters (other
  /// than tab and line breaks), which HTML forbids, replaced by U+FFFD.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// At most `limit` characters of `text`, the last replaced by `…` when it is cut (not escaped).
  static func truncate(_ text: String, to limit: Int) -> String {
    guard text.count > limit, limit > 0 else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }
}
