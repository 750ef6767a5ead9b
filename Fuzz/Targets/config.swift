import Foundation
import SiyuCore

/// libFuzzer target: `.siyu.yml` text through the configuration loader (alias guard, YAML, typed fields).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = try? Configuration.parse(
    text, path: ".siyu.yml", baseDirectory: "/nonexistent/fuzz",
    knownRuleIDs: ["hard-sell/price", "hard-sell/urgency", "ad-law/absolute", "persona/style", "cap/daily"])
  return 0
}
