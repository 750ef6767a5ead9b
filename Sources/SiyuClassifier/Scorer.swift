import SiyuText

/// Scores raw texts with a model without the linter around it (segment, features, Bayes): the path of
/// `siyu eval --test --classifier-only`. Gives the log-odds of the `hard-sell/classifier` rule on the same
/// text. Features are looked up as they are extracted; a small per-post set (which stays in the CPU's
/// cache) makes each count once, with no per-post sorting. Owns a segmenter and that set, so one scorer
/// serves one thread.
public final class Scorer {
  public let model: Model
  private let segmenter: Segmenter
  /// Keys seen in the current post, open addressing; a slot is live when its stamp is `generation`.
  private var seenKeys = [UInt64](repeating: 0, count: 1024)
  private var seenStamps = [UInt32](repeating: 0, count: 1024)
  private var seenCount = 0
  /// The current post's distinct keys in order of first occurrence.
  private var postKeys: [UInt64] = []
  private var generation: UInt32 = 0

  /// - Parameter segmenter: segments with the lexicons the linter would use.
  public init(model: Model, segmenter: Segmenter) {
    self.model = model
    self.segmenter = segmenter
  }

  /// The log-odds that `text` (a post's body) is hard-sell.
  public func logOdds(_ text: String) -> Double {
    Array(text.utf16).withUnsafeBufferPointer { logOdds(units: $0) }
  }

  /// The log-odds that the post body `units` (UTF-16) is hard-sell.
  public func logOdds(units: UnsafeBufferPointer<UInt16>) -> Double {
    segmenter.segment(units)
    return segmenter.normalizer.withNormalizedUnits { norm in
      var tokens = segmenter.tokens
      let comments = FeatureExtractor.commentRanges(norm)
      if !comments.isEmpty {
        tokens.removeAll { token in comments.contains { $0.contains(Int(token.normalizedStart)) } }
      }
      if model.algorithm == .fisher {
        return model.logOdds(FeatureExtractor.keys(normalized: Array(norm), tokens: tokens))
      }
      startPost()
      postKeys.removeAll(keepingCapacity: true)
      FeatureExtractor.walk(norm, tokens) { key, _, _, _ in
        if insert(key) { postKeys.append(key) }
      }
      // Lookups in a loop of their own: independent loads, so the processor overlaps their cache misses.
      return model.bias + model.table.sum(of: postKeys)
    }
  }

  private func startPost() {
    generation &+= 1
    if generation == 0 {
      for i in seenStamps.indices { seenStamps[i] = 0 }
      generation = 1
    }
    seenCount = 0
  }

  /// Adds `key` to the current post's set; false when it was there already.
  @inline(__always)
  private func insert(_ key: UInt64) -> Bool {
    if (seenCount + 1) * 2 > seenKeys.count { grow() }
    let mask = seenKeys.count - 1
    var i = Int(truncatingIfNeeded: key >> 40) & mask
    while seenStamps[i] == generation {
      if seenKeys[i] == key { return false }
      i = (i + 1) & mask
    }
    seenStamps[i] = generation
    seenKeys[i] = key
    seenCount += 1
    return true
  }

  /// Doubles the set, keeping the current post's keys.
  private func grow() {
    let live = seenKeys.indices.filter { seenStamps[$0] == generation }.map { seenKeys[$0] }
    seenKeys = [UInt64](repeating: 0, count: seenKeys.count * 2)
    seenStamps = [UInt32](repeating: 0, count: seenKeys.count)
    let mask = seenKeys.count - 1
    for key in live {
      var i = Int(truncatingIfNeeded: key >> 40) & mask
      while seenStamps[i] == generation { i = (i + 1) & mask }
      seenStamps[i] = generation
      seenKeys[i] = key
    }
  }
}
