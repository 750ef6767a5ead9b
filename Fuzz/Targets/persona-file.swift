import Foundation

@testable import SiyuCore

/// libFuzzer target: a persona file's text through the persona parser (no profile is read).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPersonaFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = try? Persona.parse(
    text, key: "fuzz", shownPath: "personas/fuzz.yml",
    configuration: Configuration(baseDirectory: "/nonexistent")
  ) { _ throws(InputProblem) in nil }
  return 0
}
