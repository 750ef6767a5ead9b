/// An immutable trie over UTF-16 code units, built once and walked in the hot path without allocation.
///
/// Each stored key carries a payload (an index chosen by the builder, e.g. the entry's kind). The root's
/// children are a two-level table (a 256-entry page index, then 256-entry pages only for the pages that
/// first units use, page 0 empty), so a small cue list costs a few KB instead of a 256 KB flat table;
/// deeper nodes keep their children sorted in one flat array. A node's payload and child range sit
/// together, as do a child's unit and node, so a step of a walk touches two cache lines, not five.
public struct Trie: @unchecked Sendable {
  /// A node: the payload of the key ending here (-1 when none) and where its children are.
  @usableFromInline
  struct Node {
    @usableFromInline var payload: Int32
    @usableFromInline var childStart: Int32
    @usableFromInline var childCount: Int32
  }

  /// One child of a node: the unit that leads to it and its node.
  @usableFromInline
  struct Child {
    @usableFromInline var unit: UInt16
    @usableFromInline var node: Int32
  }

  /// Flat, immutable arrays behind raw pointers, so walks in the hot path are plain loads.
  @usableFromInline
  final class Storage {
    /// Page of the root table for each high byte of a first unit (0 = the empty page).
    @usableFromInline let rootPages: UnsafeMutableBufferPointer<Int32>
    /// Node index of the root's child, page by page (`page << 8 | low byte`), 0 when absent.
    @usableFromInline let rootTable: UnsafeMutableBufferPointer<Int32>
    /// Node 0 is the root (its children are in the root table instead).
    @usableFromInline let nodes: UnsafeMutableBufferPointer<Node>
    /// Every node's children, node by node, sorted by unit.
    @usableFromInline let children: UnsafeMutableBufferPointer<Child>
    /// One bit per UTF-16 unit, set when a key starts with it: 8 KB (2.6 KB over the CJK block), where
    /// the root table of a large trie spreads over tens of KB and misses the cache on most units.
    @usableFromInline let firstUnits: UnsafeMutableBufferPointer<UInt64>
    /// One bit per unit that is a key by itself.
    @usableFromInline let oneUnitKeys: UnsafeMutableBufferPointer<UInt64>
    /// Bits of `pairHash` of the first two units of every longer key (8 KB, about one bit in twenty set
    /// for the segmentation lexicon's 4,000 first pairs): a walk can only match where the text's next two
    /// units hash to a set bit or its next unit is a one-unit key.
    @usableFromInline let firstPairs: UnsafeMutableBufferPointer<UInt64>

    init(
      rootPages: [Int32], rootTable: [Int32], nodes: [Node], children: [Child], oneUnitKeys: [UInt64],
      firstPairs: [UInt64]
    ) {
      func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
      }
      self.rootPages = copy(rootPages)
      self.rootTable = copy(rootTable)
      self.nodes = copy(nodes)
      self.children = copy(children)
      self.oneUnitKeys = copy(oneUnitKeys)
      self.firstPairs = copy(firstPairs)
      firstUnits = .allocate(capacity: 1024)
      firstUnits.initialize(repeating: 0)
      for high in 0..<256 where rootPages[high] != 0 {
        for low in 0..<256 where rootTable[Int(rootPages[high]) << 8 | low] != 0 {
          let unit = high << 8 | low
          firstUnits[unit >> 6] |= 1 << UInt64(unit & 63)
        }
      }
    }

    deinit {
      rootPages.deallocate()
      rootTable.deallocate()
      nodes.deallocate()
      children.deallocate()
      firstUnits.deallocate()
      oneUnitKeys.deallocate()
      firstPairs.deallocate()
    }
  }

  @usableFromInline let storage: Storage
  /// Length in units of the longest key.
  public let maxKeyLength: Int

  public var isEmpty: Bool { storage.nodes.count <= 1 }

  /// Builds a trie from `(key, payload)` pairs; a later duplicate key replaces the earlier payload.
  ///
  /// The keys go side by side into one buffer and are sorted as indices into it (this runs at every
  /// start-up, for thousands of lexicon words); the nodes are laid out group by group, so every node's
  /// children are contiguous and sorted without building a dictionary per node.
  public init<S: Sequence>(_ keys: S) where S.Element == ([UInt16], Int32) {
    var flat: [UInt16] = []
    var starts: [Int] = []
    var entryPayloads: [Int32] = []
    for (key, payload) in keys where !key.isEmpty {
      starts.append(flat.count)
      entryPayloads.append(payload)
      flat.append(contentsOf: key)
    }
    starts.append(flat.count)
    // Entry order by key; equal keys by position, so the last of a run is the one that counts. The first
    // four units packed into one number (0 past the end) decide most comparisons.
    var order = Array(0..<(starts.count - 1))
    let prefixes = order.map { e in
      var packed: UInt64 = 0
      for k in 0..<4 {
        packed = packed << 16 | UInt64(starts[e] + k < starts[e + 1] ? flat[starts[e] + k] : 0)
      }
      return packed
    }
    flat.withUnsafeBufferPointer { f in
      starts.withUnsafeBufferPointer { st in
        prefixes.withUnsafeBufferPointer { prefix in
          order.sort { a, b in
            if prefix[a] != prefix[b] { return prefix[a] < prefix[b] }
            let la = st[a + 1] - st[a]
            let lb = st[b + 1] - st[b]
            let pa = st[a]
            let pb = st[b]
            for k in 0..<min(la, lb) where f[pa + k] != f[pb + k] { return f[pa + k] < f[pb + k] }
            return la != lb ? la < lb : a < b
          }
        }
      }
    }
    func equalKeys(_ a: Int, _ b: Int) -> Bool {
      starts[a + 1] - starts[a] == starts[b + 1] - starts[b]
        && flat[starts[a]..<starts[a + 1]].elementsEqual(flat[starts[b]..<starts[b + 1]])
    }
    /// Entries with distinct keys, in key order.
    var unique: [Int] = []
    unique.reserveCapacity(order.count)
    for (position, entry) in order.enumerated()
    where position + 1 == order.count || !equalKeys(entry, order[position + 1]) {
      unique.append(entry)
    }
    @inline(__always) func length(_ u: Int) -> Int { starts[unique[u] + 1] - starts[unique[u]] }
    @inline(__always) func unit(_ u: Int, _ depth: Int) -> UInt16 { flat[starts[unique[u]] + depth] }

    var rootPages = [Int32](repeating: 0, count: 256)
    var rootTable = [Int32](repeating: 0, count: 256)
    var nodes = [Node(payload: -1, childStart: 0, childCount: 0)]
    var children: [Child] = []
    var groupStarts: [Int] = []
    var maxLength = 0
    for u in unique.indices { maxLength = max(maxLength, length(u)) }

    /// Creates the node for the keys `unique[range]`, which share their first `depth` units; returns it.
    func build(_ range: Range<Int>, depth: Int) -> Int32 {
      let node = Int32(nodes.count)
      nodes.append(Node(payload: -1, childStart: 0, childCount: 0))
      var i = range.lowerBound
      if length(i) == depth {
        nodes[Int(node)].payload = entryPayloads[unique[i]]
        i += 1
      }
      // Groups of keys by their unit at `depth` (their starts on a stack shared by all levels); reserve the
      // node's child slots first.
      let first = children.count
      let stackBase = groupStarts.count
      while i < range.upperBound {
        let u = unit(i, depth)
        var j = i + 1
        while j < range.upperBound && unit(j, depth) == u { j += 1 }
        groupStarts.append(i)
        children.append(Child(unit: u, node: 0))
        i = j
      }
      let groupCount = groupStarts.count - stackBase
      nodes[Int(node)].childStart = Int32(first)
      nodes[Int(node)].childCount = Int32(groupCount)
      for k in 0..<groupCount {
        let end = k + 1 < groupCount ? groupStarts[stackBase + k + 1] : range.upperBound
        children[first + k].node = build(groupStarts[stackBase + k]..<end, depth: depth + 1)
      }
      groupStarts.removeSubrange(stackBase...)
      return node
    }

    var i = 0
    while i < unique.count {
      let u = unit(i, 0)
      var j = i + 1
      while j < unique.count && unit(j, 0) == u { j += 1 }
      let high = Int(u >> 8)
      if rootPages[high] == 0 {
        rootPages[high] = Int32(rootTable.count >> 8)
        rootTable.append(contentsOf: repeatElement(0, count: 256))
      }
      rootTable[Int(rootPages[high]) << 8 | Int(u & 0xFF)] = build(i..<j, depth: 1)
      i = j
    }
    var oneUnitKeys = [UInt64](repeating: 0, count: 1024)
    var firstPairs = [UInt64](repeating: 0, count: Self.pairBits / 64)
    for u in unique.indices {
      let first = unit(u, 0)
      if length(u) == 1 {
        oneUnitKeys[Int(first >> 6)] |= 1 << UInt64(first & 63)
      } else {
        let hash = Self.pairHash(first, unit(u, 1))
        firstPairs[hash >> 6] |= 1 << UInt64(hash & 63)
      }
    }
    storage = Storage(
      rootPages: rootPages, rootTable: rootTable, nodes: nodes, children: children, oneUnitKeys: oneUnitKeys,
      firstPairs: firstPairs)
    maxKeyLength = maxLength
  }

  /// Convenience: builds from strings, all with the same payload.
  public init<S: Sequence>(words: S, payload: Int32 = 0) where S.Element == String {
    self.init(words.map { (Array($0.utf16), payload) })
  }

  /// The root's child for `unit` (0 when no key starts with it): the start of a walk.
  @inlinable @inline(__always)
  public func root(_ unit: UInt16) -> Int32 {
    let s = storage
    return s.rootTable[Int(s.rootPages[Int(unit >> 8)]) << 8 | Int(unit & 0xFF)]
  }

  /// The child of `node` for `unit`, or 0.
  @inlinable @inline(__always)
  public func child(_ node: Int32, _ unit: UInt16) -> Int32 {
    let s = storage
    let n = s.nodes[Int(node)]
    var lo = Int(n.childStart)
    var hi = lo + Int(n.childCount)
    while lo < hi {
      let mid = (lo + hi) >> 1
      let c = s.children[mid]
      if c.unit == unit { return c.node }
      if c.unit < unit { lo = mid + 1 } else { hi = mid }
    }
    return 0
  }

  /// The payload of the key ending at `node`, or -1.
  @inlinable @inline(__always)
  public func payload(_ node: Int32) -> Int32 { storage.nodes[Int(node)].payload }

  /// Calls `match(end, payload)` for every key that is a prefix of `text[start..<limit]`, shortest first.
  /// `end` is the index just past the key. Return false from `match` to stop early.
  @inlinable @inline(__always)
  public func forEachPrefix(
    in text: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int,
    _ match: (_ end: Int, _ payload: Int32) -> Bool
  ) {
    guard start < limit else { return }
    var node = root(text[start])
    var i = start + 1
    while node != 0 {
      let p = payload(node)
      if p >= 0 && !match(i, p) { return }
      if i >= limit { return }
      node = child(node, text[i])
      i += 1
    }
  }

  /// Bits of the first-pair filter.
  @usableFromInline static let pairBits = 1 << 16

  /// A hash of two units into `0..<pairBits` (the high bits of a multiplicative hash).
  @inlinable @inline(__always)
  static func pairHash(_ first: UInt16, _ second: UInt16) -> Int {
    Int(((UInt32(first) << 16 | UInt32(second)) &* 0x9E37_79B1) >> 16)
  }

  /// Whether some key may be a prefix of `text[start...]`: false only when none is (a pre-check before
  /// a walk, on compact bit tables: the first unit, then a one-unit key or the first two units).
  @inlinable @inline(__always)
  public func mayMatch(in text: UnsafeBufferPointer<UInt16>, at start: Int) -> Bool {
    let s = storage
    let unit = text[start]
    guard s.firstUnits[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0 else { return false }
    if s.oneUnitKeys[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0 { return true }
    guard start + 1 < text.count else { return false }
    let hash = Self.pairHash(unit, text[start + 1])
    return s.firstPairs[hash >> 6] & (1 << UInt64(hash & 63)) != 0
  }

  /// Whether any key starts with `unit` (a cheap pre-check before a walk: one bit in a compact table).
  @inlinable @inline(__always)
  public func hasKeys(startingWith unit: UInt16) -> Bool {
    storage.firstUnits[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0
  }

  /// The payload of the longest key that is a prefix of `text[start..<limit]`, with its end.
  @inlinable
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
