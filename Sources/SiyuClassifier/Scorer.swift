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
  /// The current post's distinct keys in order of first occurrence (the first `count` of the walk; sized
  /// to the longest post so far).
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
        return model.logOdds(FeatureExtractor.keys(norm, tokens))
      }
      // At most one word and one bigram per unit and token, plus the kind and length features: sized up
      // front so the set never grows while the buffers are held.
      let bound = FeatureExtractor.occurrenceBound(norm, tokens)
      var size = seenKeys.count
      while size < bound * 2 { size *= 2 }
      if size != seenKeys.count {
        seenKeys = [UInt64](repeating: 0, count: size)
        seenStamps = [UInt32](repeating: 0, count: size)
        generation = 0
      }
      generation &+= 1
      if generation == 0 {
        for i in seenStamps.indices { seenStamps[i] = 0 }
        generation = 1
      }
      let stamp = generation
      if postKeys.count < bound { postKeys = [UInt64](repeating: 0, count: max(bound, postKeys.count * 2)) }
      // The set's arrays and the key buffer are moved out of the object for the walk, so writes to them
      // are plain stores through pointers (no uniqueness, capacity or exclusivity checks per feature).
      var keys = seenKeys
      var stamps = seenStamps
      var found = postKeys
      seenKeys = []
      seenStamps = []
      postKeys = []
      var count = 0
      keys.withUnsafeMutableBufferPointer { keys in
        stamps.withUnsafeMutableBufferPointer { stamps in
          found.withUnsafeMutableBufferPointer { found in
            model.table.withPrefetch { prefetch in
              let mask = keys.count - 1
              FeatureExtractor.walk(norm, tokens) { key, _, _, _ in
                var i = Int(truncatingIfNeeded: key >> 40) & mask
                while stamps[i] == stamp {
                  if keys[i] == key { return }
                  i = (i &+ 1) & mask
                }
                stamps[i] = stamp
                keys[i] = key
                found[count] = key
                count &+= 1
                prefetch(key)
              }
            }
          }
        }
      }
      seenKeys = keys
      seenStamps = stamps
      postKeys = found
      // Lookups in a loop of their own: independent loads, so the processor overlaps their cache misses.
      return postKeys.withUnsafeBufferPointer { found in
        model.bias + model.table.sum(of: UnsafeBufferPointer(rebasing: found[..<count]))
      }
    }
  }
}
