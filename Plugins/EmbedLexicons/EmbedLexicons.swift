import Foundation
import PackagePlugin

/// Embeds every `*.txt` file under the package's `lexicons/` folder into the target as a Swift string
/// literal (via `scripts/embed-lexicons.sh`), so the binary needs no resource bundle at run time.
///
/// Files and folders are inputs: editing a file or adding one re-runs the command. SwiftPM caches the list
/// of inputs, so after *removing* a lexicon file run `swift package clean` once.
@main
struct EmbedLexicons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let lexicons = root.appending(path: "lexicons")
    var inputs: [URL] = [lexicons, root.appending(path: "scripts/embed-lexicons.sh")]
    if let walker = FileManager.default.enumerator(
      at: lexicons, includingPropertiesForKeys: [.isDirectoryKey])
    {
      for case let url as URL in walker {
        let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
        if isDirectory || url.pathExtension == "txt" { inputs.append(url) }
      }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "generated")
    return [
      .buildCommand(
        displayName: "Embedding lexicons",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: [
          root.appending(path: "scripts/embed-lexicons.sh").path, lexicons.path, output.path,
        ],
        inputFiles: inputs,
        outputFiles: [output.appending(path: "EmbeddedLexicons.swift")]
      )
    ]
  }
}
