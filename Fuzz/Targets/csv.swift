import Foundation
import SiyuCore
import SiyuText

/// libFuzzer target: bytes as a CSV batch file (decoding, RFC 4180 scanner, header, rows to posts).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let input = try? TextInput(bytes: bytes, name: "fuzz.csv") else { return 0 }
  let (posts, problems) = BatchReader.readCSV(
    input, file: "fuzz.csv", path: "fuzz.csv", defaults: PostDefaults())
  for problem in problems { precondition(problem.line.map { $0 >= 1 } ?? true, "line \(problem)") }
  _ = posts.count
  return 0
}
