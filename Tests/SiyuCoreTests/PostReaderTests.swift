import Foundation
import Testing

@testable import SiyuCore

@Suite struct PostReaderTests {
  @Test func formatByExtension() {
    #expect(PostReader.Format(path: "a/b.jsonl") == .jsonLines)
    #expect(PostReader.Format(path: "b.NDJSON") == .jsonLines)
    #expect(PostReader.Format(path: "x.Csv") == .csv)
    #expect(PostReader.Format(path: "x.md") == .post)
    #expect(PostReader.Format(path: "dir.csv/x") == .post)
    #expect(PostReader.Format(path: ".csv") == .post)
    #expect(PostReader.Format(path: "-") == .post)
  }

  @Test func markdownFileIsOnePost() throws {
    let (posts, problems, warnings) = PostReader.readPosts(
      path: inputFixture("front-matter.md"), displayPath: "posts/fm.md", defaults: PostDefaults())
    #expect(problems.isEmpty)
    #expect(warnings.isEmpty)
    let post = try #require(posts.first)
    #expect(posts.count == 1)
    #expect(post.id == "posts/fm.md")
    #expect(post.path == inputFixture("front-matter.md"))
    #expect(post.channel == "group")
    #expect(post.bodyLine == 16)
  }

  @Test func idIsThePathWithoutDisplayPath() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    let path = try tree.write("note.txt", "\u{FEFF}---\r\npersona: amy\r\n---\r\n正文\r\n")
    let (posts, problems, _) = PostReader.readPosts(path: path, defaults: PostDefaults(channel: "group"))
    #expect(problems.isEmpty)
    #expect(posts.first?.id == path)
    #expect(posts.first?.persona == "amy")
    #expect(posts.first?.channel == "group")
    // TextInput.readString drops the final line end.
    #expect(posts.first?.text == "正文")
    #expect(posts.first?.bodyLine == 4)
  }

  @Test func gb18030PostWarns() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    // "---\nchannel: group\n---\n你好" with 你好 in GB18030.
    let bytes = Array("---\nchannel: group\n---\n".utf8) + [0xC4, 0xE3, 0xBA, 0xC3]
    let path = try tree.write("gb.md", bytes: bytes)
    let (posts, problems, warnings) = PostReader.readPosts(
      path: path, displayPath: "gb.md", defaults: PostDefaults())
    #expect(problems.isEmpty)
    #expect(warnings == ["gb.md: 不是 UTF-8 编码，已按 GB18030 读取"])
    #expect(posts.first?.text == "你好")
    #expect(posts.first?.channel == "group")
  }

  @Test func unreadableInputsAreProblems() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    let missing = PostReader.readPosts(
      path: tree.path("none.md"), displayPath: "none.md", defaults: PostDefaults())
    #expect(missing.posts.isEmpty)
    #expect(missing.problems.count == 1)
    #expect(missing.problems.first?.path == "none.md")
    #expect(missing.problems.first?.message.contains("没有这个文件") == true)
    let binary = try tree.write("bin.md", bytes: [0x00, 0xFF, 0xFE, 0x00, 0x81])
    let bad = PostReader.readPosts(path: binary, displayPath: "bin.md", defaults: PostDefaults())
    #expect(bad.posts.isEmpty)
    #expect(bad.problems.first?.path == "bin.md")
    #expect(bad.problems.first?.line == 1)
    let unterminated = try tree.write("u.md", "---\nchannel: x\n")
    let u = PostReader.readPosts(path: unterminated, displayPath: "u.md", defaults: PostDefaults())
    #expect(u.problems == [InputProblem(path: "u.md", line: 1, message: "front matter 没有结束的 ---")])
  }

  @Test func stdinText() throws {
    let plain = try PostReader.readPost(
      text: "今天分享", id: "-", path: nil, defaults: PostDefaults(channel: "private", persona: "p")
    ).get()
    #expect(plain.id == "-")
    #expect(plain.path == nil)
    #expect(plain.channel == "private")
    #expect(plain.persona == "p")
    let named = try PostReader.readPost(
      text: "\u{FEFF}---\r\nchannel: group\r\n---\r\n正文", id: "posts/a.md", path: "posts/a.md",
      defaults: PostDefaults()
    ).get()
    #expect(named.channel == "group")
    #expect(named.text == "正文")
    #expect(named.bodyLine == 4)
    let broken = PostReader.readPost(
      text: "---\nlabel: x\n---\n", id: "-", path: nil, defaults: PostDefaults())
    #expect(throws: InputProblem.self) { try broken.get() }
  }
}
