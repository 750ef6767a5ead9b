import Foundation

/// The analysed history on disk: for each history file, keyed by its git blob id or content hash, the
/// `PostFacts` of the posts in it. A hook then reads and segments only what changed.
///
/// Binary, little-endian: magic `SIYUHC`, format version, the fingerprint of everything that affects the
/// cached values (siyu's version and build, the configuration and the files it names), the entries, and
/// a checksum of all that. A file that is short, has another version or fingerprint, or fails the
/// checksum is ignored (and rewritten by the next run). Written through `AtomicFile` (temporary file and
/// rename), so two runs that race leave one complete cache, never a mixed one.
public struct HistoryCache: Sendable {
  /// One cached post: its id suffix within the file (`""`, or `#ROW` for batch rows) and its facts.
  public struct Item: Sendable, Equatable {
    public var suffix: String
    public var facts: PostFacts

    public init(suffix: String, facts: PostFacts) {
      self.suffix = suffix
      self.facts = facts
    }
  }

  /// Bump when the layout or the meaning of a cached value changes (e.g. the MinHash shingles).
  /// Version 2: flag bit 16, a date-only `publish_at`.
  public static let formatVersion: UInt32 = 2
  static let magic = Array("SIYUHC".utf8)

  public let fingerprint: String
  public private(set) var entries: [String: [Item]]

  public init(fingerprint: String, entries: [String: [Item]] = [:]) {
    self.fingerprint = fingerprint
    self.entries = entries
  }

  public subscript(key: String) -> [Item]? {
    get { entries[key] }
    set { entries[key] = newValue }
  }

  /// The cache in `data`, or nil when it is not a complete cache of this version and fingerprint.
  public static func decode(_ data: Data, fingerprint: String) -> HistoryCache? {
    var reader = Reader(bytes: [UInt8](data))
    guard data.count >= 16 else { return nil }
    let body = reader.bytes.count - 8
    var checksum = Reader(bytes: reader.bytes, offset: body)
    guard let stored = checksum.u64(), stored == Hash.fnv(reader.bytes[0..<body]) else { return nil }
    reader.limit = body
    guard reader.raw(magic.count) == magic, reader.u32() == formatVersion, reader.string() == fingerprint,
      let count = reader.u32()
    else { return nil }
    var entries: [String: [Item]] = [:]
    entries.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let key = reader.string(), let items = reader.u16() else { return nil }
      var list: [Item] = []
      for _ in 0..<items {
        guard let suffix = reader.string(), let flags = reader.u8(), let time = reader.i64(),
          let channel = reader.string()
        else { return nil }
        var group: String?
        var persona: String?
        if flags & 4 != 0 {
          guard let g = reader.string() else { return nil }
          group = g
        }
        if flags & 8 != 0 {
          guard let p = reader.string() else { return nil }
          persona = p
        }
        guard let slots = reader.slots(MinHash.count) else { return nil }
        let publishAt = flags & 1 != 0 ? Date(timeIntervalSince1970: TimeInterval(time) / 1000) : nil
        list.append(
          Item(
            suffix: suffix,
            facts: PostFacts(
              channel: channel, group: group, persona: persona, publishAt: publishAt,
              publishDateOnly: flags & 16 != 0, hardSell: flags & 2 != 0,
              signature: MinHash(slots: slots))))
      }
      entries[key] = list
    }
    guard reader.offset == body else { return nil }
    return HistoryCache(fingerprint: fingerprint, entries: entries)
  }

  /// The cache as bytes (entries sorted by key, so equal caches are equal files).
  public func encode() -> Data {
    var out: [UInt8] = []
    out.reserveCapacity(entries.count * 320 + 64)
    out += Self.magic
    Writer.u32(Self.formatVersion, &out)
    Writer.string(fingerprint, &out)
    Writer.u32(UInt32(entries.count), &out)
    for key in entries.keys.sorted() {
      let items = entries[key] ?? []
      Writer.string(key, &out)
      Writer.u16(UInt16(min(items.count, Int(UInt16.max))), &out)
      for item in items.prefix(Int(UInt16.max)) {
        let f = item.facts
        var flags: UInt8 = 0
        if f.publishAt != nil { flags |= 1 }
        if f.hardSell { flags |= 2 }
        if f.group != nil { flags |= 4 }
        if f.persona != nil { flags |= 8 }
        if f.publishDateOnly { flags |= 16 }
        Writer.string(item.suffix, &out)
        out.append(flags)
        let millis = f.publishAt.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? 0
        Writer.u64(UInt64(bitPattern: millis), &out)
        Writer.string(f.channel, &out)
        if let g = f.group { Writer.string(g, &out) }
        if let p = f.persona { Writer.string(p, &out) }
        for slot in f.signature.slots { Writer.u16(slot, &out) }
      }
    }
    Writer.u64(Hash.fnv(out[...]), &out)
    return Data(out)
  }

  /// Reads the cache at `path`; nil when there is none or it cannot be used.
  public static func load(path: String, fingerprint: String) -> HistoryCache? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return decode(data, fingerprint: fingerprint)
  }

  /// Writes the cache to `path` atomically, creating its folder; failures are ignored (a cache is
  /// only an optimisation).
  public func save(path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try? AtomicFile.write(encode(), to: path)
  }

  private struct Reader {
    let bytes: [UInt8]
    var offset = 0
    var limit: Int

    init(bytes: [UInt8], offset: Int = 0) {
      self.bytes = bytes
      self.offset = offset
      self.limit = bytes.count
    }

    mutating func raw(_ n: Int) -> [UInt8]? {
      guard n >= 0, offset + n <= limit else { return nil }
      defer { offset += n }
      return Array(bytes[offset..<(offset + n)])
    }

    mutating func u8() -> UInt8? {
      guard offset < limit else { return nil }
      defer { offset += 1 }
      return bytes[offset]
    }

    mutating func uint(_ n: Int) -> UInt64? {
      guard offset + n <= limit else { return nil }
      var value: UInt64 = 0
      for i in 0..<n { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
      offset += n
      return value
    }

    mutating func u16() -> UInt16? { uint(2).map { UInt16($0) } }
    mutating func u32() -> UInt32? { uint(4).map { UInt32($0) } }
    mutating func u64() -> UInt64? { uint(8) }
    mutating func i64() -> Int64? { uint(8).map { Int64(bitPattern: $0) } }

    mutating func string() -> String? {
      guard let length = u32(), let raw = raw(Int(length)) else { return nil }
      return String(validating: raw, as: UTF8.self)
    }

    mutating func slots(_ count: Int) -> [UInt16]? {
      guard offset + 2 * count <= limit else { return nil }
      var result = [UInt16](repeating: 0, count: count)
      for i in 0..<count {
        result[i] = UInt16(bytes[offset + 2 * i]) | UInt16(bytes[offset + 2 * i + 1]) << 8
      }
      offset += 2 * count
      return result
    }
  }

  private enum Writer {
    static func u16(_ v: UInt16, _ out: inout [UInt8]) {
      out.append(UInt8(truncatingIfNeeded: v))
      out.append(UInt8(truncatingIfNeeded: v >> 8))
    }
    static func u32(_ v: UInt32, _ out: inout [UInt8]) {
      for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
    }
    static func u64(_ v: UInt64, _ out: inout [UInt8]) {
      for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }
    static func string(_ s: String, _ out: inout [UInt8]) {
      let bytes = Array(s.utf8)
      u32(UInt32(bytes.count), &out)
      out += bytes
    }
  }
}

/// FNV-1a, for content keys, fingerprints and the cache checksum (not for security).
public enum Hash {
  public static func fnv(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
    var hash = seed
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// A 128-bit hex digest of `bytes` (two FNV-1a passes with different seeds).
  public static func hex128(_ bytes: [UInt8]) -> String {
    let a = fnv(bytes)
    let b = fnv(bytes, seed: 0x6C62_272E_07BB_0142)
    return hex(a) + hex(b)
  }

  static func hex(_ value: UInt64) -> String {
    let s = String(value, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}
