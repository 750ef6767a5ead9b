/// A trained hard-sell classifier: per-feature document counts for both classes (what `siyu learn`
/// updates), the algorithm that turns them into log-odds, the NBSVM regression weights and the combiner
/// that merges the log-odds with rule points. Immutable and thread-safe; `ModelFile` reads and writes it.
public final class Model: Sendable {
  public let algorithm: Algorithm
  public let hardSellDocuments: UInt32
  public let valueDocuments: UInt32
  /// Feature keys, strictly increasing.
  public let keys: [UInt64]
  /// Per feature: how many hard-sell training posts contain it.
  public let hardSellCounts: [UInt32]
  /// Per feature: how many value training posts contain it.
  public let valueCounts: [UInt32]
  /// Per feature: the logistic regression weight (NBSVM; 0 for features added by `learn`).
  public let regressionWeights: [Float]
  public let parameters: Parameters

  /// Everything that is not a per-feature array.
  public struct Parameters: Sendable, Equatable {
    /// Laplace smoothing of the counts.
    public var alpha: Double
    /// NBSVM interpolation between the plain log-count ratios (0) and the regression (1).
    public var beta: Double
    /// The regression's intercept (NBSVM).
    public var regressionBias: Double
    /// Mean absolute regression weight (NBSVM's interpolation target).
    public var meanWeight: Double
    public var combiner: Combiner

    public init(alpha: Double, beta: Double, regressionBias: Double, meanWeight: Double, combiner: Combiner) {
      self.alpha = alpha
      self.beta = beta
      self.regressionBias = regressionBias
      self.meanWeight = meanWeight
      self.combiner = combiner
    }
  }

  let table: KeyTable
  let evidence: EvidenceWeights

  public init(
    algorithm: Algorithm, hardSellDocuments: UInt32, valueDocuments: UInt32, keys: [UInt64],
    hardSellCounts: [UInt32], valueCounts: [UInt32], regressionWeights: [Float], parameters: Parameters
  ) {
    precondition(
      keys.count == hardSellCounts.count && keys.count == valueCounts.count
        && keys.count == regressionWeights.count)
    self.algorithm = algorithm
    self.hardSellDocuments = hardSellDocuments
    self.valueDocuments = valueDocuments
    self.keys = keys
    self.hardSellCounts = hardSellCounts
    self.valueCounts = valueCounts
    self.regressionWeights = regressionWeights
    self.parameters = parameters
    let evidence = EvidenceWeights.compute(
      algorithm: algorithm, hardSell: hardSellCounts, value: valueCounts,
      hardSellDocuments: Double(hardSellDocuments), valueDocuments: Double(valueDocuments),
      alpha: parameters.alpha, beta: parameters.beta, lrWeights: regressionWeights,
      lrBias: parameters.regressionBias, meanWeight: parameters.meanWeight)
    self.evidence = evidence
    table = KeyTable(keys: keys, weights: algorithm == .fisher ? [] : evidence.weights)
  }

  /// The index of a feature key in the per-feature arrays, or nil when the model has never seen it.
  public func index(of key: UInt64) -> Int? {
    let i = table.index(of: key)
    return i < 0 ? nil : i
  }

  /// The log-odds that a post with the feature set `keys` is hard-sell (features the model has never seen
  /// count for nothing).
  public func logOdds(_ keys: [UInt64]) -> Double {
    if algorithm == .fisher {
      var probabilities: [Double] = []
      for key in keys {
        let i = table.index(of: key)
        if i >= 0 { probabilities.append(evidence.tokenProbabilities[i]) }
      }
      return EvidenceWeights.fisherLogOdds(probabilities)
    }
    return evidence.bias + table.sum(of: keys)
  }

  /// What one known feature adds to the log-odds (for `fisher`, the logit of its token probability).
  public func weight(at index: Int) -> Double { evidence.weights[index] }

  /// The log-odds of a post with no known feature (0 for `fisher` and `complement`).
  public var bias: Double { evidence.bias }

  /// For `learning(_:hardSell:forget: true)`: the index of the first post that cannot have been learned
  /// as its class, because a feature the model knows would count below zero for that class once the
  /// posts before it are taken out; nil when every post can be forgotten. Features the model does not
  /// hold are not evidence either way (training may have dropped them).
  public func firstUnlearnedPost(_ posts: [[UInt64]], hardSell: Bool) -> Int? {
    var taken: [Int: UInt32] = [:]
    for (n, features) in posts.enumerated() {
      for key in features {
        let i = table.index(of: key)
        guard i >= 0 else { continue }
        let count = hardSell ? hardSellCounts[i] : valueCounts[i]
        let already = taken[i, default: 0]
        if already >= count { return n }
        taken[i] = already + 1
      }
    }
    return nil
  }

  /// A copy with the features of `posts` added to (or, with `forget`, removed from) the counts of their
  /// class, like `sa-learn`; features the model has not seen are added in key order (with no regression
  /// weight), and a feature without regression weight whose counts fall back to zero is dropped, so
  /// forgetting what was learned gives the model back as it was. Returns nil when forgetting more posts of
  /// the class than the model holds.
  public func learning(_ posts: [[UInt64]], hardSell: Bool, forget: Bool) -> Model? {
    var hs = hardSellCounts
    var vc = valueCounts
    let change = UInt32(posts.count)
    var docsH = hardSellDocuments
    var docsV = valueDocuments
    if forget {
      if hardSell {
        guard docsH >= change else { return nil }
        docsH -= change
      } else {
        guard docsV >= change else { return nil }
        docsV -= change
      }
    } else if hardSell {
      docsH += change
    } else {
      docsV += change
    }
    var added: [UInt64: UInt32] = [:]
    for features in posts {
      for key in features {
        let i = table.index(of: key)
        if i < 0 {
          if !forget { added[key, default: 0] += 1 }
        } else if hardSell {
          hs[i] = forget ? (hs[i] > 0 ? hs[i] - 1 : 0) : hs[i] + 1
        } else {
          vc[i] = forget ? (vc[i] > 0 ? vc[i] - 1 : 0) : vc[i] + 1
        }
      }
    }
    guard !added.isEmpty else {
      // Forgetting: features only learning added (no regression weight) and now counted nowhere go.
      let keep = keys.indices.filter { hs[$0] > 0 || vc[$0] > 0 || regressionWeights[$0] != 0 }
      if keep.count < keys.count {
        return Model(
          algorithm: algorithm, hardSellDocuments: docsH, valueDocuments: docsV, keys: keep.map { keys[$0] },
          hardSellCounts: keep.map { hs[$0] }, valueCounts: keep.map { vc[$0] },
          regressionWeights: keep.map { regressionWeights[$0] }, parameters: parameters)
      }
      return Model(
        algorithm: algorithm, hardSellDocuments: docsH, valueDocuments: docsV, keys: keys,
        hardSellCounts: hs, valueCounts: vc, regressionWeights: regressionWeights, parameters: parameters)
    }
    let newKeys = added.keys.sorted()
    let total = keys.count + newKeys.count
    var mergedKeys: [UInt64] = []
    var mergedH: [UInt32] = []
    var mergedV: [UInt32] = []
    var mergedLR: [Float] = []
    mergedKeys.reserveCapacity(total)
    mergedH.reserveCapacity(total)
    mergedV.reserveCapacity(total)
    mergedLR.reserveCapacity(total)
    var i = 0
    var j = 0
    while i < keys.count || j < newKeys.count {
      if j >= newKeys.count || (i < keys.count && keys[i] < newKeys[j]) {
        mergedKeys.append(keys[i])
        mergedH.append(hs[i])
        mergedV.append(vc[i])
        mergedLR.append(regressionWeights[i])
        i += 1
      } else {
        let count = added[newKeys[j]] ?? 0
        mergedKeys.append(newKeys[j])
        mergedH.append(hardSell ? count : 0)
        mergedV.append(hardSell ? 0 : count)
        mergedLR.append(0)
        j += 1
      }
    }
    return Model(
      algorithm: algorithm, hardSellDocuments: docsH, valueDocuments: docsV, keys: mergedKeys,
      hardSellCounts: mergedH, valueCounts: mergedV, regressionWeights: mergedLR, parameters: parameters)
  }
}
