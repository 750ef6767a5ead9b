import ArgumentParser
import Foundation
import SiyuClassifier
import SiyuCore
import SiyuRules
import SiyuText

/// `siyu explain [TEXT | --file F]`: every contribution to a post's verdict — normalization, tokens, rule
/// hits with points, the classifier features that pushed most each way, the combination and the result.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "解释一篇帖子的判定：规范化、分词、规则得分、分类器特征权重、最终结果。",
    discussion: """
      The post is TEXT, the file F (front matter honoured), or stdin. The configuration applies as in \
      `siyu check` (rules, scores, classifier.model, threshold).
      """
  )

  enum Format: String, ExpressibleByArgument {
    case human
    case json
  }

  @Argument(help: "The post's text. Without TEXT and --file, reads stdin.")
  var text: String?

  @Option(name: .long, help: "Read the post from FILE ('-' for stdin).")
  var file: String?

  @Option(name: .long, help: "human or json.")
  var format: Format = .human

  @Option(name: .long, help: "How many features to show each way.")
  var top = 10

  @Option(
    name: .long, help: "Configuration file (default: nearest .siyu.yml upwards from the current folder).")
  var config: String?

  func validate() throws {
    if text != nil && file != nil { throw ValidationError("TEXT 与 --file 只能给出一个") }
    if top < 0 { throw ValidationError("--top 应为 0 或更大的整数") }
  }

  func run() throws {
    let (configuration, lexicons, customRules): (Configuration, [Lexicon], [any Rule])
    let model: Model
    do {
      (configuration, lexicons, customRules) = try ClassifierSupport.setUp(config: config)
      model = try ClassifierSupport.loadModel(configuration: configuration)
    } catch let error as InputProblem {
      printError(error.description)
      throw ExitCode(2)
    } catch {
      printError(String(describing: error))
      throw ExitCode(2)
    }
    let post: Post
    do {
      post = try readPost(configuration)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let enabled =
      configuration.level(for: ClassifierRule.description, postPath: post.path, channel: post.channel)
      .severity != nil
    let recorder = ExplainRecorder(inner: ClassifierRule(model: model), enabled: enabled)
    let settings = ClassifierSupport.classifierForcedOn(configuration)
    let rules = BuiltinRules.all.filter { !($0 is ClassifierRule) } + customRules + [recorder]
    let personas: PersonaSet
    do {
      personas = try CommandSupport.loadPersonas(
        configuration, cwd: FileManager.default.currentDirectoryPath, named: nil)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let linter = try Linter(
      rules: rules, configuration: settings, lexicons: lexicons, personas: personas,
      historyRuleIDs: CapRules.descriptions.map(\.id))
    let report = linter.check(post)
    guard let document = recorder.document else { throw ExitCode(2) }
    let explanation = Explanation(
      document: document, report: report, model: model, modelName: configuration.classifier.model,
      settings: configuration.classifier, classifierOn: enabled, rulePoints: recorder.rulePoints, top: top)
    StandardOutput.write(format == .json ? explanation.json() : explanation.human())
    // The persona comparison (human output): how the post sits against its persona's style profile.
    if format == .human, let comparison = personas.styleComparison(for: document) {
      let text = comparison.render()
      StandardOutput.write("\n" + text + (text.hasSuffix("\n") ? "" : "\n"))
    }
    if !report.problems.isEmpty {
      for problem in report.problems { printError(problem.description) }
      throw ExitCode(2)
    }
  }

  private func readPost(_ configuration: Configuration) throws(InputProblem) -> Post {
    let defaults = configuration.postDefaults
    if let text {
      return Post(id: "<TEXT>", text: text, channel: defaults.channel)
    }
    let path = file ?? "-"
    let input = try TextInput(path: path)
    if let warning = input.warning { printError(warning) }
    let body = try input.readString()
    switch PostReader.readPost(text: body, id: path, path: path == "-" ? nil : path, defaults: defaults) {
    case .success(let post): return post
    case .failure(let problem): throw problem
    }
  }
}
