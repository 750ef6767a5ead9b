import Foundation

/// The hand-offs of `BatchScorer`'s threads: a bounded first-in-first-out queue of numbered batches
/// (reader → workers) and an ordered mailbox (workers → the thread that writes, batch by batch in input
/// order). Both block on an `NSCondition`; all state is guarded by it, hence `@unchecked Sendable`.
final class ScoreQueue<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [(Int, Value)] = []
  private var head = 0
  private let capacity: Int
  private var closed = false
  /// For the ordered side: values by batch number, and how many batches there will be once known.
  private var byNumber: [Int: Value] = [:]
  private var total: Int?
  /// The batch number the taker waits for (or will ask for next).
  private var expected = 0

  init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  /// Queues `value` as batch `number`, waiting while the queue is full.
  func put(_ number: Int, _ value: Value) {
    condition.lock()
    while items.count - head >= capacity { condition.wait() }
    items.append((number, value))
    condition.broadcast()
    condition.unlock()
  }

  /// No more `put`s: `take` returns nil once the queue is empty.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The oldest batch, waiting for one; nil when closed and empty.
  func take() -> (Int, Value)? {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count && !closed { condition.wait() }
    guard head < items.count else { return nil }
    let item = items[head]
    head += 1
    // Taken batches must not stay referenced (they hold whole posts); the queue holds at most
    // `capacity` waiting batches, so dropping the taken ones every few takes is cheap.
    if head >= 8 {
      items.removeFirst(head)
      head = 0
    }
    condition.broadcast()
    return item
  }

  /// Leaves batch `number` for `take(number:)`, waiting while it is `capacity` or more batches ahead of
  /// the one the taker waits for (so fast workers cannot pile up results the writer has not reached; the
  /// batch the taker waits for never waits, so this cannot deadlock).
  func deliver(_ number: Int, _ value: Value) {
    condition.lock()
    while number >= expected + capacity { condition.wait() }
    byNumber[number] = value
    condition.broadcast()
    condition.unlock()
  }

  /// There will be `count` batches in all.
  func finish(count: Int) {
    condition.lock()
    total = count
    condition.broadcast()
    condition.unlock()
  }

  /// Batch `number`, waiting for it; nil when all batches were delivered and `number` is past the last.
  func take(number: Int) -> Value? {
    condition.lock()
    defer { condition.unlock() }
    expected = number
    condition.broadcast()
    while byNumber[number] == nil {
      if let total, number >= total { return nil }
      condition.wait()
    }
    expected = number + 1
    condition.broadcast()
    return byNumber.removeValue(forKey: number)
  }
}
