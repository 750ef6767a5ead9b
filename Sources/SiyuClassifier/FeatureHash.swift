/// Stable 64-bit feature keys: FNV-1a over a namespace tag and UTF-16 units, then a SplitMix64 finalizer so
/// that the low bits index hash tables well. The same text always gives the same key on every platform and
/// in every run (unlike `Hasher`), so keys can be stored in model files. Key 0 is never produced (it marks
/// empty table slots).
enum FeatureHash {
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// Starts a key in namespace `tag` (an ASCII letter: `w` word, `b` character bigram, `k` token kind).
  @inline(__always)
  static func start(_ tag: UInt8) -> UInt64 {
    (offsetBasis ^ UInt64(tag)) &* prime
  }

  @inline(__always)
  static func add(_ state: UInt64, _ unit: UInt16) -> UInt64 {
    (state ^ UInt64(unit)) &* prime
  }

  /// The finished key.
  @inline(__always)
  static func finish(_ state: UInt64) -> UInt64 {
    var z = state
    z = (z ^ (z &>> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z &>> 27)) &* 0x94d0_49bb_1331_11eb
    z ^= z &>> 31
    return z == 0 ? 1 : z
  }

  /// The key of `units` in namespace `tag`.
  static func key(_ tag: UInt8, _ units: some Sequence<UInt16>) -> UInt64 {
    var h = start(tag)
    for u in units { h = add(h, u) }
    return finish(h)
  }
}
