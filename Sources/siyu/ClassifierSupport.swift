import ArgumentParser
import Foundation
import SiyuClassifier
import SiyuCore
import SiyuRules
import SiyuText

/// What `train`, `learn`, `eval`, `explain` and `check` share about the classifier.
enum ClassifierSupport {
  /// The built-in rules with `hard-sell/classifier` using the model `classifier.model` names (`default`,
  /// or a path relative to the configuration's folder).
  static func builtinRules(_ configuration: Configuration) throws(ModelError) -> [any Rule] {
    let model = try loadModel(configuration: configuration)
    return BuiltinRules.all.map { $0 is ClassifierRule ? ClassifierRule(model: model) : $0 }
  }

  /// The model `classifier.model` names.
  static func loadModel(configuration: Configuration) throws(ModelError) -> Model {
    let name = configuration.classifier.model
    if name == "default" { return try DefaultModel.shared.get() }
    let path = name.hasPrefix("/") ? name : configuration.baseDirectory + "/" + name
    do {
      return try ModelFile.read(path: path)
    } catch {
      // Reported where the configuration names it: `.siyu.yml:LINE: classifier.model: …（PATH）`.
      let configPath = configuration.path ?? ".siyu.yml"
      let location = configuration.lines["classifier.model"].map { "\(configPath):\($0)" } ?? configPath
      throw ModelError(path: location, message: "classifier.model: \(error.message)（\(name)）")
    }
  }

  /// The model at `path`, or the built-in one when `path` is nil.
  static func loadModel(path: String?) throws(ModelError) -> Model {
    guard let path else { return try DefaultModel.shared.get() }
    return try ModelFile.read(path: path)
  }

  /// Configuration, user lexicons and custom rules, or the message to print (exit 2).
  static func setUp(config: String?) throws(InputProblem) -> (Configuration, [Lexicon], [any Rule]) {
    let cwd = FileManager.default.currentDirectoryPath
    let configuration = try CommandSupport.loadConfiguration(explicit: config, cwd: cwd)
    let lexicons = try CommandSupport.loadLexicons(configuration)
    let custom = try CustomRules.make(
      configuration.customRules, configPath: configuration.path ?? ".siyu.yml", lines: configuration.lines)
    return (configuration, lexicons, custom)
  }

  /// Every post's classifier features and the points of its other findings (the classifier off), through
  /// the linter as `check` would run it: the same segmentation, rules, levels and scores. What `check`
  /// reports as input problems (an unknown channel or persona) is printed here too and counted in
  /// `problems`; the post is still used, as `check` still checks it.
  static func examples(
    _ posts: [Post], configuration: Configuration, lexicons: [Lexicon], customRules: [any Rule],
    hardSell: (Post) -> Bool, problems: inout Int
  ) throws -> [TrainingExample] {
    let collector = FeatureCollector()
    let settings = classifierForcedOn(configuration)
    let rules: [any Rule] =
      BuiltinRules.all.filter { !($0 is ClassifierRule) } + customRules + [collector]
    let linter = try Linter(rules: rules, configuration: settings, lexicons: lexicons)
    var found = 0
    defer { problems += found }
    return posts.map { post in
      collector.reset()
      let report = linter.check(post)
      for problem in report.problems {
        printError(problem.description)
        found += 1
      }
      return TrainingExample(
        features: collector.features, hardSell: hardSell(post), rulePoints: collector.rulePoints)
    }
  }

  /// `configuration` with `hard-sell/classifier` on for every post, whatever `rules` and `overrides` say
  /// (for stand-ins that must see every post: training data, explanations).
  static func classifierForcedOn(_ configuration: Configuration) -> Configuration {
    var settings = configuration
    let id = ClassifierRule.description.id
    settings.rules[id] = .error
    for i in settings.overrides.indices { settings.overrides[i].rules[id] = .error }
    return settings
  }

  /// Prints input problems and warnings to stderr.
  static func report(_ problems: [InputProblem], warnings: [String] = []) {
    for warning in warnings { printError(warning) }
    for problem in problems { printError(problem.description) }
  }

  /// Warnings about labeled data a model learns less from than it seems: posts with no text, and posts
  /// whose text repeats an earlier one (counted twice, and in cross-validation a copy can land in the
  /// fold that tests the other, which flatters the figures). Nothing is removed.
  static func dataWarnings(_ posts: [Post], inputs: [String]) -> [String] {
    var seen: Set<String> = []
    var empty = 0
    var repeated = 0
    for post in posts {
      let text = post.text.trimmingCharacters(in: .whitespacesAndNewlines)
      if text.isEmpty {
        empty += 1
      } else if !seen.insert(text).inserted {
        repeated += 1
      }
    }
    let name = inputs.joined(separator: " ")
    var warnings: [String] = []
    if empty > 0 { warnings.append("\(name): \(empty) 篇帖子没有正文，仍按其标签计入") }
    if repeated > 0 {
      warnings.append("\(name): \(repeated) 篇帖子的正文与前面的帖子完全相同，各自计入（交叉验证时可能分到不同的折，结果偏高）")
    }
    return warnings
  }
}

/// On the command line an algorithm is its name (the raw value is the model file's code for it).
extension Algorithm: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
  public static var allValueStrings: [String] { allCases.map(\.name) }
}
