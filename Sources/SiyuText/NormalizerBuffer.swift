extension Normalizer {
  /// Calls `body` with the normalized text of the last `normalize` call, without copying it (bulk
  /// scoring); the buffer is valid only during the call.
  public func withNormalizedUnits<R>(_ body: (UnsafeBufferPointer<UInt16>) throws -> R) rethrows -> R {
    try buffer.withUnsafeBufferPointer { try body($0) }
  }
}
