import Foundation

/// The history files of a configuration outside git: files under its folder matched by `history` globs,
/// and the fingerprint that keys the cache.
public enum HistoryFiles {
  /// Files under `configuration.baseDirectory` selected by the `history` globs (`PathPatterns`), sorted;
  /// hidden folders (`.git`, `.build`) are skipped. Each is `(relative path, absolute path)`.
  public static func find(_ configuration: Configuration) -> [(relative: String, absolute: String)] {
    let patterns = PathPatterns(configuration.history)
    guard patterns.hasPositive else { return [] }
    let base = configuration.baseDirectory
    guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
    var found: [(String, String)] = []
    while let relative = walker.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      let isDirectory = (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory
      if isDirectory {
        if name.hasPrefix(".") { walker.skipDescendants() }
        continue
      }
      if patterns.matches(relative) {
        found.append((relative, base == "/" ? "/" + relative : base + "/" + relative))
      }
    }
    return found.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
  }

  /// What the cached facts depend on besides a file's content: the cache format, siyu's version and
  /// build (the executable's size and modification time, which covers the embedded model), the
  /// configuration file, the lexicon and persona files it names, and a `classifier.model` file (cached
  /// verdicts depend on it). A change to any of them makes the cache unusable.
  public static func fingerprint(_ configuration: Configuration, toolVersion: String) -> String {
    var bytes: [UInt8] = Array("siyu-history v\(HistoryCache.formatVersion) \(toolVersion)\n".utf8)
    var info = stat()
    if stat("/proc/self/exe", &info) == 0 {
      bytes += Array("exe \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n".utf8)
    } else if let exe = CommandLine.arguments.first, stat(exe, &info) == 0 {
      bytes += Array("exe \(info.st_size)\n".utf8)
    }
    var files: [String] = []
    if let path = configuration.path { files.append(path) }
    files += configuration.lexicons.map(configuration.resolvedPath)
    files += configuration.personas.keys.sorted().compactMap { configuration.personas[$0] }.map(
      configuration.resolvedPath)
    if configuration.classifier.model != "default" {
      files.append(configuration.resolvedPath(configuration.classifier.model))
    }
    for file in files {
      bytes += Array("file \(file)\n".utf8)
      bytes += FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? Array("missing".utf8)
    }
    return Hash.hex128(bytes)
  }
}
