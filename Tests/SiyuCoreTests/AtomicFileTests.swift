import Foundation
import Testing

@testable import SiyuCore

#if canImport(Glibc)
  import Glibc
#endif

/// `AtomicFile` replaces regular files, writes through links, and writes streams directly.
@Suite struct AtomicFileTests {
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-atomic-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func descriptorNamesAreRecognized() {
    #expect(AtomicFile.namesDescriptor("/dev/stdout"))
    #expect(AtomicFile.namesDescriptor("/dev/stderr"))
    #expect(AtomicFile.namesDescriptor("/dev/fd/1"))
    #expect(AtomicFile.namesDescriptor("/proc/self/fd/7"))
    #expect(!AtomicFile.namesDescriptor("/dev/null"))
    #expect(!AtomicFile.namesDescriptor("/tmp/summary.json"))
  }

  /// `--summary-output /dev/stdout` when stdout is a deleted file: written through the descriptor, and
  /// `/dev/stdout` stays a link (it used to be replaced by a regular file).
  @Test func aDescriptorIsWrittenDirectlyEvenWhenItsFileIsGone() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("out.txt").path
    let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    #expect(fd >= 0)
    defer { close(fd) }
    unlink(file)
    try AtomicFile.write(Data("第一段\n".utf8), to: "/proc/self/fd/\(fd)")
    try AtomicFile.write(Data("第二段\n".utf8), to: "/dev/fd/\(fd)")
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = pread(fd, &buffer, buffer.count, 0)
    #expect(n < 0)  // write-only: read back through a second descriptor
    let reader = open("/proc/self/fd/\(fd)", O_RDONLY)
    #expect(reader >= 0)
    defer { close(reader) }
    let m = read(reader, &buffer, buffer.count)
    #expect(String(decoding: buffer[..<max(m, 0)], as: UTF8.self) == "第一段\n第二段\n")
    var info = stat()
    #expect(lstat("/dev/stdout", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
  }

  @Test func aRegularFileIsReplacedAndALinkWrittenThrough() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("a.json").path
    let link = dir.appendingPathComponent("link.json").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: file))
    #expect(symlink(file, link) == 0)
    try AtomicFile.write(Data("new".utf8), to: link)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
    var info = stat()
    #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
  }

  /// A dangling link is an error, not replaced by a file.
  @Test func aDanglingLinkIsRefused() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let link = dir.appendingPathComponent("dangling.json").path
    #expect(symlink(dir.appendingPathComponent("missing/x.json").path, link) == 0)
    #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: link) }
    var info = stat()
    #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
  }
}
