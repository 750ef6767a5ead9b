/// One value in a class, for value types that keep all their fields in one shared box: copying the
/// owner is one retain instead of a retain per field. The owner reads through `value` and writes only
/// after replacing a shared box with a copy (`isKnownUniquelyReferenced`), so a box that two values (or
/// threads) share is never written.
final class CopyOnWriteBox<Value: Sendable>: @unchecked Sendable {
  var value: Value

  init(_ value: Value) { self.value = value }
}
