import Foundation

/// Fits models from labeled examples, deterministically: the same examples in the same order and the
/// same options give the same model bytes.
///
/// 1. Vocabulary: every feature key seen, sorted; per feature, how many posts of each class contain it.
/// 2. Evidence per feature from the counts (`Algorithm`); for NBSVM a logistic regression (AdaGrad with
///    L2, seeded shuffles) over the log-count ratios of each post's features.
/// 3. The combiner (`Combiner`): `combinerFolds`-fold cross-validation repeats step 2 without each fold and
///    scores the fold with it; the held-out log-odds and the posts' rule points are fitted to the labels.
/// 4. Step 2 on all examples gives the stored evidence.
public enum Trainer {
  /// Trains a model from `examples` (both classes must be present).
  public static func train(_ examples: [TrainingExample], options: TrainingOptions = TrainingOptions())
    -> Model
  {
    let data = Prepared(examples)
    let all = Array(examples.indices)
    let heldOut = heldOutLogOdds(data, subset: all, options: options)
    let combiner = Combiner.fit(
      logOdds: heldOut, rulePoints: examples.map(\.rulePoints), labels: examples.map(\.hardSell))
    let fit = fitEvidence(data, subset: all, options: options)
    return Model(
      algorithm: options.algorithm, hardSellDocuments: UInt32(data.documents(in: all).hardSell),
      valueDocuments: UInt32(data.documents(in: all).value), keys: data.keys,
      hardSellCounts: fit.hardSell.map { UInt32($0) }, valueCounts: fit.value.map { UInt32($0) },
      regressionWeights: fit.regression.map { Float($0) },
      parameters: Model.Parameters(
        alpha: options.alpha, beta: options.beta, regressionBias: fit.regressionBias,
        meanWeight: fit.meanWeight, combiner: combiner))
  }

  /// Cross-validated hard-sell probabilities of `examples` (`siyu eval DATA --folds K`): each fold is
  /// scored by a model trained, as `train` does, on the other folds. Posts go to folds by a seeded
  /// shuffle. Returns nil for a fold whose training part lacks a class (its posts get no probability).
  public static func crossValidate(
    _ examples: [TrainingExample], folds: Int, options: TrainingOptions = TrainingOptions()
  ) -> [Double?] {
    let assignment = foldAssignment(count: examples.count, folds: folds, seed: options.seed ^ 0xE7A1)
    var probabilities = [Double?](repeating: nil, count: examples.count)
    for fold in 0..<folds {
      let rest = examples.indices.filter { assignment[$0] != fold }
      let test = examples.indices.filter { assignment[$0] == fold }
      guard !test.isEmpty else { continue }
      let training = rest.map { examples[$0] }
      guard training.contains(where: \.hardSell), training.contains(where: { !$0.hardSell }) else { continue }
      let model = train(training, options: options)
      for i in test {
        let logOdds = model.logOdds(examples[i].features)
        probabilities[i] = model.parameters.combiner.probability(
          logOdds: logOdds, rulePoints: examples[i].rulePoints)
      }
    }
    return probabilities
  }

  static func foldAssignment(count: Int, folds: Int, seed: UInt64) -> [Int] {
    var order = Array(0..<count)
    var rng = SplitMix64(seed: seed)
    rng.shuffle(&order)
    var assignment = [Int](repeating: 0, count: count)
    for (position, index) in order.enumerated() { assignment[index] = position % folds }
    return assignment
  }

  /// Examples with their features as indices into the sorted vocabulary.
  struct Prepared {
    let keys: [UInt64]
    let rows: [[Int32]]
    let labels: [Bool]

    init(_ examples: [TrainingExample]) {
      var all: [UInt64] = []
      all.reserveCapacity(examples.reduce(0) { $0 + $1.features.count })
      for example in examples { all.append(contentsOf: example.features) }
      all.sort()
      var write = 0
      for read in all.indices where write == 0 || all[read] != all[write - 1] {
        all[write] = all[read]
        write += 1
      }
      all.removeSubrange(write...)
      keys = all
      var index: [UInt64: Int32] = [:]
      index.reserveCapacity(all.count)
      for (i, key) in all.enumerated() { index[key] = Int32(i) }
      rows = examples.map { example in example.features.compactMap { index[$0] } }
      labels = examples.map(\.hardSell)
    }

    func documents(in subset: [Int]) -> (hardSell: Int, value: Int) {
      let h = subset.reduce(0) { $0 + (labels[$1] ? 1 : 0) }
      return (h, subset.count - h)
    }
  }

  struct EvidenceFit {
    var hardSell: [Double]
    var value: [Double]
    var regression: [Double]
    var regressionBias: Double
    var meanWeight: Double
    var evidence: EvidenceWeights
  }

  /// Counts and evidence (and for NBSVM the regression) from the examples in `subset`.
  static func fitEvidence(_ data: Prepared, subset: [Int], options: TrainingOptions) -> EvidenceFit {
    let v = data.keys.count
    var hardSell = [Double](repeating: 0, count: v)
    var value = [Double](repeating: 0, count: v)
    for i in subset {
      if data.labels[i] {
        for f in data.rows[i] { hardSell[Int(f)] += 1 }
      } else {
        for f in data.rows[i] { value[Int(f)] += 1 }
      }
    }
    let docs = data.documents(in: subset)
    var regression = [Double](repeating: 0, count: v)
    var regressionBias = 0.0
    var meanWeight = 0.0
    if options.algorithm == .nbsvm {
      let r = EvidenceWeights.logCountRatios(hardSell: hardSell, value: value, alpha: options.alpha)
      (regression, regressionBias) = LogisticRegression.fit(
        rows: data.rows, labels: data.labels, subset: subset, values: r, options: options)
      // Rounded as the model file stores them, so that training and loading agree exactly.
      regression = regression.map { Double(Float($0)) }
      var seen = [Bool](repeating: false, count: v)
      for i in subset { for f in data.rows[i] { seen[Int(f)] = true } }
      var sum = 0.0
      var count = 0
      for f in 0..<v where seen[f] {
        sum += abs(regression[f])
        count += 1
      }
      meanWeight = count > 0 ? sum / Double(count) : 0
    }
    let evidence = EvidenceWeights.compute(
      algorithm: options.algorithm, hardSell: hardSell, value: value,
      hardSellDocuments: Double(docs.hardSell), valueDocuments: Double(docs.value), alpha: options.alpha,
      beta: options.beta, lrWeights: regression.map { Float($0) }, lrBias: regressionBias,
      meanWeight: meanWeight)
    return EvidenceFit(
      hardSell: hardSell, value: value, regression: regression, regressionBias: regressionBias,
      meanWeight: meanWeight, evidence: evidence)
  }

  /// Log-odds of every example in `subset` from evidence fitted without its fold.
  static func heldOutLogOdds(_ data: Prepared, subset: [Int], options: TrainingOptions) -> [Double] {
    let folds = max(2, options.combinerFolds)
    let assignment = foldAssignment(count: subset.count, folds: folds, seed: options.seed)
    // Folds are independent, so they run in parallel; each writes only its own positions, and the result
    // is the same bits whatever the scheduling.
    let result = FoldResults(count: subset.count)
    DispatchQueue.concurrentPerform(iterations: folds) { fold in
      let rest = subset.indices.filter { assignment[$0] != fold }.map { subset[$0] }
      let test = subset.indices.filter { assignment[$0] == fold }
      guard !test.isEmpty, !rest.isEmpty else { return }
      let fit = fitEvidence(data, subset: rest, options: options)
      for position in test {
        result.set(
          position, logOdds(row: data.rows[subset[position]], fit: fit, algorithm: options.algorithm))
      }
    }
    return result.values
  }

  /// Per-position results written by parallel folds; every position is written by exactly one fold.
  final class FoldResults: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
      storage = .allocate(capacity: count)
      storage.initialize(repeating: 0)
    }

    deinit { storage.deallocate() }

    func set(_ index: Int, _ value: Double) { storage[index] = value }

    var values: [Double] { Array(storage) }
  }

  /// Log-odds of a post from fitted evidence; features absent from the fit's training part (both counts
  /// zero) count for nothing, as they would in a saved model.
  static func logOdds(row: [Int32], fit: EvidenceFit, algorithm: Algorithm) -> Double {
    if algorithm == .fisher {
      let probabilities = row.compactMap { f -> Double? in
        let i = Int(f)
        return fit.hardSell[i] + fit.value[i] > 0 ? fit.evidence.tokenProbabilities[i] : nil
      }
      return EvidenceWeights.fisherLogOdds(probabilities)
    }
    var sum = fit.evidence.bias
    for f in row {
      let i = Int(f)
      if fit.hardSell[i] + fit.value[i] > 0 { sum += fit.evidence.weights[i] }
    }
    return sum
  }
}
