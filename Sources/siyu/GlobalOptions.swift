import ArgumentParser

/// SPEC.md's global options (`--config FILE`, `--format F`, `--no-color`, `--quiet`) may come before the
/// subcommand, as in `siyu --no-color check posts/`. ArgumentParser reads options before a subcommand as
/// the root command's, which has none, so they are moved after the subcommand's name (after both names for
/// `persona learn`, `hook install`) before parsing; the subcommand then takes or rejects `--config` and
/// `--format` as usual (`siyu --format json init` is `init`'s unknown option). The two flags, given before
/// a subcommand that has no colour and no finding levels (every one but `check`), are dropped: that
/// subcommand already prints no colour and nothing below error level to leave out, so a shell alias
/// `siyu --no-color` works for every subcommand. After the subcommand's name they are its options, and
/// one that has none rejects them.
enum GlobalOptions {
  /// The options that take a value (`--config FILE` or `--config=FILE`) and those that do not.
  static let withValue: Set<String> = ["--config", "--format"]
  static let flags: Set<String> = ["--no-color", "--quiet"]

  /// `arguments` (without the program name) with the global options found before the subcommand moved
  /// after its name; unchanged when there are none or no subcommand follows them.
  static func reorder(_ arguments: [String]) -> [String] {
    var moved: [String] = []
    var i = 0
    while i < arguments.count {
      let argument = arguments[i]
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      if flags.contains(argument) {
        moved.append(argument)
        i += 1
      } else if withValue.contains(name) {
        if argument.contains("=") {
          moved.append(argument)
          i += 1
        } else {
          guard i + 1 < arguments.count else { return arguments }
          moved += [argument, arguments[i + 1]]
          i += 2
        }
      } else {
        break
      }
    }
    guard !moved.isEmpty, i < arguments.count else { return arguments }
    var commands: [any ParsableCommand.Type] = Siyu.configuration.subcommands
    var leaf: (any ParsableCommand.Type)?
    var end = i
    while end < arguments.count,
      let command = commands.first(where: { $0._commandName == arguments[end] })
    {
      end += 1
      leaf = command
      commands = command.configuration.subcommands
    }
    guard let leaf else { return arguments }
    if !(leaf is any DisplayFlags.Type) { moved.removeAll { flags.contains($0) } }
    return Array(arguments[i..<end]) + moved + Array(arguments[end...])
  }
}

/// A subcommand with `--no-color` and `--quiet` of its own (SPEC.md's global flags).
protocol DisplayFlags {}
