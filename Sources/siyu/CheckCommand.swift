import ArgumentParser

/// `siyu check` (being built).
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "（开发中）")

  func run() throws {
    printError("siyu check: 尚未实现")
    throw ExitCode(2)
  }
}
