import ArgumentParser
import Foundation

/// The `siyu` command: subcommands only, the library does the work.
@main
struct Siyu: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "siyu",
    abstract: "私域内容检查：硬广识别、人设一致性、发布频率、广告法用语。",
    discussion:
      "A linter and classifier for Chinese private-domain marketing posts (WeChat moments and groups).",
    version: version,
    subcommands: [
      CheckCommand.self, SegmentCommand.self, RulesCommand.self, InitCommand.self, ConfigCommand.self,
      PersonaCommand.self,
      ScoreCommand.self, TrainCommand.self, LearnCommand.self, EvalCommand.self, ExplainCommand.self,
      HookCommand.self,
    ]
  )

  /// The first name after `help` that is no subcommand (of the one before it), or nil. ArgumentParser
  /// answers `siyu help chek` with the top-level help and exit 0, so a typo in a script passed; `siyu
  /// chek` is a usage error, and so is this.
  static func unknownHelpTopic(_ arguments: [String]) -> String? {
    guard arguments.first == "help" else { return nil }
    var command: any ParsableCommand.Type = Siyu.self
    for name in arguments.dropFirst() where !name.hasPrefix("-") {
      guard
        let subcommand = command.configuration.subcommands.first(where: {
          $0._commandName == name || $0.configuration.aliases.contains(name)
        })
      else { return name }
      command = subcommand
    }
    return nil
  }

  /// Runs the command; usage errors exit with 2 (SPEC.md), not ArgumentParser's 64, and are worded in
  /// Chinese (`UsageMessage`). A command's own
  /// `ExitCode` (`check` finding errors) exits at once: ArgumentParser's handling of it prints nothing
  /// but builds the command's help first, about 2.7 M instructions. Standard output is checked at exit
  /// (`StandardOutput.close`), the help and version text included.
  static func main() {
    StandardOutput.reserveClosedDescriptors()
    atexit { StandardOutput.close() }
    do {
      let arguments = GlobalOptions.reorder(Array(CommandLine.arguments.dropFirst()))
      if let unknown = unknownHelpTopic(arguments) {
        printError(
          "错误：没有子命令「\(unknown)」\n用法：siyu help <subcommand>\n  运行 'siyu --help' 查看所有子命令。")
        Foundation.exit(2)
      }
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let code as ExitCode where code != .validationFailure {
      Foundation.exit(code.rawValue)
    } catch {
      if exitCode(for: error) == .validationFailure {
        printError(UsageMessage.chinese(full: fullMessage(for: error), message: message(for: error)))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
