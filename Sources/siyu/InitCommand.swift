import ArgumentParser
import SiyuCore

/// `siyu init`: writes a commented `.siyu.yml` and an example persona.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "生成带注释的 .siyu.yml 和示例人设文件 personas/example.yml。",
    discussion: "Writes a commented .siyu.yml (every key with its default) and personas/example.yml into the "
      + "current directory or --directory. Existing files are kept unless --force is given."
  )

  @Option(name: .long, help: ArgumentHelp("写入的目录（默认：当前目录）", valueName: "DIR"))
  var directory: String = "."

  @Flag(name: .long, help: "覆盖已存在的文件")
  var force = false

  func run() throws {
    let written: [String]
    do {
      written = try Configuration.writeInitFiles(to: directory, force: force)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    for path in written {
      StandardOutput.write("已写入 \(path)\n")
    }
  }
}
