/// `classifier:` in `.siyu.yml`: which model judges hard-sell and where the line is drawn.
public struct ClassifierSettings: Sendable, Equatable {
  /// `default` (the built-in model) or a model file written by `siyu train`, relative to the config file.
  public var model: String
  /// Combined hard-sell probability at or above which a post is hard-sell (0–1).
  public var threshold: Double
  /// With `hard-sell/classifier: off`, rule points at or above which a post is hard-sell (SpamAssassin's
  /// `required_score`).
  public var requiredScore: Double

  /// The built-in defaults: model `default`, threshold 0.5, required score 5.
  public init(model: String = "default", threshold: Double = 0.5, requiredScore: Double = 5.0) {
    self.model = model
    self.threshold = threshold
    self.requiredScore = requiredScore
  }
}
