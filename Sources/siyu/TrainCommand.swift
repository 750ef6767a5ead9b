import ArgumentParser
import Foundation
import SiyuClassifier
import SiyuCore
import SiyuText

/// `siyu train INPUT… --output MODEL`: fits a model from labeled posts and writes it atomically.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "用带标签的帖子训练硬广分类模型。",
    discussion: """
      INPUT is a folder of posts with `label:` in front matter (hard-sell or value), a JSON Lines or CSV \
      file with a `label` field, or a TSV file of `label<TAB>text` lines (labels hard-sell/value or 1/0). \
      Rows without a usable label are reported as PATH:LINE: and skipped (exit code 2 at the end). The \
      rules run as `siyu check` runs them (configuration, lexicons, scores), so the combiner of \
      classifier and rule points is fitted to them. Training is deterministic. The advanced options \
      override the hyper-parameters; choose them by cross-validation (`siyu eval DATA --folds K` takes \
      the same options), never on the test set.
      """
  )

  @Argument(help: "Labeled posts: folders, .jsonl, .csv or .tsv files.")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "The model file to write ('-' for stdout).")
  var output: String

  @Option(
    name: .long, help: "Configuration file (default: nearest .siyu.yml upwards from the current folder).")
  var config: String?

  @Option(name: .long, help: "nbsvm (default), multinomial, complement or fisher.")
  var algorithm: Algorithm?  // nil: nbsvm (an optional, since help would show a default as its raw value)

  @OptionGroup(title: "Advanced training options (hyper-parameters; defaults as measured in the README)")
  var training: TrainingArguments

  func validate() throws {
    try training.validate(for: algorithm ?? .nbsvm)
  }

  func run() throws {
    let (configuration, lexicons, customRules): (Configuration, [Lexicon], [any Rule])
    do {
      (configuration, lexicons, customRules) = try ClassifierSupport.setUp(config: config)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let data = LabeledData.read(
      inputs, defaults: configuration.postDefaults, baseDirectory: configuration.baseDirectory)
    ClassifierSupport.report(
      data.problems, warnings: data.warnings + ClassifierSupport.dataWarnings(data.posts, inputs: inputs))
    var postProblems = 0
    let examples = try ClassifierSupport.examples(
      data.posts, configuration: configuration, lexicons: lexicons, customRules: customRules,
      hardSell: { $0.label == "hard-sell" }, problems: &postProblems)
    let hardSell = examples.reduce(0) { $0 + ($1.hardSell ? 1 : 0) }
    guard hardSell > 0, hardSell < examples.count else {
      printError(
        "\(inputs.joined(separator: " ")): 训练数据需要两类帖子都有（现有硬广 \(hardSell) 篇，内容 \(examples.count - hardSell) 篇），没有写入模型"
      )
      throw ExitCode(2)
    }
    let model = Trainer.train(examples, options: training.options(algorithm: algorithm ?? .nbsvm))
    let summary =
      "已用 \(examples.count) 篇帖子（硬广 \(hardSell)，内容 \(examples.count - hardSell)）训练模型，"
      + "\(model.keys.count) 个特征"
    if output == "-" {
      // The model itself is the output (for a pipe); the summary goes to stderr.
      StandardOutput.write(ModelFile.encode(model))
      printError(summary + "，写入标准输出")
    } else {
      do {
        try AtomicFile.write(Data(ModelFile.encode(model)), to: output)
      } catch {
        printError((error as? AtomicFile.WriteError)?.description ?? "\(output): 无法写入模型文件")
        throw ExitCode(2)
      }
      StandardOutput.write(summary + "，写入 \(output)\n")
    }
    if !data.problems.isEmpty || postProblems > 0 { throw ExitCode(2) }
  }
}
