/// An open-addressing hash table from feature key to feature index and log-odds weight, built at model
/// load: one probe (one cache line) per lookup at a load factor of at most one half.
struct KeyTable: Sendable {
  private struct Slot {
    var key: UInt64
    var index: Int32
    var weight: Float
  }

  private let slots: [Slot]
  private let mask: Int

  /// `weights[i]` is stored with `keys[i]` (empty for none).
  init(keys: [UInt64], weights: [Double] = []) {
    var size = 16
    while size < keys.count * 2 { size <<= 1 }
    var slots = [Slot](repeating: Slot(key: 0, index: -1, weight: 0), count: size)
    let mask = size - 1
    for (index, key) in keys.enumerated() {
      var i = Int(truncatingIfNeeded: key) & mask
      while slots[i].index >= 0 { i = (i + 1) & mask }
      slots[i] = Slot(key: key, index: Int32(index), weight: weights.isEmpty ? 0 : Float(weights[index]))
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

  /// The summed weights of the known keys among `keys`.
  @inline(__always)
  func sum(of keys: [UInt64]) -> Double {
    slots.withUnsafeBufferPointer { s in
      var total = 0.0
      for key in keys {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
          let slot = s[i]
          if slot.index < 0 { break }
          if slot.key == key {
            total += Double(slot.weight)
            break
          }
          i = (i + 1) & mask
        }
      }
      return total
    }
  }
}
