/// A profile's character and clause-shape counts (`StyleModel` scores with them).
///
/// In profile files each table is one string of `KEY<TAB>COUNT` lines, most frequent first: keys are one
/// or two characters (or a clause-length pattern such as `5_4`), never white space, so the file stays
/// readable and loads without a dictionary entry per n-gram.
public struct StyleNGrams: Sendable, Equatable, Codable {
  /// Single characters by code point (ASCII digits folded to 0).
  public var unigrams: [UInt32: Int]
  /// Adjacent pairs, `first << 32 | second`.
  public var bigrams: [UInt64: Int]
  /// Clause-length patterns (`StyleShape`).
  public var shapes: [UInt32: Int]

  public init(unigrams: [UInt32: Int] = [:], bigrams: [UInt64: Int] = [:], shapes: [UInt32: Int] = [:]) {
    self.unigrams = unigrams
    self.bigrams = bigrams
    self.shapes = shapes
  }

  enum CodingKeys: String, CodingKey {
    case unigrams, bigrams, shapes
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    func scalar(_ c: UInt32) -> String { Unicode.Scalar(c).map { String($0) } ?? "\u{FFFD}" }
    try container.encode(Self.table(unigrams) { scalar($0) }, forKey: .unigrams)
    try container.encode(
      Self.table(bigrams) { scalar(UInt32($0 >> 32)) + scalar(UInt32($0 & 0xFFFF_FFFF)) }, forKey: .bigrams)
    try container.encode(Self.table(shapes) { StyleShape.text($0) }, forKey: .shapes)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    /// Calls `store(key scalars, count)` for each line of table `key`; false from `store` is a bad key.
    func read(_ key: CodingKeys, _ store: ([UInt32], Int) -> Bool) throws {
      var text = try container.decode(String.self, forKey: key)
      if let line = text.withUTF8({ Self.parse($0, store) }) {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: container, debugDescription: "第 \(line) 行应为「键<TAB>正整数次数」")
      }
    }
    var unigrams: [UInt32: Int] = [:]
    var bigrams: [UInt64: Int] = [:]
    var shapes: [UInt32: Int] = [:]
    try read(.unigrams) { key, n in
      guard key.count == 1 else { return false }
      unigrams[key[0]] = n
      return true
    }
    try read(.bigrams) { key, n in
      guard key.count == 2 else { return false }
      bigrams[UInt64(key[0]) << 32 | UInt64(key[1])] = n
      return true
    }
    try read(.shapes) { key, n in
      guard key.allSatisfy({ $0 < 0x80 }),
        let shape = StyleShape.key(String(decoding: key.map { UInt8($0) }, as: UTF8.self))
      else { return false }
      shapes[shape] = n
      return true
    }
    self.init(unigrams: unigrams, bigrams: bigrams, shapes: shapes)
  }

  /// Reads `KEY<TAB>COUNT` lines from UTF-8 `bytes` (a plain byte loop: profiles are read at start-up),
  /// calling `store(key scalars, count)`. Returns the 1-based number of the first bad line, or nil.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ store: ([UInt32], Int) -> Bool) -> Int? {
    var key: [UInt32] = []
    key.reserveCapacity(4)
    var line = 0
    var i = 0
    let n = bytes.count
    while i < n {
      line += 1
      key.removeAll(keepingCapacity: true)
      while i < n && bytes[i] != 0x09 && bytes[i] != 0x0A {
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        guard i + length <= n else { return line }
        var c = length == 1 ? UInt32(b) : UInt32(b) & (0xFF >> (length + 1))
        for k in 1..<length { c = c << 6 | UInt32(bytes[i + k] & 0x3F) }
        key.append(c)
        i += length
      }
      guard i < n, bytes[i] == 0x09 else { return line }
      i += 1
      var count = 0
      var digits = 0
      while i < n && bytes[i] >= 0x30 && bytes[i] <= 0x39 && digits < 18 {
        count = count * 10 + Int(bytes[i] - 0x30)
        digits += 1
        i += 1
      }
      guard count > 0, i >= n || bytes[i] == 0x0A, store(key, count) else { return line }
      i += 1
    }
    return nil
  }

  /// `counts` as `KEY<TAB>COUNT` lines, most frequent first, ties by key.
  static func table<K: Comparable>(_ counts: [K: Int], _ text: (K) -> String) -> String {
    var out = ""
    for (key, count) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
      out += text(key)
      out += "\t"
      out += String(count)
      out += "\n"
    }
    return out
  }
}
