/// How `Trainer` fits a model. The defaults are the ones measured best (README, `bench/classifier`).
public struct TrainingOptions: Sendable, Equatable {
  public var algorithm: Algorithm = .nbsvm
  /// Laplace smoothing of the counts.
  public var alpha: Double = 1
  /// NBSVM interpolation between plain log-count ratios (0) and the regression weights (1).
  public var beta: Double = 0.5
  /// L2 penalty of the regression over the whole training set (`Λ/2·‖w‖²` next to the summed loss), so a
  /// small training set is regularized more strongly per example than a large one.
  public var lambda: Double = 1.2
  /// Regression passes over the data.
  public var epochs: Int = 10
  /// AdaGrad step size of the regression.
  public var learningRate: Double = 0.3
  /// Folds of the cross-validation that produces held-out log-odds for fitting the combiner.
  public var combinerFolds: Int = 5
  /// Seed of the (deterministic) shuffles.
  public var seed: UInt64 = 0x5159_5553_4941_5955

  public init() {}
}
