import SiyuCore
import SiyuText

/// Which characters a post's normalized text and which kinds its tokens contain, from one pass each:
/// rules that look for a shape (a masked number, 满N减M, a street number, an unsubscribe code, a 【】
/// signature, a disguised phone number, a run of ！ or emoji, links) skip their own scan of the post
/// when the characters or tokens that shape needs are absent, as they are from most posts. Shared per
/// document (`Document.analysis`).
final class TextInventory: DocumentAnalysis {
  /// Kinds of characters, as bits.
  struct Characters: OptionSet, Sendable {
    let rawValue: UInt8
    /// `x` or `*`, which mask digits (`NumberShapes.maskedRuns`).
    static let digitMask = Characters(rawValue: 1 << 0)
    /// 减 送 赠 返 → and `-` (as in `->`): what joins the two numbers of an offer (`NumberShapes.offers`).
    static let offerJoiner = Characters(rawValue: 1 << 1)
    /// 号, which ends a street number.
    static let houseNumber = Characters(rawValue: 1 << 2)
    /// 退 or 拒, which start 退订 and 拒收.
    static let unsubscribe = Characters(rawValue: 1 << 3)
    /// 】, which closes a signature.
    static let closingBracket = Characters(rawValue: 1 << 4)
    /// `!` (！ after NFKC).
    static let exclamation = Characters(rawValue: 1 << 5)
    /// A unit `DeobfuscatedText.digitValue` reads as a digit (counted in `digitValued`).
    static let digitValued = Characters(rawValue: 1 << 6)
  }

  /// The kinds of characters present.
  let characters: Characters
  /// How many units read as digits: a disguised mobile number needs 11.
  let digitValued: Int
  /// How many tokens are emoji, and how many links.
  let emoji: Int
  let links: Int

  init(_ document: Document) {
    var found: UInt8 = 0
    var digits = 0
    Self.table.withUnsafeBufferPointer { table in
      document.normalized.withUnsafeBufferPointer { text in
        for unit in text {
          let bits = table[Int(unit)]
          found |= bits
          digits &+= Int(bits >> 6)
        }
      }
    }
    characters = Characters(rawValue: found)
    digitValued = digits
    var emoji = 0
    var links = 0
    for token in document.tokens {
      switch token.kind {
      case .emoji: emoji += 1
      case .url: links += 1
      default: break
      }
    }
    self.emoji = emoji
    self.links = links
  }

  /// The character kinds of every UTF-16 unit (`digitValued` is the top bit, so it can be counted by
  /// shifting).
  private static let table: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 0x10000)
    func mark(_ units: String, _ kind: Characters) {
      for unit in units.utf16 { table[Int(unit)] |= kind.rawValue }
    }
    mark("x*", .digitMask)
    mark("减送赠返→-", .offerJoiner)
    mark("号", .houseNumber)
    mark("退拒", .unsubscribe)
    mark("】", .closingBracket)
    mark("!", .exclamation)
    for unit in 0...0xFFFF where DeobfuscatedText.digitValue(UInt16(unit)) != nil {
      table[unit] |= Characters.digitValued.rawValue
    }
    return table
  }()
}
