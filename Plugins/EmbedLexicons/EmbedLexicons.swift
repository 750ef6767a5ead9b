import Foundation
import PackagePlugin

/// Embeds every `*.txt` file under the package's `lexicons/` folder into the target as a Swift string
/// literal, so the binary needs no resource bundle at run time.
@main
struct EmbedLexicons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL.appending(path: "lexicons")
    var files: [URL] = []
    if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
      for case let url as URL in walker where url.pathExtension == "txt" {
        files.append(url)
      }
    }
    files.sort { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(files.count) lexicon files",
        executable: try context.tool(named: "siyu-embed").url,
        arguments: [output.path, root.path] + files.map(\.path),
        inputFiles: files,
        outputFiles: [output]
      )
    ]
  }
}
