/// An immutable trie over UTF-16 code units, built once and walked in the hot path without allocation.
///
/// Each stored key carries a payload (an index chosen by the builder, e.g. the entry's kind). The root's
/// children are a direct 64K table; deeper nodes keep their children sorted in flat arrays.
public struct Trie: Sendable {
  /// Node index of the root's child for each first unit, 0 when absent.
  private var rootTable: [Int32]
  private var childStart: [Int32]
  private var childCount: [Int32]
  private var childUnits: [UInt16]
  private var childNodes: [Int32]
  /// Payload of the key ending at a node, or -1.
  private var payloads: [Int32]
  /// Length in units of the longest key.
  public private(set) var maxKeyLength: Int

  public var isEmpty: Bool { payloads.count <= 1 }

  /// Builds a trie from `(key, payload)` pairs; a later duplicate key replaces the earlier payload.
  public init<S: Sequence>(_ keys: S) where S.Element == ([UInt16], Int32) {
    // Build a mutable node graph first, then flatten.
    var children: [[UInt16: Int32]] = [[:]]
    var payload: [Int32] = [-1]
    var maxLength = 0
    for (key, value) in keys where !key.isEmpty {
      maxLength = max(maxLength, key.count)
      var node: Int32 = 0
      for unit in key {
        if let next = children[Int(node)][unit] {
          node = next
        } else {
          let next = Int32(children.count)
          children.append([:])
          payload.append(-1)
          children[Int(node)][unit] = next
          node = next
        }
      }
      payload[Int(node)] = value
    }
    var rootTable = [Int32](repeating: 0, count: 65536)
    for (unit, node) in children[0] { rootTable[Int(unit)] = node }
    var childStart = [Int32](repeating: 0, count: children.count)
    var childCount = [Int32](repeating: 0, count: children.count)
    var childUnits: [UInt16] = []
    var childNodes: [Int32] = []
    for (index, map) in children.enumerated() where index > 0 {
      childStart[index] = Int32(childUnits.count)
      childCount[index] = Int32(map.count)
      for (unit, node) in map.sorted(by: { $0.key < $1.key }) {
        childUnits.append(unit)
        childNodes.append(node)
      }
    }
    self.rootTable = rootTable
    self.childStart = childStart
    self.childCount = childCount
    self.childUnits = childUnits
    self.childNodes = childNodes
    self.payloads = payload
    self.maxKeyLength = maxLength
  }

  /// Convenience: builds from strings, all with the same payload.
  public init<S: Sequence>(words: S, payload: Int32 = 0) where S.Element == String {
    self.init(words.map { (Array($0.utf16), payload) })
  }

  /// Calls `match(end, payload)` for every key that is a prefix of `text[start..<limit]`, shortest first.
  /// `end` is the index just past the key. Return false from `match` to stop early.
  @inline(__always)
  public func forEachPrefix(
    in text: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int,
    _ match: (_ end: Int, _ payload: Int32) -> Bool
  ) {
    guard start < limit else { return }
    var node = rootTable.withUnsafeBufferPointer { $0[Int(text[start])] }
    if node == 0 { return }
    childStart.withUnsafeBufferPointer { starts in
      childCount.withUnsafeBufferPointer { counts in
        childUnits.withUnsafeBufferPointer { units in
          childNodes.withUnsafeBufferPointer { nodes in
            payloads.withUnsafeBufferPointer { payloads in
              var i = start + 1
              while true {
                let p = payloads[Int(node)]
                if p >= 0 && !match(i, p) { return }
                if i >= limit { return }
                let unit = text[i]
                var lo = Int(starts[Int(node)])
                var hi = lo + Int(counts[Int(node)])
                var found: Int32 = 0
                while lo < hi {
                  let mid = (lo + hi) >> 1
                  let u = units[mid]
                  if u == unit {
                    found = nodes[mid]
                    break
                  } else if u < unit {
                    lo = mid + 1
                  } else {
                    hi = mid
                  }
                }
                if found == 0 { return }
                node = found
                i += 1
              }
            }
          }
        }
      }
    }
  }

  /// Whether any key starts with `unit` (a cheap pre-check before a walk).
  @inline(__always)
  public func hasKeys(startingWith unit: UInt16) -> Bool {
    rootTable.withUnsafeBufferPointer { $0[Int(unit)] != 0 }
  }

  /// The payload of the longest key that is a prefix of `text[start..<limit]`, with its end.
  public func longestPrefix(in text: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int) -> (
    end: Int, payload: Int32
  )? {
    var best: (Int, Int32)?
    forEachPrefix(in: text, from: start, limit: limit) { end, payload in
      best = (end, payload)
      return true
    }
    return best
  }
}
