import SiyuClassifier

/// libFuzzer target: bytes through the model-file decoder (header, checksum, lengths, features). Anything
/// but a valid model must be refused with a `ModelError`, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  _ = try? ModelFile.decode(Array(UnsafeBufferPointer(start: data, count: size)), path: "fuzz.siyumodel")
  return 0
}
