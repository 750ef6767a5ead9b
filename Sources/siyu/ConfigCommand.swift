import ArgumentParser

/// `siyu config` (being built).
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "config", abstract: "（开发中）")

  func run() throws {
    printError("siyu config: 尚未实现")
    throw ExitCode(2)
  }
}
