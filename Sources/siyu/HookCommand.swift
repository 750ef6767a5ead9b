import ArgumentParser
import Foundation
import SiyuCore
import SiyuText

/// `siyu hook install|uninstall`: the git pre-commit hook that runs `siyu check --staged`.
struct HookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hook",
    abstract: "安装或移除 git pre-commit 钩子（提交前运行 siyu check --staged）。",
    subcommands: [Install.self, Uninstall.self]
  )

  /// The line that marks a hook as written by siyu; `uninstall` and `install` without `--force` only
  /// touch hooks that carry it.
  static let signature = "# siyu-hook: written by `siyu hook install`; `siyu hook uninstall` removes it"

  /// The hook script: runs this siyu binary when it is still there, else `siyu` from PATH.
  static func script(binary: String) -> String {
    let quoted = "'" + binary.replacingOccurrences(of: "'", with: "'\\''") + "'"
    return """
      #!/bin/sh
      \(signature)
      SIYU=\(quoted)
      [ -x "$SIYU" ] || SIYU=siyu
      exec "$SIYU" check --staged

      """
  }

  /// The pre-commit hook path of the repository around the working folder, honouring `core.hooksPath`.
  static func hookPath() throws(Git.Failure) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let git = Git(directory: cwd)
    let (status, out, _) = try git.launch(["rev-parse", "--git-path", "hooks"])
    guard status == 0 else {
      throw Git.Failure(message: "\(cwd): 不是 git 仓库，无法安装钩子")
    }
    let hooks = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    let absolute = hooks.hasPrefix("/") ? hooks : cwd + "/" + hooks
    return absolute + "/pre-commit"
  }

  /// The running executable's absolute path.
  static func binaryPath() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return resolved
    }
    let argv0 = CommandLine.arguments.first ?? "siyu"
    if argv0.contains("/") {
      return argv0.hasPrefix("/") ? argv0 : FileManager.default.currentDirectoryPath + "/" + argv0
    }
    return argv0
  }

  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "install",
      abstract: "安装 pre-commit 钩子；已有不是 siyu 写的钩子时不覆盖，除非加 --force。")

    @Flag(
      name: .long,
      help:
        "Replace an existing pre-commit hook that siyu did not write (it is kept as pre-commit.siyu-backup).")
    var force = false

    func run() throws {
      do {
        let path = try HookCommand.hookPath()
        let fm = FileManager.default
        var backup: String?
        if let existing = fm.contents(atPath: path) {
          let text = String(decoding: existing, as: UTF8.self)
          if !text.contains(HookCommand.signature) {
            guard force else {
              printError("\(path): 已有不是 siyu 写的 pre-commit 钩子，未覆盖（确认要替换请加 --force）")
              throw ExitCode(2)
            }
            // Replaced, not lost: the team's hook stays next to it (as pre-commit keeps .legacy).
            let kept = path + ".siyu-backup"
            try AtomicFile.write(existing, to: kept)
            _ = chmod(kept, 0o755)
            backup = kept
          }
        }
        try fm.createDirectory(
          atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(Data(HookCommand.script(binary: HookCommand.binaryPath()).utf8), to: path)
        guard chmod(path, 0o755) == 0 else {
          printError("\(path): 无法设为可执行")
          throw ExitCode(2)
        }
        printError("已安装 pre-commit 钩子：\(path)")
        if let backup { printError("原来的钩子已备份为 \(backup)") }
      } catch let failure as Git.Failure {
        printError(failure.message)
        throw ExitCode(2)
      } catch let exit as ExitCode {
        throw exit
      } catch {
        printError((error as? AtomicFile.WriteError)?.description ?? "无法创建 pre-commit 钩子所在的文件夹")
        throw ExitCode(2)
      }
    }
  }

  struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "uninstall", abstract: "移除 siyu 安装的 pre-commit 钩子（别人写的钩子不动）。")

    func run() throws {
      let path: String
      do {
        path = try HookCommand.hookPath()
      } catch {
        printError(error.message)
        throw ExitCode(2)
      }
      guard let existing = FileManager.default.contents(atPath: path) else {
        printError("\(path): 没有 pre-commit 钩子，无需移除")
        return
      }
      guard String(decoding: existing, as: UTF8.self).contains(HookCommand.signature) else {
        printError("\(path): 这个 pre-commit 钩子不是 siyu 写的，未移除")
        throw ExitCode(2)
      }
      guard unlink(path) == 0 else {
        printError("\(path): 无法移除（\(SystemErrorText.describe(errno, .writing))）")
        throw ExitCode(2)
      }
      printError("已移除 pre-commit 钩子：\(path)")
    }
  }
}
