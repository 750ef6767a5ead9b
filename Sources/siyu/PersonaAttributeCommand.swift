import ArgumentParser
import Foundation
import SiyuCore
import SiyuText

/// `siyu persona attribute --profiles DIR INPUT…`: the persona each post reads most like.
struct PersonaAttributeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attribute",
    abstract: "判断每条帖子读起来最像哪个人设。",
    discussion: """
      Reads every DIR/*.profile.json (written by siyu persona learn) and scores each post against them. \
      tsv: ID<TAB>PERSONA<TAB>SCORE a line (ID = path, or FILE#ROW for batch rows); json: an array of \
      {"id","persona","score"}. SCORE is the post's log-likelihood ratio per character for that persona \
      against all the profiles pooled: above 0 it reads more like that persona than like the average.
      Exit codes: 0 done; 2 usage, profile or input error (other inputs are still scored).
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case tsv
    case json
  }

  @Option(name: .long, help: ArgumentHelp("Folder of *.profile.json files.", valueName: "DIR"))
  var profiles: String

  @Argument(help: "Posts, folders or batch files ('-' for stdin).")
  var inputs: [String]

  @Option(name: .long, help: "Output format: tsv or json.")
  var format: Format = .tsv

  @Option(
    name: .long, help: "Configuration file (default: nearest .siyu.yml upwards from the current folder).")
  var config: String?

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("至少要给出一个 INPUT") }
  }

  func run() throws {
    let cwd = FileManager.default.currentDirectoryPath
    let configuration: Configuration
    let lexicons: [Lexicon]
    let loaded: [StyleProfile]
    do {
      configuration = try CommandSupport.loadConfiguration(explicit: config, cwd: cwd)
      lexicons = try CommandSupport.loadLexicons(configuration)
      loaded = try Self.loadProfiles(in: profiles)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let attributor = PersonaAttributor(profiles: loaded)
    let (posts, problems) = PostInputs.read(
      inputs, defaults: configuration.postDefaults, baseDirectory: configuration.baseDirectory)
    let segmenter = try Segmenter(
      extraLexicons: Linter.segmentationLexicons(configuration, lexicons))
    let out = ByteWriter()
    var objects: [String] = []
    for post in posts {
      let sample = StyleSample(
        document: Document(post: post, segmenter: segmenter), selfTerms: .builtinSelf,
        addressTerms: .builtinAddress)
      guard let best = attributor.best(sample) else {
        printError("\(post.id): 没有可比较的文字，已跳过")
        continue
      }
      let score = String(format: "%.4f", best.score)
      switch format {
      case .tsv:
        out.write("\(Self.field(post.id))\t\(Self.field(best.name))\t\(score)\n")
      case .json:
        var object = "{\"id\":"
        JSONValue.quote(post.id, into: &object)
        object += ",\"persona\":"
        JSONValue.quote(best.name, into: &object)
        object += ",\"score\":\(score)}"
        objects.append(object)
      }
    }
    if format == .json {
      out.write(objects.isEmpty ? "[]\n" : "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n")
    }
    out.flush()
    for problem in problems { printError(problem.description) }
    if !problems.isEmpty { throw ExitCode(2) }
  }

  /// Every `*.profile.json` in `directory`, sorted by file name.
  static func loadProfiles(in directory: String) throws(InputProblem) -> [StyleProfile] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw InputProblem(path: directory, message: "无法读取画像目录")
    }
    let files = names.filter { $0.hasSuffix(".profile.json") && !$0.hasPrefix(".") }.sorted()
    guard !files.isEmpty else {
      throw InputProblem(path: directory, message: "目录中没有 *.profile.json 画像（先用 siyu persona learn 生成）")
    }
    var profiles: [StyleProfile] = []
    var seen: [String: String] = [:]
    for file in files {
      let path = directory.hasSuffix("/") ? directory + file : directory + "/" + file
      let profile = try StyleProfile.load(path: path)
      if let other = seen[profile.name] {
        throw InputProblem(path: path, message: "人设名「\(profile.name)」与 \(other) 重复")
      }
      seen[profile.name] = path
      profiles.append(profile)
    }
    return profiles
  }

  /// A TSV field: tabs and line breaks become spaces.
  static func field(_ text: String) -> String {
    String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
  }
}
