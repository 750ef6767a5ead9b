import ArgumentParser
import SiyuClassifier

/// The advanced options of `siyu train` and `siyu eval` (cross-validation) that override
/// `TrainingOptions`' hyper-parameters; each one left out keeps its default.
struct TrainingArguments: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Laplace smoothing α of the feature counts, > 0 (default \(Self.defaults.alpha.shortText)).",
      valueName: "α"))
  var smoothing: Double?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "nbsvm: interpolation β between the plain log-count ratios (0) and the regression weights (1), "
        + "0 to 1 (default \(Self.defaults.beta.shortText)).",
      valueName: "β"))
  var interpolation: Double?

  @Option(
    name: .customLong("l2"),
    help: ArgumentHelp(
      "nbsvm: L2 penalty Λ of the regression over the whole training set, ≥ 0 "
        + "(default \(Self.defaults.lambda.shortText)).",
      valueName: "Λ"))
  var l2: Double?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "nbsvm: passes of the regression over the data, 1 to 1000 (default \(Self.defaults.epochs)).",
      valueName: "n"))
  var epochs: Int?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "nbsvm: AdaGrad step size of the regression, > 0 (default \(Self.defaults.learningRate.shortText)).",
      valueName: "η"))
  var learningRate: Double?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Folds of the cross-validation that fits the combiner of classifier and rule points, 2 to 100 "
        + "(default \(Self.defaults.combinerFolds)).",
      valueName: "k"))
  var combinerFolds: Int?

  static let defaults = TrainingOptions()

  /// Whether any option was given.
  var isEmpty: Bool {
    smoothing == nil && interpolation == nil && l2 == nil && epochs == nil && learningRate == nil
      && combinerFolds == nil
  }

  /// The options only the NBSVM regression uses, as given on the command line.
  var regressionOptionNames: [String] {
    [
      interpolation.map { _ in "--interpolation" }, l2.map { _ in "--l2" }, epochs.map { _ in "--epochs" },
      learningRate.map { _ in "--learning-rate" },
    ].compactMap { $0 }
  }

  func validate() throws {
    if let smoothing, !(smoothing.isFinite && smoothing > 0) {
      throw ValidationError("--smoothing 应为大于 0 的数，而不是 \(smoothing)")
    }
    if let interpolation, !(interpolation >= 0 && interpolation <= 1) {
      throw ValidationError("--interpolation 应在 0 到 1 之间，而不是 \(interpolation)")
    }
    if let l2, !(l2.isFinite && l2 >= 0) {
      throw ValidationError("--l2 应为 0 或更大的数，而不是 \(l2)")
    }
    if let epochs, !(1...1000).contains(epochs) {
      throw ValidationError("--epochs 应在 1 到 1000 之间，而不是 \(epochs)")
    }
    if let learningRate, !(learningRate.isFinite && learningRate > 0) {
      throw ValidationError("--learning-rate 应为大于 0 的数，而不是 \(learningRate)")
    }
    if let combinerFolds, !(2...100).contains(combinerFolds) {
      throw ValidationError("--combiner-folds 应在 2 到 100 之间，而不是 \(combinerFolds)")
    }
  }

  /// Checks that the options fit `algorithm` (the regression options are NBSVM's alone).
  func validate(for algorithm: Algorithm) throws {
    let names = regressionOptionNames
    if algorithm != .nbsvm, !names.isEmpty {
      let list = names.joined(separator: "、")
      throw ValidationError("\(list) 只适用于 --algorithm nbsvm")
    }
  }

  /// The training options for `algorithm`, with the given overrides.
  func options(algorithm: Algorithm) -> TrainingOptions {
    var options = TrainingOptions()
    options.algorithm = algorithm
    if let smoothing { options.alpha = smoothing }
    if let interpolation { options.beta = interpolation }
    if let l2 { options.lambda = l2 }
    if let epochs { options.epochs = epochs }
    if let learningRate { options.learningRate = learningRate }
    if let combinerFolds { options.combinerFolds = combinerFolds }
    return options
  }
}

extension Double {
  /// The shortest text that reads back as this number (1, 0.5, 1.2).
  fileprivate var shortText: String {
    self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
  }
}
