import Foundation
import PackagePlugin

/// Embeds the default classifier model (`models/default.siyumodel`, written by
/// `scripts/train-default-model`) into the target as a base64 string literal (via
/// `scripts/embed-model.sh`), so the binary needs no resource bundle at run time.
@main
struct EmbedModel: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let models = root.appending(path: "models")
    let model = models.appending(path: "default.siyumodel")
    let script = root.appending(path: "scripts/embed-model.sh")
    var inputs: [URL] = [models, script]
    if FileManager.default.fileExists(atPath: model.path) { inputs.append(model) }
    let output = context.pluginWorkDirectoryURL.appending(path: "generated")
    return [
      .buildCommand(
        displayName: "Embedding the default model",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: [script.path, model.path, output.path],
        inputFiles: inputs,
        outputFiles: [output.appending(path: "EmbeddedModel.swift")]
      )
    ]
  }
}
