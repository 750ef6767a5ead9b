import Foundation
import Testing

/// Usage errors are Chinese, ArgumentParser's own included, exit 2, and name what was wrong.
@Suite("usage errors, end to end")
struct UsageErrorTests {
  /// Each form ArgumentParser words (and one of siyu's own), with the whole of stderr expected.
  static let cases: [([String], String)] = [
    (
      ["check", "--bogus"],
      """
      错误：未知选项 '--bogus'
      用法：siyu check [<options>] [<paths> ...]
        运行 'siyu check --help' 查看完整说明。

      """
    ),
    (
      ["check", "--no-colour"],
      """
      错误：未知选项 '--no-colour'，是不是 '--no-color'？
      用法：siyu check [<options>] [<paths> ...]
        运行 'siyu check --help' 查看完整说明。

      """
    ),
    (
      ["segment", "--file"],
      """
      错误：选项 '--file <file>' 缺少值
      说明：--file <file>  Read posts from FILE, one a line ('-' for stdin).
      用法：siyu segment [<text>] [--file <file>] [--format <format>] [--config <config>]
        运行 'siyu segment --help' 查看完整说明。

      """
    ),
    (
      ["check", "--format", "xml"],
      """
      错误：'--format <format>' 的值 'xml' 无效，可选值：'human'、'json'、'sarif'、'rdjson'
      说明：--format <format>  Output format: human, json, sarif or rdjson.
      用法：siyu check [<options>] [<paths> ...]
        运行 'siyu check --help' 查看完整说明。

      """
    ),
    (
      ["check", "--max-warnings", "abc"],
      """
      错误：'--max-warnings <max-warnings>' 的值 'abc' 无效
      说明：--max-warnings <max-warnings>  Exit 1 when there are more than N warnings (-1: no limit, as ESLint).
      用法：siyu check [<options>] [<paths> ...]
        运行 'siyu check --help' 查看完整说明。

      """
    ),
    (
      ["rules", "extra"],
      """
      错误：多余的参数 'extra'
      用法：siyu rules [--format <format>]
        运行 'siyu rules --help' 查看完整说明。

      """
    ),
    (
      ["chek"],
      """
      错误：多余的参数 'chek'
      用法：siyu <subcommand>
        运行 'siyu --help' 查看完整说明。

      """
    ),
    (
      ["check", "--quiet=yes"],
      """
      错误：选项 '--quiet' 不带值，却给了 'yes'
      用法：siyu check [<options>] [<paths> ...]
        运行 'siyu check --help' 查看完整说明。

      """
    ),
  ]

  @Test("ArgumentParser's parse errors are worded in Chinese", arguments: cases.indices)
  func parseError(_ index: Int) throws {
    let (arguments, expected) = Self.cases[index]
    let result = try runSiyu(arguments, in: FileManager.default.temporaryDirectory)
    #expect(result.status == 2, "\(arguments)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderrText == expected, "\(arguments):\n\(result.stderrText)")
  }

  @Test("siyu's own usage errors keep their message and get the same frame")
  func ownValidationError() throws {
    let result = try runSiyu(["score", "--jobs", "0", "x.jsonl"], in: FileManager.default.temporaryDirectory)
    #expect(result.status == 2)
    let lines = result.stderrText.split(separator: "\n")
    #expect(lines.first == "错误：--jobs 应为 1 或更大的整数", "\(result.stderrText)")
    #expect(lines.last == "  运行 'siyu score --help' 查看完整说明。")
    #expect(lines.count == 3 && lines[1].hasPrefix("用法：siyu score "))
  }

  @Test("a missing option and a missing argument")
  func missing() throws {
    let train = try runSiyu(["train", "posts.tsv"], in: FileManager.default.temporaryDirectory)
    #expect(train.status == 2)
    #expect(train.stderrText.hasPrefix("错误：缺少参数 '--output <output>'\n"), "\(train.stderrText)")
    let persona = try runSiyu(["persona", "learn"], in: FileManager.default.temporaryDirectory)
    #expect(persona.status == 2)
    #expect(persona.stderrText.hasPrefix("错误：缺少参数 '<name>'\n"), "\(persona.stderrText)")
  }

  @Test("help and version still go to stdout with exit 0")
  func helpAndVersion() throws {
    for arguments in [
      ["--help"], ["check", "--help"], ["--version"], ["help", "score"], ["help", "persona", "learn"],
    ] {
      let result = try runSiyu(arguments, in: FileManager.default.temporaryDirectory)
      #expect(result.status == 0, "\(arguments)")
      #expect(!result.stdout.isEmpty && result.stderr.isEmpty, "\(arguments)")
    }
  }

  @Test("help for a subcommand that does not exist is a usage error, not the top-level help")
  func helpForUnknownSubcommand() throws {
    for (arguments, name) in [(["help", "chek"], "chek"), (["help", "persona", "lern"], "lern")] {
      let result = try runSiyu(arguments, in: FileManager.default.temporaryDirectory)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
      #expect(
        result.stderrText
          == "错误：没有子命令「\(name)」\n用法：siyu help <subcommand>\n  运行 'siyu --help' 查看所有子命令。\n",
        "\(result.stderrText)")
    }
  }
}
