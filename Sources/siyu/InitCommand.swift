import ArgumentParser

/// `siyu init` (being built).
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "init", abstract: "（开发中）")

  func run() throws {
    printError("siyu init: 尚未实现")
    throw ExitCode(2)
  }
}
