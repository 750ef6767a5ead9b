import CICU

/// A compiled ICU regular expression that runs with a time limit, so a catastrophic pattern such as
/// `(a+)+$` fails with `ICURegexError.timeout` instead of stalling.
///
/// Not thread-safe (one ICU matcher inside, and the type is not `Sendable`): use it from one thread at a
/// time. Compile one per linter, or keep it behind a lock when a shared rule holds it.
public final class ICURegex {
  /// The time limit a new regex gets, in ICU match-engine units (see `CICU_REGEX_DEFAULT_TIME_LIMIT`).
  public static let defaultTimeLimit = Int32(CICU_REGEX_DEFAULT_TIME_LIMIT)

  public let pattern: String
  private let handle: OpaquePointer
  /// Reused (start, end) pairs buffer.
  private var pairs: [Int32] = Array(repeating: 0, count: 128)

  /// Compiles `pattern` (ICU syntax). Throws `ICURegexError.invalidPattern` with ICU's error position.
  /// - Parameter caseInsensitive: match letters regardless of case (siyu matches on lower-cased text).
  public init(pattern: String, caseInsensitive: Bool = false) throws(ICURegexError) {
    let units = Array(pattern.utf16)
    var errorOffset: Int32 = -1
    var status: Int32 = 0
    let flags = caseInsensitive ? UInt32(CICU_REGEX_CASE_INSENSITIVE) : 0
    let opened = units.withUnsafeBufferPointer {
      cicu_regex_open($0.baseAddress, Int32($0.count), flags, &errorOffset, &status)
    }
    guard let opened else {
      throw .invalidPattern(
        reason: ICURegexError.reason(status: status), offset: errorOffset >= 0 ? Int(errorOffset) : nil)
    }
    self.pattern = pattern
    handle = opened
    cicu_regex_set_time_limit(handle, Self.defaultTimeLimit)
  }

  deinit { cicu_regex_close(handle) }

  /// Sets the time limit in ICU match-engine units (0: none). The default stops `(a+)+$` on 30 `a`s in
  /// about 100 ms.
  public func setTimeLimit(_ limit: Int32) {
    cicu_regex_set_time_limit(handle, limit)
  }

  /// UTF-16 ranges of every non-overlapping match in `units`, in order.
  public func matches(in units: UnsafeBufferPointer<UInt16>) throws(ICURegexError) -> [Range<Int>] {
    while true {
      var status: Int32 = 0
      let capacity = pairs.count / 2
      let count = pairs.withUnsafeMutableBufferPointer { p in
        cicu_regex_find_all(
          handle, units.baseAddress, Int32(units.count), p.baseAddress, Int32(capacity), &status)
      }
      if count == CICU_REGEX_TIMEOUT { throw .timeout }
      if count < 0 {
        throw .failed(code: cicu_error_name(status).map { String(cString: $0) } ?? "\(status)")
      }
      if Int(count) > capacity {
        pairs = Array(repeating: 0, count: 2 * Int(count))
        continue
      }
      return (0..<Int(count)).map { Int(pairs[2 * $0])..<Int(pairs[2 * $0 + 1]) }
    }
  }

  /// Matches in a string (tests and one-off use).
  public func matches(in text: String) throws(ICURegexError) -> [Range<Int>] {
    let units = Array(text.utf16)
    return try units.withUnsafeBufferPointer { buffer throws(ICURegexError) in try matches(in: buffer) }
  }
}
