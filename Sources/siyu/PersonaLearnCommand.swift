import ArgumentParser
import Foundation
import SiyuCore
import SiyuText

/// `siyu persona learn NAME PATH…`: writes a persona's style profile from its past posts.
struct PersonaLearnCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "learn",
    abstract: "从人设以往的帖子学习风格画像。",
    discussion: """
      PATH may be post files, folders (walked for *.md and *.txt, honouring .siyuignore), JSON Lines or CSV \
      batch files (each row a post), or - for stdin. When NAME is a persona of .siyu.yml, its self and \
      address words are counted too. The profile (versioned JSON) is written atomically to --output, by \
      default personas/NAME.profile.json in the configuration's folder (the current folder without one); \
      --output - prints it instead.
      Exit codes: 0 written; 2 usage, configuration or input error (the profile is still written from the \
      posts that could be read).
      """
  )

  @Argument(help: "The persona's name (its key under personas: in .siyu.yml).")
  var name: String

  @Argument(help: "The persona's past posts: files, folders or batch files ('-' for stdin).")
  var paths: [String]

  @Option(name: .long, help: ArgumentHelp("Where to write the profile ('-' for stdout).", valueName: "FILE"))
  var output: String?

  @Option(
    name: .long, help: "Configuration file (default: nearest .siyu.yml upwards from the current folder).")
  var config: String?

  func validate() throws {
    if name.isEmpty || name.contains("/") || name.hasPrefix(".") {
      throw ValidationError("NAME 应为人设名：不含「/」，也不以「.」开头")
    }
    if paths.isEmpty { throw ValidationError("至少要给出一个存放过往帖子的 PATH") }
  }

  func run() throws {
    let cwd = FileManager.default.currentDirectoryPath
    let configuration: Configuration
    let persona: Persona
    let lexicons: [Lexicon]
    do {
      configuration = try CommandSupport.loadConfiguration(explicit: config, cwd: cwd)
      lexicons = try CommandSupport.loadLexicons(configuration)
      if let path = configuration.personas[name] {
        persona = try Persona.load(
          key: name, path: configuration.resolvedPath(path), configuration: configuration,
          workingDirectory: cwd, loadingProfile: false)
      } else {
        persona = Persona(key: name, name: name)
      }
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let (posts, problems) = PostInputs.read(
      paths, defaults: configuration.postDefaults, baseDirectory: configuration.baseDirectory)
    for problem in problems { printError(problem.description) }
    let segmenter = try Segmenter(
      extraLexicons: Linter.segmentationLexicons(configuration, lexicons))
    var learner = StyleProfileLearner(name: name)
    // Teams keep every persona's posts in one tree: a post that names another persona is not this one's.
    var otherPersonas = 0
    for post in posts {
      if let owner = post.persona, owner != name {
        otherPersonas += 1
        continue
      }
      learner.add(persona.sample(Document(post: post, segmenter: segmenter)))
    }
    guard !learner.samples.isEmpty else {
      let why = otherPersonas > 0 ? "（\(otherPersonas) 条帖子属于其他人设，已跳过）" : ""
      printError("\(paths.joined(separator: " ")): 没有读到人设「\(name)」的帖子\(why)，未写入画像")
      throw ExitCode(2)
    }
    let target =
      output
      ?? PersonaSet.shown(
        configuration.resolvedPath("personas/\(name).profile.json"), workingDirectory: cwd)
    let profile = learner.profile()
    do {
      let data = try profile.jsonData()
      if target == "-" {
        StandardOutput.write([UInt8](data))
      } else {
        let folder = (target as NSString).deletingLastPathComponent
        if !folder.isEmpty {
          try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        try AtomicFile.write(data, to: target)
      }
    } catch {
      printError("\(target): 无法写入画像文件")
      throw ExitCode(2)
    }
    var summary = "已从 \(profile.posts) 条帖子学习人设「\(name)」的风格画像"
    if target != "-" { summary += "，写入 \(target)" }
    if otherPersonas > 0 { summary += "；跳过 \(otherPersonas) 条 persona 为其他人设的帖子" }
    if profile.distance == nil {
      summary += "（能判断风格的帖子少于 4 条，persona/style 暂不判断风格距离）"
    }
    printError(summary)
    if !problems.isEmpty { throw ExitCode(2) }
  }
}
