import SiyuCore
import SiyuText

/// Which characters a post's normalized text and which kinds its tokens contain, from one pass each:
/// rules that look for a shape (a masked number, 满N减M, a street number, an unsubscribe code, a 【】
/// signature, a disguised phone number, a run of ！ or emoji, links) skip their own scan of the post
/// when the characters or tokens that shape needs are absent, as they are from most posts.
///
/// Computed once per document (`of(_:)`): a value kept by the document's `CueScan`, which the cue
/// rules need anyway, or else by a `TextInventory.Analysis` of its own. One analysis object per post
/// instead of two saves its allocation, its memo slot and its release.
struct TextInventory: Sendable, Equatable {
  /// The inventory as an analysis of its own, for documents with no `CueScan`.
  final class Analysis: DocumentAnalysis {
    let inventory: TextInventory

    init(_ document: borrowing Document) {
      inventory = TextInventory(document)
    }
  }

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
    /// 最 仅 只 还, which start the countdown words (最后, 仅剩, 只有, 还剩), and 前 (前50名下单).
    static let countdownLead = Characters(rawValue: 1 << 6)
    /// A unit `DeobfuscatedText.digitValue` reads as a digit (counted in `digitValued`); the top bit,
    /// so that it is counted by shifting.
    static let digitValued = Characters(rawValue: 1 << 7)
  }

  /// The kinds of characters present.
  let characters: Characters
  /// How many units read as digits: a disguised mobile number needs 11.
  let digitValued: Int
  /// How many tokens are emoji, links, prices and contacts.
  let emoji: Int
  let links: Int
  let prices: Int
  let contacts: Int

  /// The inventory of `document`, computed once: the one its `CueScan` keeps if it has one, else its
  /// `Analysis`.
  static func of(_ document: Document) -> TextInventory {
    document.withExistingAnalysis(CueScan.self) { $0.inventory }
      ?? document.withAnalysis(Analysis.self) { $0.inventory }
  }

  /// `body` applied to `of(document)`, inlined into the rule that asks: the rules that read the
  /// inventory read one or two fields of it, most posts stop there, and a call to `of` that copies the
  /// whole inventory cost more than the test.
  @inline(__always)
  static func read<R>(_ document: Document, _ body: (TextInventory) -> R) -> R {
    document.withExistingAnalysis(CueScan.self) { body($0.inventory) }
      ?? document.withAnalysis(Analysis.self) { body($0.inventory) }
  }

  /// Counts `document`'s characters and tokens (a pass each); rules read `of(_:)`, computed once.
  init(_ document: borrowing Document) {
    var found: UInt8 = 0
    var digits = 0
    Self.ascii.withUnsafeBufferPointer { ascii in
      Self.marked.withUnsafeBufferPointer { marked in
        document.normalized.withUnsafeBufferPointer { text in
          for unit in text {
            let bits: UInt8
            if unit < 0x80 {
              bits = ascii[Int(unit)]
            } else if marked[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0 {
              bits = Self.kinds(of: unit)
            } else {
              continue
            }
            found |= bits
            digits &+= Int(bits >> 7)
          }
        }
      }
    }
    characters = Characters(rawValue: found)
    digitValued = digits
    var emoji = 0
    var links = 0
    var prices = 0
    var contacts = 0
    for token in document.tokens {
      switch token.kind {
      case .emoji: emoji += 1
      case .url: links += 1
      case .price: prices += 1
      case .contact: contacts += 1
      default: break
      }
    }
    self.emoji = emoji
    self.links = links
    self.prices = prices
    self.contacts = contacts
  }

  /// The character kinds of a unit.
  static func kinds(of unit: UInt16) -> UInt8 {
    var kinds: Characters = []
    switch unit {
    case 0x78, 0x2A: kinds.insert(.digitMask)  // x *
    case 0x51CF, 0x9001, 0x8D60, 0x8FD4, 0x2192, 0x2D: kinds.insert(.offerJoiner)  // 减 送 赠 返 → -
    case 0x53F7: kinds.insert(.houseNumber)  // 号
    case 0x9000, 0x62D2: kinds.insert(.unsubscribe)  // 退 拒
    case 0x3011: kinds.insert(.closingBracket)  // 】
    case 0x21: kinds.insert(.exclamation)
    case 0x6700, 0x4EC5, 0x53EA, 0x8FD8, 0x524D: kinds.insert(.countdownLead)  // 最 仅 只 还 前
    default: break
    }
    if DeobfuscatedText.digitValue(unit) != nil { kinds.insert(.digitValued) }
    return kinds.rawValue
  }

  /// Kinds of the ASCII units.
  private static let ascii: [UInt8] = (0..<128).map { kinds(of: UInt16($0)) }

  /// One bit per non-ASCII unit that has a kind: a compact table, where a byte per unit would spread
  /// the lookups of CJK text over 20 KB and miss the cache.
  static let marked: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 1024)
    for unit in Array("减送赠返→号退拒】最仅只还前".utf16) + DeobfuscatedText.nonASCIIDigitUnits {
      precondition(kinds(of: unit) != 0)
      bits[Int(unit >> 6)] |= 1 << UInt64(unit & 63)
    }
    return bits
  }()
}
