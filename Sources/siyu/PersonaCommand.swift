import ArgumentParser

/// `siyu persona`: style profiles of personas (个人IP).
struct PersonaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "persona",
    abstract: "人设风格画像：从以往帖子学习（learn），判断帖子像哪个人设（attribute）。",
    subcommands: [PersonaLearnCommand.self, PersonaAttributeCommand.self]
  )
}
