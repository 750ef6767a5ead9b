import Synchronization

/// The analyses a document has computed (`Document.analysis(_:)`), by type.
///
/// Rules look an analysis up once each, a dozen times a post, so reads take no lock: a slot's value is
/// stored before its key, the key with release ordering, and a reader that loads the key with acquire
/// ordering sees the value. Writers take `writeLock`. The first four analyses have inline slots, the
/// rest go to an array under the lock (a document has one or two). The slots own their values (one
/// retain each, released in `deinit`).
///
/// `@unchecked Sendable`: the slots hold `Unmanaged<AnyObject>` (atomics need it), but only
/// `DocumentAnalysis` values, which are `Sendable`, are ever stored.
@usableFromInline
struct AnalysisMemo: ~Copyable, @unchecked Sendable {
  @usableFromInline let key0 = Atomic<Int>(0)
  @usableFromInline let value0 = Atomic<Unmanaged<AnyObject>?>(nil)
  @usableFromInline let key1 = Atomic<Int>(0)
  @usableFromInline let value1 = Atomic<Unmanaged<AnyObject>?>(nil)
  @usableFromInline let key2 = Atomic<Int>(0)
  @usableFromInline let value2 = Atomic<Unmanaged<AnyObject>?>(nil)
  @usableFromInline let key3 = Atomic<Int>(0)
  @usableFromInline let value3 = Atomic<Unmanaged<AnyObject>?>(nil)
  private let writeLock = Mutex<[(key: Int, value: any DocumentAnalysis)]>([])

  init() {}

  deinit {
    value0.load(ordering: .acquiring)?.release()
    value1.load(ordering: .acquiring)?.release()
    value2.load(ordering: .acquiring)?.release()
    value3.load(ordering: .acquiring)?.release()
  }

  /// The analysis stored under `key`, if any. Inlinable, so that a lookup is a few loads and compares
  /// in the rules module's specialization of `Document.analysis(_:)`, with no call.
  @inlinable @inline(__always)
  func value(for key: ObjectIdentifier) -> AnyObject? {
    let key = Int(bitPattern: key)
    if let found = Self.read(key, key0, value0) { return found }
    if let found = Self.read(key, key1, value1) { return found }
    if let found = Self.read(key, key2, value2) { return found }
    if let found = Self.read(key, key3, value3) { return found }
    guard key3.load(ordering: .acquiring) != 0 else { return nil }
    return overflowValue(for: key)
  }

  /// The analysis stored under `key` beyond the inline slots, if any.
  @usableFromInline
  func overflowValue(for key: Int) -> AnyObject? {
    writeLock.withLock { more in more.first { $0.key == key }?.value }
  }

  /// Stores `value` under `key` unless another thread stored one first; returns the one stored.
  func insert(_ value: any DocumentAnalysis, for key: ObjectIdentifier) -> AnyObject {
    let key = Int(bitPattern: key)
    return writeLock.withLock { more in
      if let found = Self.read(key, key0, value0) { return found }
      if let found = Self.read(key, key1, value1) { return found }
      if let found = Self.read(key, key2, value2) { return found }
      if let found = Self.read(key, key3, value3) { return found }
      if let found = more.first(where: { $0.key == key })?.value { return found }
      if Self.claim(key, value, key0, value0) { return value }
      if Self.claim(key, value, key1, value1) { return value }
      if Self.claim(key, value, key2, value2) { return value }
      if Self.claim(key, value, key3, value3) { return value }
      more.append((key, value))
      return value
    }
  }

  @inlinable @inline(__always)
  static func read(
    _ key: Int, _ slotKey: borrowing Atomic<Int>, _ slotValue: borrowing Atomic<Unmanaged<AnyObject>?>
  ) -> AnyObject? {
    guard slotKey.load(ordering: .acquiring) == key else { return nil }
    return slotValue.load(ordering: .relaxed)?.takeUnretainedValue()
  }

  /// Fills the slot with `value` under `key` when it is empty (called under `writeLock`).
  @inline(__always)
  private static func claim(
    _ key: Int, _ value: any DocumentAnalysis, _ slotKey: borrowing Atomic<Int>,
    _ slotValue: borrowing Atomic<Unmanaged<AnyObject>?>
  ) -> Bool {
    guard slotKey.load(ordering: .relaxed) == 0 else { return false }
    slotValue.store(Unmanaged.passRetained(value as AnyObject), ordering: .relaxed)
    slotKey.store(key, ordering: .releasing)
    return true
  }
}
