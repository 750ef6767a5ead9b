import Synchronization

/// The analyses a document has computed (`Document.analysis(_:)`), by type.
///
/// Rules look an analysis up once each, a dozen times a post, so reads take no lock: a slot's value is
/// stored before its key, the key with release ordering, and a reader that loads the key with acquire
/// ordering sees the value. A writer claims an empty slot by a compare-and-exchange of its value. The
/// first four analyses have inline slots, the rest go to an array under `writeLock` (a document has one
/// or two). The slots own their values (one retain each, released in `deinit`).
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

  /// The analysis stored under `key`, if any, unretained: the memo keeps it alive as long as the
  /// document (`Document.withAnalysis(_:_:)` borrows it with no retain). Inlinable, so that a lookup is
  /// a few loads and compares in the rules module's specialization, with no call.
  @inlinable @inline(__always)
  func unmanagedValue(for key: ObjectIdentifier) -> Unmanaged<AnyObject>? {
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
  func overflowValue(for key: Int) -> Unmanaged<AnyObject>? {
    let found = writeLock.withLock { more in more.first { $0.key == key }?.value }
    // The array keeps it: it stays alive with the memo.
    return found.map { Unmanaged.passUnretained($0 as AnyObject) }
  }

  /// Stores `value` under `key` unless another thread stored one first; returns the one stored.
  ///
  /// An inline slot is claimed without the lock, by one compare-and-exchange of its value: the writer
  /// that wins stores the key next, one that loses waits for that key and moves on when it is another.
  /// Only the overflow array takes `writeLock`.
  func insert(_ value: any DocumentAnalysis, for key: ObjectIdentifier) -> Unmanaged<AnyObject> {
    let key = Int(bitPattern: key)
    let object = value as AnyObject
    if let found = Self.claim(key, object, key0, value0) { return found }
    if let found = Self.claim(key, object, key1, value1) { return found }
    if let found = Self.claim(key, object, key2, value2) { return found }
    if let found = Self.claim(key, object, key3, value3) { return found }
    let stored = writeLock.withLock { more in
      if let found = more.first(where: { $0.key == key })?.value { return found }
      more.append((key, value))
      return value
    }
    return Unmanaged.passUnretained(stored as AnyObject)
  }

  @inlinable @inline(__always)
  static func read(
    _ key: Int, _ slotKey: borrowing Atomic<Int>, _ slotValue: borrowing Atomic<Unmanaged<AnyObject>?>
  ) -> Unmanaged<AnyObject>? {
    guard slotKey.load(ordering: .acquiring) == key else { return nil }
    return slotValue.load(ordering: .relaxed)
  }

  /// The value stored under `key` in the slot: `value`, when the slot was empty and this call filled
  /// it; the value another writer stored under `key`; nil when the slot holds another key.
  @inline(__always)
  private static func claim(
    _ key: Int, _ value: AnyObject, _ slotKey: borrowing Atomic<Int>,
    _ slotValue: borrowing Atomic<Unmanaged<AnyObject>?>
  ) -> Unmanaged<AnyObject>? {
    var stored = slotKey.load(ordering: .acquiring)
    if stored == 0 {
      let retained = Unmanaged.passRetained(value)
      if slotValue.compareExchange(expected: nil, desired: retained, ordering: .acquiringAndReleasing)
        .exchanged
      {
        slotKey.store(key, ordering: .releasing)
        return retained
      }
      retained.release()
      // Another writer filled the slot: its key follows its value.
      repeat { stored = slotKey.load(ordering: .acquiring) } while stored == 0
    }
    return stored == key ? slotValue.load(ordering: .relaxed) : nil
  }
}
