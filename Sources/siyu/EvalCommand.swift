import ArgumentParser
import Foundation
import SiyuClassifier
import SiyuCore
import SiyuRules
import SiyuText

/// `siyu eval DATA… [--folds K]` (cross-validation) and `siyu eval --test DATA… [--model M]` (a fixed test
/// set): precision, recall, F1, accuracy, ROC AUC and the confusion matrix for the hard-sell class.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "评估硬广判定：精确率、召回率、F1、准确率、ROC AUC、混淆矩阵。",
    discussion: """
      DATA is labeled posts as for `siyu train`. Without --test: K-fold cross-validation (models trained \
      as `siyu train` does, on the other folds). With --test: DATA is a test set judged by the model \
      (--model, else the built-in one) combined with rule points, exactly as `siyu check` judges; \
      --rules-only judges by rule points alone against classifier.required_score, --classifier-only by the \
      classifier alone. Undefined ratios (no post flagged, or no hard-sell post in DATA) are 1 when \
      there is no error at all and 0 otherwise; AUC without both classes is null. The advanced training \
      options change how the cross-validation's models are trained, as they do for `siyu train`.
      """
  )

  enum Format: String, ExpressibleByArgument {
    case human
    case json
  }

  @Argument(help: "Labeled posts: folders, .jsonl, .csv or .tsv files.")
  var data: [String]

  @Flag(name: .long, help: "DATA is a fixed test set for a trained model.")
  var test = false

  @Option(name: .long, help: "Folds of the cross-validation (without --test).")
  var folds: Int?

  @Option(name: .long, help: "Cross-validation: nbsvm (default), multinomial, complement or fisher.")
  var algorithm: Algorithm?

  @OptionGroup(
    title: "Advanced training options (cross-validation only; the hyper-parameters of `siyu train`)")
  var training: TrainingArguments

  @Option(name: .long, help: "Model file for --test (default: the built-in model).")
  var model: String?

  @Flag(name: .long, help: "With --test: the verdict from rule points alone.")
  var rulesOnly = false

  @Flag(name: .long, help: "With --test: the classifier's probability alone, no rule points.")
  var classifierOnly = false

  @Option(name: .long, help: "human or json.")
  var format: Format = .human

  @Option(
    name: .long, help: "Configuration file (default: nearest .siyu.yml upwards from the current folder).")
  var config: String?

  func validate() throws {
    if test {
      if folds != nil || algorithm != nil {
        throw ValidationError("--folds 和 --algorithm 用于交叉验证，不能与 --test 同时使用")
      }
      if !training.isEmpty {
        throw ValidationError("训练选项用于交叉验证，不能与 --test 同时使用")
      }
      if rulesOnly && classifierOnly {
        throw ValidationError("--rules-only 与 --classifier-only 不能同时使用")
      }
      if rulesOnly && model != nil { throw ValidationError("--rules-only 不使用模型，不能与 --model 同时使用") }
    } else {
      if model != nil || rulesOnly || classifierOnly {
        throw ValidationError("--model、--rules-only 和 --classifier-only 需要与 --test 一起使用")
      }
      if let folds, folds < 2 { throw ValidationError("--folds 应为 2 或更大的整数") }
      try training.validate(for: algorithm ?? .nbsvm)
    }
  }

  func run() throws {
    let (configuration, lexicons, customRules): (Configuration, [Lexicon], [any Rule])
    do {
      (configuration, lexicons, customRules) = try ClassifierSupport.setUp(config: config)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    var loaded: Model?
    if test && !rulesOnly {
      do {
        loaded = try ClassifierSupport.loadModel(path: model)
      } catch {
        printError(error.description)
        throw ExitCode(2)
      }
    }
    if test && classifierOnly, let loaded, data.allSatisfy({ $0.lowercased().hasSuffix(".tsv") }) {
      try scoreTSV(data, model: loaded, configuration: configuration, lexicons: lexicons)
      return
    }
    let read = LabeledData.read(
      data, defaults: configuration.postDefaults, baseDirectory: configuration.baseDirectory)
    // Repeats matter for cross-validation (a copy can test its twin); a test set is judged as given.
    ClassifierSupport.report(
      read.problems,
      warnings: read.warnings + (test ? [] : ClassifierSupport.dataWarnings(read.posts, inputs: data)))
    var actual = read.posts.map { $0.label == "hard-sell" }
    var judged: [Bool] = []
    var probabilities: [Double] = []
    var postProblems = 0
    if !test {
      let examples = try ClassifierSupport.examples(
        read.posts, configuration: configuration, lexicons: lexicons, customRules: customRules,
        hardSell: { $0.label == "hard-sell" }, problems: &postProblems)
      // Cross-validation trains on both classes: with one, there is nothing to learn (as `train` says).
      let hardSell = actual.filter { $0 }.count
      if !actual.isEmpty && (hardSell == 0 || hardSell == actual.count) {
        printError(
          "\(data.joined(separator: " ")): 交叉验证需要两类帖子都有（现有硬广 \(hardSell) 篇，内容 \(actual.count - hardSell) 篇）")
        throw ExitCode(2)
      }
      let options = training.options(algorithm: algorithm ?? .nbsvm)
      let cv = Trainer.crossValidate(examples, folds: folds ?? 5, options: options)
      // A fold whose training part has one class has no model: its posts are left out of the figures,
      // never counted as judged (they were counted as value with probability 0).
      var kept: [Bool] = []
      for (p, isHardSell) in zip(cv, actual) {
        guard let probability = p else { continue }
        kept.append(isHardSell)
        probabilities.append(probability)
        judged.append(probability >= configuration.classifier.threshold)
      }
      if kept.count < actual.count {
        printError(
          "\(data.joined(separator: " ")): \(actual.count - kept.count) 篇帖子所在的折训练部分只有一类帖子，没有模型可评估，未计入结果（可减少 --folds 或补充另一类帖子）"
        )
      }
      actual = kept
    } else if classifierOnly, let loaded {
      let scorer = Scorer(model: loaded, segmenter: try Self.segmenter(configuration, lexicons))
      for post in read.posts {
        let numbers = ClassifierVerdict(
          model: loaded, logOdds: scorer.logOdds(post.text), rulePoints: 0,
          threshold: configuration.classifier.threshold, requiredScore: configuration.classifier.requiredScore
        )
        probabilities.append(numbers.probability)
        judged.append(numbers.isHardSell)
      }
    } else {
      var settings = configuration
      var rules = BuiltinRules.all
      if let loaded {
        rules = rules.map { $0 is ClassifierRule ? ClassifierRule(model: loaded) : $0 }
      } else {
        settings.rules[ClassifierRule.description.id] = .off
      }
      let linter = try Linter(rules: rules + customRules, configuration: settings, lexicons: lexicons)
      for post in read.posts {
        let verdict = linter.check(post).verdict
        probabilities.append(verdict.probability)
        judged.append(verdict.class == .hardSell)
      }
    }
    guard !actual.isEmpty else {
      printError("\(data.joined(separator: " ")): 没有可评估的带标签帖子")
      throw ExitCode(2)
    }
    let metrics = Metrics(actual: actual, judged: judged, probabilities: probabilities)
    StandardOutput.write(format == .json ? Self.json(metrics) : Self.human(metrics))
    if !read.problems.isEmpty || postProblems > 0 { throw ExitCode(2) }
  }

  /// A segmenter with the lexicons the linter would use (configured lexicons, `vocabulary.accept`).
  static func segmenter(_ configuration: Configuration, _ lexicons: [Lexicon]) throws -> Segmenter {
    try Segmenter(extraLexicons: Linter.segmentationLexicons(configuration, lexicons))
  }

  /// `--test --classifier-only` on TSV files: rows are scored as they are read, without building posts.
  private func scoreTSV(
    _ files: [String], model: Model, configuration: Configuration, lexicons: [Lexicon]
  ) throws {
    let scorer = Scorer(model: model, segmenter: try Self.segmenter(configuration, lexicons))
    var actual: [Bool] = []
    var judged: [Bool] = []
    var probabilities: [Double] = []
    var problems: [InputProblem] = []
    for file in files {
      let (fileProblems, warning) = LabeledData.forEachTSVRow(path: file) { hardSell, text, _ in
        let numbers = ClassifierVerdict(
          model: model, logOdds: scorer.logOdds(units: text), rulePoints: 0,
          threshold: configuration.classifier.threshold, requiredScore: configuration.classifier.requiredScore
        )
        actual.append(hardSell)
        probabilities.append(numbers.probability)
        judged.append(numbers.isHardSell)
      }
      if let warning { printError(warning) }
      problems += fileProblems
    }
    ClassifierSupport.report(problems)
    guard !actual.isEmpty else {
      printError("\(data.joined(separator: " ")): 没有可评估的带标签帖子")
      throw ExitCode(2)
    }
    let metrics = Metrics(actual: actual, judged: judged, probabilities: probabilities)
    StandardOutput.write(format == .json ? Self.json(metrics) : Self.human(metrics))
    if !problems.isEmpty { throw ExitCode(2) }
  }

  static func number(_ value: Double) -> String { String(format: "%.4f", value) }

  /// SPEC.md's object, keys in its order.
  static func json(_ m: Metrics) -> String {
    let auc = m.auc.map(number) ?? "null"
    return """
      {"precision":\(number(m.precision)),"recall":\(number(m.recall)),"f1":\(number(m.f1)),\
      "accuracy":\(number(m.accuracy)),"auc":\(auc),"confusion":{"tp":\(m.truePositives),\
      "fp":\(m.falsePositives),"fn":\(m.falseNegatives),"tn":\(m.trueNegatives)},"n":\(m.count)}

      """
  }

  static func human(_ m: Metrics) -> String {
    let positives = m.truePositives + m.falseNegatives
    let auc = m.auc.map(number) ?? "无定义（需要两类帖子都有）"
    func cell(_ n: Int) -> String { String(repeating: " ", count: max(0, 8 - String(n).count)) + String(n) }
    return """
      硬广类评估：\(m.count) 篇（硬广 \(positives)，内容 \(m.count - positives)）
        精确率 precision  \(number(m.precision))
        召回率 recall     \(number(m.recall))
        F1                \(number(m.f1))
        准确率 accuracy   \(number(m.accuracy))
        ROC AUC           \(auc)
      混淆矩阵        判为硬广  判为内容
        实为硬广    \(cell(m.truePositives))  \(cell(m.falseNegatives))
        实为内容    \(cell(m.falsePositives))  \(cell(m.trueNegatives))

      """
  }
}
