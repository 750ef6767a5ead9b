/// An open-addressing hash table from feature key to feature index, built at model load: one probe at
/// a typical load factor of at most one half.
struct KeyTable: Sendable {
  private struct Slot {
    var key: UInt64
    var index: Int32
  }

  private let slots: [Slot]
  private let mask: Int

  init(keys: [UInt64]) {
    var size = 16
    while size < keys.count * 2 { size <<= 1 }
    var slots = [Slot](repeating: Slot(key: 0, index: -1), count: size)
    let mask = size - 1
    for (index, key) in keys.enumerated() {
      var i = Int(truncatingIfNeeded: key) & mask
      while slots[i].index >= 0 { i = (i + 1) & mask }
      slots[i] = Slot(key: key, index: Int32(index))
    }
    self.slots = slots
    self.mask = mask
  }

  /// The index of `key`, or -1.
  @inline(__always)
  func index(of key: UInt64) -> Int {
    slots.withUnsafeBufferPointer { s in
      var i = Int(truncatingIfNeeded: key) & mask
      while true {
        let slot = s[i]
        if slot.key == key && slot.index >= 0 { return Int(slot.index) }
        if slot.index < 0 { return -1 }
        i = (i + 1) & mask
      }
    }
  }
}
