import Foundation
import SiyuCore
import SiyuText

/// libFuzzer target: bytes as a JSON Lines batch file (decoding, line splitting, JSON, rows to posts).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let input = try? TextInput(bytes: bytes, name: "fuzz.jsonl") else { return 0 }
  let (posts, problems) = BatchReader.readJSONLines(
    input, file: "fuzz.jsonl", path: "fuzz.jsonl", defaults: PostDefaults())
  for problem in problems { precondition(problem.line.map { $0 >= 1 } ?? true, "line \(problem)") }
  _ = posts.count
  return 0
}
