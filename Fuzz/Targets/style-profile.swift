import Foundation
import SiyuCore

/// libFuzzer target: bytes as a persona style profile (`*.profile.json`, versioned JSON with n-gram tables).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStyleProfile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  if let profile = try? StyleProfile.decode(bytes, path: "fuzz.profile.json") {
    _ = try? profile.jsonData()
  }
  return 0
}
