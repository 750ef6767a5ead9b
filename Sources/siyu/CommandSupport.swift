import ArgumentParser
import Foundation
import SiyuCore
import SiyuRules
import SiyuText

#if canImport(Glibc)
  import Glibc
#endif

/// What several commands share: configuration discovery, user lexicons, times, colour.
enum CommandSupport {
  /// `--config FILE`, else the nearest `.siyu.yml` upwards from `cwd`, else the defaults.
  static func loadConfiguration(explicit: String?, cwd: String) throws(InputProblem) -> Configuration {
    try Configuration.resolve(
      configPath: explicit, workingDirectory: cwd, knownRuleIDs: BuiltinRules.knownIDs)
  }

  /// The lexicon files named by `lexicons:` in the configuration (paths relative to its folder).
  static func loadLexicons(_ configuration: Configuration) throws(InputProblem) -> [Lexicon] {
    var lexicons: [Lexicon] = []
    for path in configuration.lexicons {
      let full = path.hasPrefix("/") ? path : configuration.baseDirectory + "/" + path
      do {
        let text = try TextInput(path: full).readString()
        lexicons.append(Lexicon(name: path, text: text))
      } catch {
        throw InputProblem(
          path: configuration.path ?? ".siyu.yml", line: configuration.lines["lexicons.\(path)"],
          message: "lexicons: 无法读取词表 \(path)：\(error.message)")
      }
    }
    return lexicons
  }

  /// The value of `body`; when it throws, prints the error (`PATH:LINE: message`) and exits with 2, the
  /// code for usage, configuration and input errors.
  static func orExit<Value>(_ body: () throws -> Value) throws -> Value {
    do {
      return try body()
    } catch {
      printError(String(describing: error))
      throw ExitCode(2)
    }
  }

  /// The configuration's personas with their profiles, loaded once; `named` (`--persona`) must be one of
  /// them.
  static func loadPersonas(_ configuration: Configuration, cwd: String, named: String?) throws(InputProblem)
    -> PersonaSet
  {
    let personas = try PersonaSet.load(configuration, workingDirectory: cwd)
    if let named, personas[named] == nil {
      throw InputProblem(
        path: "--persona", message: personas.unknownPersona(named, at: nil, postID: "").message)
    }
    return personas
  }

  /// Colour only on a terminal, and never with `--no-color`, `NO_COLOR` or `TERM=dumb`.
  static func useColor(noColor: Bool) -> Bool {
    if noColor { return false }
    if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
    // A terminal that says it cannot do escape sequences (Emacs shells, some CI logs).
    if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
    return isatty(1) == 1
  }
}

extension ReportFormat: ExpressibleByArgument {}
