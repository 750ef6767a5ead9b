import Foundation
import SiyuText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns command-line path arguments into the list of input files.
///
/// - A file named explicitly is used whatever its extension (batch files, `-` for stdin), even when an
///   ignore file would exclude it.
/// - A directory is walked recursively in sorted (byte) order for `*.md` and `*.txt` (any case). `.git`
///   is always skipped; `.siyuignore` files (gitignore syntax) exclude paths: the one in `baseDirectory`
///   (the configuration's directory), those in directories between it and a walked directory, and those
///   found while walking, each for its own subtree; a deeper file's rules win over a shallower one's.
///   A directory named explicitly is walked even if ignored.
/// - Symbolic links are followed; a link back to a directory being walked is reported once and skipped.
/// - Output paths keep the user's spelling: `posts` gives `posts/a.md`, `.` gives `a.md`.
public enum InputWalker {
  /// The name of ignore files.
  public static let ignoreFileName = ".siyuignore"

  /// Expands `arguments` (relative to the working directory, or absolute) into files, in argument order,
  /// without duplicates. Missing paths, unreadable directories, bad ignore files and symlink loops are
  /// `problems`; everything else is still listed.
  public static func expand(
    _ arguments: [String], baseDirectory: String
  ) -> (files: [String], problems: [InputProblem]) {
    var walk = Walk(base: IgnoreRules.absolute(baseDirectory))
    for argument in arguments {
      walk.add(argument)
    }
    return (walk.files, walk.problems)
  }

  /// `.siyuignore` decisions for single files, as a walk from the configuration's folder would make them:
  /// used where the files come from a list rather than a walk (`check --staged` lists the git index).
  /// Ignore files are read from disk, once each; unreadable ones are `problems`.
  public struct IgnoreCheck {
    private var walk: Walk

    /// Checks paths against the ignore files from `baseDirectory` down.
    public init(baseDirectory: String) {
      walk = Walk(base: IgnoreRules.absolute(baseDirectory))
    }

    /// Ignore files that could not be read.
    public var problems: [InputProblem] { walk.problems }

    /// Whether the walk would skip file `absolute`: it or a folder containing it is excluded by the
    /// deepest ignore file with an opinion. Files outside the base are never excluded.
    public mutating func isIgnored(file absolute: String) -> Bool {
      walk.isExcluded(IgnoreRules.absolute(absolute))
    }
  }

  private struct DirectoryID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  private struct Walk {
    let base: String
    var files: [String] = []
    var problems: [InputProblem] = []
    var seenFiles: Set<String> = []
    var walkedDirectories: Set<DirectoryID> = []
    var reportedLoops: Set<DirectoryID> = []
    /// Ignore rules by absolute directory, nil when the directory has no (usable) ignore file.
    var ignoreCache: [String: IgnoreRules?] = [:]

    init(base: String) {
      self.base = base
    }

    mutating func add(_ argument: String) {
      if argument == "-" {
        addFile(argument)
        return
      }
      var info = stat()
      guard stat(argument, &info) == 0 else {
        let code = errno
        problems.append(InputProblem(path: argument, message: Self.accessMessage(code, path: argument)))
        return
      }
      guard info.st_mode & S_IFMT == S_IFDIR else {
        addFile(argument)
        return
      }
      let absolute = IgnoreRules.absolute(argument)
      let id = DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
      if walkedDirectories.contains(id) { return }
      var chain: [IgnoreRules] = []
      // Ignore files from the base down to the directory's parent (the directory's own is read when
      // walking it).
      if absolute != base && absolute.hasPrefix(base == "/" ? "/" : base + "/") {
        var directory = base
        if let rules = ignoreRules(in: directory, display: directory) { chain.append(rules) }
        let rest = absolute.dropFirst(base.count).split(separator: "/")
        for component in rest.dropLast() {
          directory = directory == "/" ? "/" + component : directory + "/" + component
          if let rules = ignoreRules(in: directory, display: directory) { chain.append(rules) }
        }
      }
      var stack: Set<DirectoryID> = []
      walkDirectory(absolute: absolute, display: argument, id: id, chain: chain, stack: &stack)
    }

    /// Whether file `absolute` (normalized) or a folder between `base` and it is excluded.
    mutating func isExcluded(_ absolute: String) -> Bool {
      guard absolute.hasPrefix(base == "/" ? "/" : base + "/") else { return false }
      var chain: [IgnoreRules] = []
      var directory = base
      if let rules = ignoreRules(in: directory, display: directory) { chain.append(rules) }
      let components = absolute.dropFirst(base == "/" ? 1 : base.count + 1).split(separator: "/")
      for (k, component) in components.enumerated() {
        let path = directory == "/" ? "/" + component : directory + "/" + component
        let isLast = k == components.count - 1
        if Self.isIgnored(path, isDirectory: !isLast, chain: chain) { return true }
        if isLast { break }
        directory = path
        if let rules = ignoreRules(in: directory, display: directory) { chain.append(rules) }
      }
      return false
    }

    private mutating func addFile(_ path: String) {
      if seenFiles.insert(path).inserted { files.append(path) }
    }

    private mutating func walkDirectory(
      absolute: String, display: String, id: DirectoryID, chain: [IgnoreRules],
      stack: inout Set<DirectoryID>
    ) {
      walkedDirectories.insert(id)
      stack.insert(id)
      defer { stack.remove(id) }
      guard let names = listDirectory(absolute, display: display) else { return }
      var chain = chain
      if let rules = ignoreRules(in: absolute, display: display) { chain.append(rules) }
      for name in names where name != ".git" {
        let childAbsolute = absolute == "/" ? "/" + name : absolute + "/" + name
        let childDisplay = displayJoin(display, name)
        var info = stat()
        guard stat(childAbsolute, &info) == 0 else {
          let code = errno
          let message = Self.accessMessage(code, path: childAbsolute)
          problems.append(InputProblem(path: childDisplay, message: message))
          continue
        }
        let isDirectory = info.st_mode & S_IFMT == S_IFDIR
        if Self.isIgnored(childAbsolute, isDirectory: isDirectory, chain: chain) { continue }
        if isDirectory {
          let childID = DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
          if stack.contains(childID) {
            if reportedLoops.insert(childID).inserted {
              problems.append(InputProblem(path: childDisplay, message: "符号链接循环，已跳过"))
            }
            continue
          }
          if walkedDirectories.contains(childID) { continue }
          walkDirectory(
            absolute: childAbsolute, display: childDisplay, id: childID, chain: chain, stack: &stack)
        } else if info.st_mode & S_IFMT == S_IFREG && Self.isPostFile(name) {
          addFile(childDisplay)
        }
      }
    }

    /// The deepest ignore file with an opinion decides.
    private static func isIgnored(_ path: String, isDirectory: Bool, chain: [IgnoreRules]) -> Bool {
      for rules in chain.reversed() {
        if let decision = rules.decision(for: path, isDirectory: isDirectory) { return decision }
      }
      return false
    }

    static func isPostFile(_ name: String) -> Bool {
      let lower = name.lowercased()
      return (lower.hasSuffix(".md") && lower.count > 3) || (lower.hasSuffix(".txt") && lower.count > 4)
    }

    /// Entry names of a directory sorted by their UTF-8 bytes; nil (with a problem) when unreadable.
    private mutating func listDirectory(_ absolute: String, display: String) -> [String]? {
      guard let dir = opendir(absolute) else {
        let code = errno
        problems.append(InputProblem(path: display, message: "无法读取目录：\(Self.errorText(code))"))
        return nil
      }
      defer { closedir(dir) }
      var names: [String] = []
      while let entry = readdir(dir) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) {
          String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
        }
        if name == "." || name == ".." { continue }
        names.append(name)
      }
      names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      return names
    }

    /// The ignore rules of `directory`'s `.siyuignore`, read once.
    private mutating func ignoreRules(in directory: String, display: String) -> IgnoreRules? {
      if let cached = ignoreCache[directory] { return cached }
      let name = InputWalker.ignoreFileName
      let path = directory == "/" ? "/" + name : directory + "/" + name
      var rules: IgnoreRules?
      var info = stat()
      if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG {
        let shown = displayJoin(display, name)
        do {
          let text = try TextInput(path: path).readString()
          let parsed = IgnoreRules(text: text, base: directory)
          rules = parsed.isEmpty ? nil : parsed
        } catch {
          problems.append(InputProblem(path: shown, line: error.line, message: error.message))
        }
      }
      ignoreCache[directory] = rules
      return rules
    }

    private func displayJoin(_ parent: String, _ name: String) -> String {
      if name.isEmpty { return parent }
      if parent == "." || parent.isEmpty { return name }
      if parent.hasSuffix("/") { return parent + name }
      return parent + "/" + name
    }

    static func accessMessage(_ code: Int32, path: String) -> String {
      if code == ENOENT {
        var info = stat()
        if lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK { return "符号链接指向的文件不存在" }
        return "没有这个文件或目录"
      }
      return "无法访问：\(errorText(code))"
    }

    static func errorText(_ code: Int32) -> String { SystemErrorText.describe(code) }
  }
}
