import Foundation

/// What `siyu check --staged` reads from git: the repository's top folder and git folder, every
/// blob in the index (HEAD plus the staged changes; deleted files are gone from it), and which of them
/// are staged changes. File names come NUL-separated (`-z`), so spaces and Chinese characters survive.
public struct StagedIndex: Sendable {
  /// One regular file in the index.
  public struct File: Sendable, Equatable {
    /// Path relative to the top folder, `/`-separated.
    public var path: String
    /// The blob id (hex).
    public var blob: String
  }

  public let topLevel: String
  public let gitDirectory: String
  public let files: [File]
  /// Paths (relative to the top folder) added or changed in the index compared with HEAD.
  public let staged: Set<String>

  /// Reads the index of the repository containing `directory`.
  public init(directory: String) throws(Git.Failure) {
    let git = Git(directory: directory)
    let (status, out, err) = try git.launch(["rev-parse", "--show-toplevel", "--absolute-git-dir"])
    guard status == 0 else {
      let text = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw Git.Failure(message: "\(directory): 不是 git 仓库，--staged 需要在 git 仓库中运行（\(text)）")
    }
    let lines = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
    guard lines.count >= 2 else {
      throw Git.Failure(message: "\(directory): 不在 git 工作区中（裸仓库？），无法读取暂存区")
    }
    topLevel = lines[0]
    gitDirectory = lines[1]
    let top = Git(directory: topLevel)
    files = Self.parseIndex(try top.run(["ls-files", "-s", "-z"]))
    let (headStatus, _, _) = try top.launch(["rev-parse", "--verify", "-q", "HEAD"])
    if headStatus != 0 {
      staged = Set(files.map(\.path))
    } else {
      let diff = try top.run(["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=d"])
      staged = Set(diff.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
    }
  }

  /// The regular files (stage 0) of `git ls-files -s -z` output: `<mode> SP <blob> SP <stage> TAB <path> NUL`.
  static func parseIndex(_ data: Data) -> [File] {
    var files: [File] = []
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0 { end += 1 }
        defer { start = end + 1 }
        // Mode (6 digits), blob (hex up to the next space), stage, tab.
        guard end - start > 10, bytes[start] == UInt8(ascii: "1"), bytes[start + 1] == UInt8(ascii: "0"),
          bytes[start + 2] == UInt8(ascii: "0"), bytes[start + 3] == UInt8(ascii: "6"),
          bytes[start + 6] == 32
        else { continue }
        var blobEnd = start + 7
        while blobEnd < end && bytes[blobEnd] != 32 { blobEnd += 1 }
        guard blobEnd + 3 < end, bytes[blobEnd + 1] == UInt8(ascii: "0"), bytes[blobEnd + 2] == 9 else {
          continue
        }
        files.append(
          File(
            path: String(decoding: UnsafeBufferPointer(rebasing: bytes[(blobEnd + 3)..<end]), as: UTF8.self),
            blob: String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 7)..<blobEnd]), as: UTF8.self)
          ))
      }
    }
    return files
  }

  /// The contents of `blobs`, by blob id, read in one `git cat-file --batch`.
  public func contents(of blobs: [String]) throws(Git.Failure) -> [String: [UInt8]] {
    guard !blobs.isEmpty else { return [:] }
    let unique = Array(Set(blobs))
    let input = Data(unique.joined(separator: "\n").utf8 + [10])
    let out = try Git(directory: topLevel).run(["cat-file", "--batch"], input: input)
    var result: [String: [UInt8]] = [:]
    out.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var i = 0
      while i < bytes.count {
        // <blob> SP <type> SP <size> LF <contents> LF, or <object> SP missing LF
        var end = i
        while end < bytes.count && bytes[end] != 10 { end += 1 }
        let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
        let parts = header.split(separator: " ")
        i = end + 1
        guard parts.count == 3, let size = Int(parts[2]), i + size <= bytes.count else { continue }
        result[String(parts[0])] = Array(UnsafeBufferPointer(rebasing: bytes[i..<(i + size)]))
        i += size + 1
      }
    }
    return result
  }
}
