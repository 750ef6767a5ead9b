import Foundation

extension Configuration {
  /// The files `siyu init` writes, relative to the target directory, with their contents.
  public static let initFiles: [(path: String, contents: String)] = [
    (fileName, initTemplate),
    ("personas/example.yml", examplePersonaTemplate),
  ]

  /// Writes `initFiles` into `directory` (created if missing), each atomically (`AtomicFile`: a temporary
  /// file, then a rename). Without `force`, nothing is written when any of the files exists. Returns the
  /// paths written.
  public static func writeInitFiles(to directory: String, force: Bool) throws(InputProblem) -> [String] {
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    let targets = initFiles.map { file in
      let path = base == "." ? file.path : (base.isEmpty ? "/" : base + "/") + file.path
      return (path: path, contents: file.contents)
    }
    let manager = FileManager.default
    if !force {
      for target in targets where manager.fileExists(atPath: target.path) {
        throw InputProblem(path: target.path, message: "文件已存在，未覆盖（加 --force 覆盖）")
      }
    }
    var written: [String] = []
    for target in targets {
      let folder = (target.path as NSString).deletingLastPathComponent
      do {
        try manager.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
      } catch {
        throw InputProblem(path: folder, message: "无法创建目录：\(error.localizedDescription)")
      }
      do {
        try AtomicFile.write(Data(target.contents.utf8), to: target.path)
      } catch {
        throw InputProblem(path: target.path, message: "无法写入：\(error.localizedDescription)")
      }
      written.append(target.path)
    }
    return written
  }
}
