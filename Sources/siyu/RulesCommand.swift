import ArgumentParser

/// `siyu rules` (being built).
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "rules", abstract: "（开发中）")

  func run() throws {
    printError("siyu rules: 尚未实现")
    throw ExitCode(2)
  }
}
