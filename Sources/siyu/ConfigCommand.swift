import ArgumentParser
import Foundation
import SiyuCore
import SiyuRules

/// `siyu config`: prints the effective configuration, defaults filled in.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "打印生效的配置（已填入默认值）。",
    discussion: "Prints the effective configuration as YAML: the nearest .siyu.yml upwards from the working "
      + "directory (or --config FILE), with every default filled in."
  )

  @Option(name: .long, help: ArgumentHelp("配置文件（默认：从当前目录向上最近的 .siyu.yml）", valueName: "FILE"))
  var config: String?

  func run() throws {
    let configuration: Configuration
    do {
      configuration = try Configuration.resolve(
        configPath: config, workingDirectory: FileManager.default.currentDirectoryPath,
        knownRuleIDs: BuiltinRules.knownIDs)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let out = ByteWriter()
    out.write(configuration.renderYAML())
    out.flush()
  }
}
