import Foundation
import SiyuCore

/// libFuzzer target: a post file's text through the front-matter reader (fences, YAML, known fields).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  if case .success(let post) = FrontMatter.post(
    from: text, id: "fuzz.md", path: "fuzz.md", defaults: PostDefaults())
  {
    precondition(post.bodyLine >= 1, "body line \(post.bodyLine)")
  }
  return 0
}
