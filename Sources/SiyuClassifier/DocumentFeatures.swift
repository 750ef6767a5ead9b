import SiyuCore
import SiyuText

extension FeatureExtractor {
  /// The distinct feature keys of a segmented post, in order of first occurrence. Text inside `<!-- … -->` comments (siyu's
  /// suppression directives, editors' notes) is not part of the post and gives no features.
  public static func keys(_ document: Document) -> [UInt64] {
    keys(normalized: document.normalized, tokens: contentTokens(document))
  }

  /// The distinct features of a segmented post with labels, in order of first occurrence; words are
  /// labelled as written (the first occurrence), bigrams and kinds by their normalized form or name.
  public static func details(_ document: Document) -> [FeatureDetail] {
    var details = details(normalized: document.normalized, tokens: contentTokens(document))
    for i in details.indices where details[i].kind == .word {
      details[i].label = document.text(in: details[i].sourceRange)
    }
    return details
  }

  /// The document's tokens outside `<!-- … -->` comments (an unclosed comment runs to the end).
  static func contentTokens(_ document: Document) -> [Token] {
    let comments = commentRanges(document.normalized)
    guard !comments.isEmpty else { return document.tokens }
    return document.tokens.filter { token in
      !comments.contains { $0.contains(Int(token.normalizedStart)) }
    }
  }

  static func commentRanges(_ units: [UInt16]) -> [Range<Int>] {
    HTMLComments.ranges(in: units, unterminatedToEnd: true)
  }

  static func commentRanges(_ units: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
    HTMLComments.ranges(in: units, unterminatedToEnd: true)
  }
}

extension Model {
  /// The log-odds that a segmented post is hard-sell: the value of `logOdds(FeatureExtractor.keys(document))`
  /// (the same additions in the same order), without making the key array: each key is looked up as it
  /// is extracted, and only known keys are deduplicated (`FeatureExtractor.distinctWeightSum`).
  public func logOdds(_ document: Document) -> Double {
    logOdds(document, tokens: FeatureExtractor.contentTokens(document))
  }

  /// The log-odds of a segmented post as if the source text in `setAside` (a UTF-16 range in the post's
  /// body) were not written: the tokens that overlap it give no feature (no word, no character pair, also
  /// none across the gap they leave, no token kind) and do not count in the length features. The
  /// single-cue guarantee judges a post without its one cue this way (`ClassifierRule`).
  public func logOdds(_ document: Document, without setAside: Range<Int>) -> Double {
    var tokens = FeatureExtractor.contentTokens(document)
    tokens.removeAll { $0.sourceRange.overlaps(setAside) }
    return logOdds(document, tokens: tokens)
  }

  private func logOdds(_ document: Document, tokens: [Token]) -> Double {
    guard algorithm != .fisher else {
      return logOdds(FeatureExtractor.keys(normalized: document.normalized, tokens: tokens))
    }
    return document.normalized.withUnsafeBufferPointer { norm in
      evidence.bias + FeatureExtractor.distinctWeightSum(norm, tokens, table)
    }
  }
}

extension Model {
  /// The features of a segmented post that the model weighs towards hard-sell, strongest first (ties by
  /// where they first occur, then in order of first occurrence): the contributions with positive weight
  /// of `contributions(FeatureExtractor.details(document))`, in the same order, with no label made. A
  /// key is looked up in the table as it is extracted: one not there is no known feature, and only the
  /// others are deduplicated and searched for their index.
  public func pushingFeatures(_ document: Document) -> [PushingFeature] {
    let tokens = FeatureExtractor.contentTokens(document)
    var pushing: [PushingFeature] = []
    document.normalized.withUnsafeBufferPointer { norm in
      let size = FeatureExtractor.setSize(FeatureExtractor.occurrenceBound(norm, tokens))
      let mask = size - 1
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size) { set in
        let base = set.baseAddress!
        // Key 0 is never produced (`FeatureHash.finish`): it marks an empty slot.
        base.initialize(repeating: 0, count: size)
        table.withProbe { probe in
          FeatureExtractor.walk(norm, tokens) { key, kind, normalizedRange, sourceRange in
            guard probe.slot(of: key) >= 0 else { return }
            guard FeatureExtractor.insertKey(key, into: base, mask: mask) else { return }
            let index = table.index(of: key)
            guard index >= 0, evidence.weights[index] > 0 else { return }
            pushing.append(
              PushingFeature(
                key: key, kind: kind, weight: evidence.weights[index], normalizedRange: normalizedRange,
                sourceRange: sourceRange))
          }
        }
      }
    }
    // `contributions(_:)` sorts stably: equal weights and starts keep the order of first occurrence.
    return pushing.indices.sorted {
      (pushing[$0].weight, pushing[$1].sourceRange.lowerBound, $1)
        > (pushing[$1].weight, pushing[$0].sourceRange.lowerBound, $0)
    }.map { pushing[$0] }
  }
}
