/// How the per-feature evidence of a model is turned into log-odds. All four read the same counts (how
/// many hard-sell and value posts contain each feature), so one model file format serves them all; the
/// choice was made by measurement (README, `bench/classifier`).
public enum Algorithm: UInt32, Sendable, CaseIterable {
  /// NB log-count ratios as feature values for a logistic regression, interpolated with the plain ratios
  /// (NBSVM, Wang & Manning 2012, with logistic loss). The default.
  case nbsvm = 0
  /// Boolean multinomial naive Bayes with Laplace smoothing and class priors.
  case multinomial = 1
  /// Complement naive Bayes with weight normalization (Rennie et al. 2003).
  case complement = 2
  /// Robinson's per-token probabilities combined with Fisher's chi-square method (as SpamBayes does).
  case fisher = 3

  /// The name used on the command line.
  public var name: String {
    switch self {
    case .nbsvm: "nbsvm"
    case .multinomial: "multinomial"
    case .complement: "complement"
    case .fisher: "fisher"
    }
  }

  public init?(name: String) {
    guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = match
  }
}
