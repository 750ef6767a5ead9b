import SiyuText
import Synchronization

/// Matches an ICU regular expression on `Document`'s normalized text (NFKC, lower case, Simplified), case
/// insensitively and with ICU's time limit, and maps each match back to the source text.
///
/// Shared by every thread that runs the rule: the one compiled `ICURegex` sits behind a mutex, so checks
/// on several threads take turns.
public final class RegexMatcher: Sendable {
  public let pattern: String
  private let regex: Mutex<ICURegex>

  /// Compiles `pattern`; throws `ICURegexError.invalidPattern` when it does not parse.
  public init(pattern: String) throws(ICURegexError) {
    self.pattern = pattern
    regex = Mutex(try ICURegex(pattern: pattern, caseInsensitive: true))
  }

  /// Every non-overlapping, non-empty match; throws `ICURegexError.timeout` when ICU's time limit is reached.
  public func matches(in document: Document) throws(ICURegexError) -> [KindMatch] {
    let ranges = try regex.withLock { regex throws(ICURegexError) -> [Range<Int>] in
      try document.normalized.withUnsafeBufferPointer { buffer throws(ICURegexError) in
        try regex.matches(in: buffer)
      }
    }
    return ranges.filter { !$0.isEmpty }.map { range in
      KindMatch(sourceRange: document.sourceRange(ofNormalized: range), normalizedRange: range)
    }
  }
}
