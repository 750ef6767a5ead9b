import CICU

/// An open-addressing hash table (linear probing, load factor at most three quarters) from feature key to its
/// log-odds weight and feature index, built at model load.
///
/// Scoring touches one 8-byte slot per lookup: the key's upper 31 bits as a fingerprint (never 0, which
/// marks an empty slot) and the weight as `Float`; the slot is found from the key's low bits. A false
/// match would need two keys agreeing on 31 more hash bits within one probe run, which does not happen
/// at model sizes (a 10⁻⁸ chance per post at 200,000 features). `index(of:)` (explanations, `learn`,
/// `fisher` scoring) checks the full key: through a slot-to-index table for a table without weights
/// (`fisher`, which looks up every feature's index), by binary search over the sorted keys otherwise, which
/// spares the additive algorithms building a table the size of the model at every start-up.
struct KeyTable: Sendable {
  fileprivate struct Slot {
    var fingerprint: UInt32
    var weight: Float
  }

  private let slots: [Slot]
  /// Feature index per slot (-1 when empty); empty when the table has weights (see the type's documentation).
  private let indices: [Int32]
  /// Strictly increasing.
  private let keys: [UInt64]
  private let mask: Int

  @inline(__always)
  private static func fingerprint(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) | 1 }

  /// `weights[i]` is stored with `keys[i]` (empty for none). `keys` must be strictly increasing.
  init(keys: [UInt64], weights: [Double] = []) {
    var size = 16
    while size * 3 < keys.count * 4 { size <<= 1 }
    let mask = size - 1
    var indices: [Int32] = weights.isEmpty ? [Int32](repeating: -1, count: size) : []
    let slots = [Slot](unsafeUninitializedCapacity: size) { slots, count in
      slots.initialize(repeating: Slot(fingerprint: 0, weight: 0))
      keys.withUnsafeBufferPointer { keys in
        for index in keys.indices {
          let key = keys[index]
          var i = Int(truncatingIfNeeded: key) & mask
          while slots[i].fingerprint != 0 { i = (i &+ 1) & mask }
          slots[i] = Slot(
            fingerprint: Self.fingerprint(key), weight: weights.isEmpty ? 0 : Float(weights[index]))
          if weights.isEmpty { indices[i] = Int32(index) }
        }
      }
      count = size
    }
    self.slots = slots
    self.indices = indices
    self.keys = keys
    self.mask = mask
  }

  /// How many slots the table has (slot positions are below this).
  var slotCount: Int { slots.count }

  /// The index of `key`, or -1 (exact).
  func index(of key: UInt64) -> Int {
    if indices.isEmpty {
      var lo = 0
      var hi = keys.count
      while lo < hi {
        let mid = (lo + hi) >> 1
        if keys[mid] < key { lo = mid + 1 } else { hi = mid }
      }
      return lo < keys.count && keys[lo] == key ? lo : -1
    }
    var i = Int(truncatingIfNeeded: key) & mask
    while indices[i] >= 0 {
      if keys[Int(indices[i])] == key { return Int(indices[i]) }
      i = (i + 1) & mask
    }
    return -1
  }

  /// The slot holding `key`, or -1 (by fingerprint, see the type's documentation).
  @inline(__always)
  func slot(of key: UInt64) -> Int {
    let fingerprint = Self.fingerprint(key)
    return slots.withUnsafeBufferPointer { s in
      var i = Int(truncatingIfNeeded: key) & mask
      while true {
        let f = s[i].fingerprint
        if f == fingerprint { return i }
        if f == 0 { return -1 }
        i = (i + 1) & mask
      }
    }
  }

  /// Calls `body` with a function that starts fetching the slot where a lookup of a key begins, so the
  /// cache misses of a post's lookups overlap the feature extraction instead of following it.
  @inline(__always)
  func withPrefetch<R>(_ body: ((UInt64) -> Void) -> R) -> R {
    slots.withUnsafeBufferPointer { s in
      let base = UnsafeRawPointer(s.baseAddress!)
      let mask = self.mask
      return body { key in
        cicu_prefetch(base + (Int(truncatingIfNeeded: key) & mask) * MemoryLayout<Slot>.stride)
      }
    }
  }

  /// The slots seen through a pointer, for a loop of lookups (no array access per lookup).
  struct Probe {
    fileprivate let slots: UnsafePointer<Slot>
    fileprivate let mask: Int

    /// The slot holding `key`, or -1 (as `KeyTable.slot(of:)`).
    @inline(__always)
    func slot(of key: UInt64) -> Int {
      let fingerprint = KeyTable.fingerprint(key)
      var i = Int(truncatingIfNeeded: key) & mask
      while true {
        let f = slots[i].fingerprint
        if f == fingerprint { return i }
        if f == 0 { return -1 }
        i = (i &+ 1) & mask
      }
    }

    /// The weight stored in slot `position` (as `KeyTable.weight(atSlot:)`).
    @inline(__always)
    func weight(atSlot position: Int) -> Double { Double(slots[position].weight) }
  }

  /// Calls `body` with a `Probe` of the table, valid only inside `body`.
  @inline(__always)
  func withProbe<R>(_ body: (Probe) -> R) -> R {
    slots.withUnsafeBufferPointer { body(Probe(slots: $0.baseAddress!, mask: mask)) }
  }

  /// The weight stored in slot `position`.
  @inline(__always)
  func weight(atSlot position: Int) -> Double { Double(slots[position].weight) }

  /// The summed weights of the known keys among `keys` (distinct keys).
  @inline(__always)
  func sum(of keys: [UInt64]) -> Double {
    keys.withUnsafeBufferPointer { sum(of: $0) }
  }

  /// The summed weights of the known keys among `keys` (distinct keys).
  @inline(__always)
  func sum(of keys: UnsafeBufferPointer<UInt64>) -> Double {
    var total = 0.0
    for key in keys {
      let s = slot(of: key)
      if s >= 0 { total += weight(atSlot: s) }
    }
    return total
  }
}
