import ArgumentParser
import Foundation
import SiyuClassifier
import SiyuCore
import SiyuText

/// `siyu learn --label hard-sell|value [--forget] FILE… --model MODEL`: adds posts to (or removes them
/// from) a model's counts, like `sa-learn`, and rewrites the model atomically.
struct LearnCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "learn",
    abstract: "把帖子作为硬广或内容样本加入模型（--forget 则移除）。",
    discussion: """
      FILE may be a post, a folder, a JSON Lines, CSV or TSV file; every post in it gets --label (labels \
      the files carry are ignored). The model's counts change; its regression weights and combiner stay \
      as trained, and new features count with the plain log-count ratio. --forget removes posts learned \
      before (counts never go below zero).
      """
  )

  enum Label: String, ExpressibleByArgument {
    case hardSell = "hard-sell"
    case value
  }

  @Option(name: .long, help: "hard-sell or value.")
  var label: Label

  @Flag(name: .long, help: "Remove the posts instead of adding them.")
  var forget = false

  @Argument(help: "Posts, folders or batch files.")
  var files: [String]

  @Option(name: .long, help: "The model file to update.")
  var model: String

  @Option(
    name: .long, help: "Configuration file (default: nearest .siyu.yml upwards from the current folder).")
  var config: String?

  func run() throws {
    let (configuration, lexicons, customRules): (Configuration, [Lexicon], [any Rule])
    let current: Model
    do {
      (configuration, lexicons, customRules) = try ClassifierSupport.setUp(config: config)
      current = try ModelFile.read(path: model)
    } catch let error as InputProblem {
      printError(error.description)
      throw ExitCode(2)
    } catch {
      printError(String(describing: error))
      throw ExitCode(2)
    }
    let data = LabeledData.read(
      files, defaults: configuration.postDefaults, baseDirectory: configuration.baseDirectory,
      requireLabel: false)
    ClassifierSupport.report(data.problems, warnings: data.warnings)
    var postProblems = 0
    let examples = try ClassifierSupport.examples(
      data.posts, configuration: configuration, lexicons: lexicons, customRules: customRules,
      hardSell: { _ in label == .hardSell }, problems: &postProblems)
    let name = label == .hardSell ? "硬广" : "内容"
    guard
      let updated = current.learning(examples.map(\.features), hardSell: label == .hardSell, forget: forget)
    else {
      printError("\(model): 模型里的\(name)帖子不足 \(examples.count) 篇，无法遗忘，模型未改动")
      throw ExitCode(2)
    }
    if forget, let n = current.firstUnlearnedPost(examples.map(\.features), hardSell: label == .hardSell) {
      // Forgetting what was never learned (or twice) would skew the counts, as sa-learn refuses it.
      let post = data.posts[n]
      printError(
        "\(post.id): 这篇帖子没有作为\(name)学过（或已经遗忘过），模型里有的特征计数不够减；模型未改动")
      throw ExitCode(2)
    }
    do {
      try AtomicFile.write(Data(ModelFile.encode(updated)), to: model)
    } catch {
      printError("\(model): 无法写入模型文件")
      throw ExitCode(2)
    }
    let verb = forget ? "遗忘" : "学习"
    StandardOutput.write(
      "已\(verb) \(examples.count) 篇\(name)帖子，模型现有硬广 \(updated.hardSellDocuments) 篇、内容 \(updated.valueDocuments) 篇，写入 \(model)\n"
    )
    if !data.problems.isEmpty || postProblems > 0 { throw ExitCode(2) }
  }
}
