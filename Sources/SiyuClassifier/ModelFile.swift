import Foundation
import SiyuText

#if canImport(Glibc)
  import Glibc
#endif

/// The model file format, version 1. Little-endian throughout.
///
/// Header (40 bytes): magic `SIYUNBM\n`; format version (u32); feature scheme version (u32,
/// `FeatureExtractor.version`); body length in bytes (u64); checksum of the body (u64: FNV-1a 64 over
/// little-endian 64-bit words, see `checksum`); reserved (u64, 0).
///
/// Body: algorithm (u32), reserved (u32), hard-sell and value document counts (u32 each), `alpha`,
/// `beta`, regression bias, mean regression weight, combiner `a`, `b`, `c` (f64 each), feature count `n`
/// (u32), reserved (u32); then `n` keys (u64, strictly increasing), `n` hard-sell counts (u32), `n` value
/// counts (u32), `n` regression weights (f32).
///
/// A reader refuses, with a message naming the file, anything that is not exactly this: wrong magic,
/// another format or feature version, a length that does not match, a checksum that does not match,
/// unknown algorithm, keys out of order, numbers that are not finite.
public enum ModelFile {
  public static let magic: [UInt8] = Array("SIYUNBM\n".utf8)
  public static let formatVersion: UInt32 = 1
  static let headerSize = 40
  static let fixedBodySize = 8 + 8 + 7 * 8 + 8

  /// The file's bytes.
  public static func encode(_ model: Model) -> [UInt8] {
    var body = ByteWriter()
    body.u32(model.algorithm.rawValue)
    body.u32(0)
    body.u32(model.hardSellDocuments)
    body.u32(model.valueDocuments)
    let p = model.parameters
    for value in [
      p.alpha, p.beta, p.regressionBias, p.meanWeight, p.combiner.classifierWeight, p.combiner.ruleWeight,
      p.combiner.intercept,
    ] {
      body.f64(value)
    }
    body.u32(UInt32(model.keys.count))
    body.u32(0)
    for key in model.keys { body.u64(key) }
    for count in model.hardSellCounts { body.u32(count) }
    for count in model.valueCounts { body.u32(count) }
    for weight in model.regressionWeights { body.u32(weight.bitPattern) }
    var header = ByteWriter()
    header.bytes.append(contentsOf: magic)
    header.u32(formatVersion)
    header.u32(FeatureExtractor.version)
    header.u64(UInt64(body.bytes.count))
    header.u64(checksum(body.bytes[...]))
    header.u64(0)
    return header.bytes + body.bytes
  }

  /// Reads the model file at `path`.
  public static func read(path: String) throws(ModelError) -> Model {
    guard let bytes = readBytes(path) else {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
        throw ModelError(path: path, message: isDirectory.boolValue ? "这是一个文件夹，不是模型文件" : "无法读取模型文件")
      }
      throw ModelError(path: path, message: "模型文件不存在")
    }
    return try decode(bytes, path: path)
  }

  /// The bytes of the file at `path` read straight into an array (a model is megabytes: no intermediate
  /// `Data` copy), or nil when it cannot be opened or read. A pipe is read too; a device (which may never
  /// end) is not, and a folder fails to read.
  static func readBytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, [S_IFREG, S_IFIFO, S_IFDIR].contains(info.st_mode & S_IFMT) else {
      return nil
    }
    return try? FileBytes.read(fd: fd).get()
  }

  /// Decodes model bytes; `path` names the source in errors.
  public static func decode(_ bytes: [UInt8], path: String) throws(ModelError) -> Model {
    func fail(_ message: String) -> ModelError { ModelError(path: path, message: message) }
    guard !bytes.isEmpty else { throw fail("模型文件是空的") }
    if bytes.count < magic.count && Array(magic.prefix(bytes.count)) == bytes {
      throw fail("模型文件不完整：只有 \(bytes.count) 字节")
    }
    guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
      throw fail("不是 siyu 模型文件（文件头不对）")
    }
    guard bytes.count >= headerSize else {
      throw fail("模型文件不完整：只有 \(bytes.count) 字节，文件头就需要 \(headerSize) 字节")
    }
    var reader = ByteReader(bytes: bytes, offset: magic.count)
    let version = reader.u32()
    guard version == formatVersion else {
      throw fail("模型格式版本 \(version) 不受支持（本程序读取版本 \(formatVersion)），请用 siyu train 重新训练")
    }
    let featureVersion = reader.u32()
    guard featureVersion == FeatureExtractor.version else {
      throw fail(
        "模型的特征版本 \(featureVersion) 与本程序（版本 \(FeatureExtractor.version)）不一致，请用 siyu train 重新训练")
    }
    let bodyLength = reader.u64()
    let expectedSum = reader.u64()
    _ = reader.u64()
    let actualLength = UInt64(bytes.count - headerSize)
    guard bodyLength == actualLength else {
      if actualLength < bodyLength {
        // A corrupt length field can be near 2^64: adding the header to it must not trap.
        let (expected, overflow) = UInt64(headerSize).addingReportingOverflow(bodyLength)
        if overflow { throw fail("模型文件已损坏：长度字段不合理") }
        throw fail("模型文件不完整：应有 \(expected) 字节，实际只有 \(bytes.count) 字节")
      }
      throw fail("模型文件已损坏：末尾多出 \(actualLength - bodyLength) 字节")
    }
    guard checksum(bytes[headerSize...]) == expectedSum else {
      throw fail("模型文件已损坏：校验和不符")
    }
    guard bodyLength >= UInt64(fixedBodySize) else { throw fail("模型文件已损坏：内容过短") }
    guard let algorithm = Algorithm(rawValue: reader.u32()) else {
      throw fail("模型文件使用了未知的算法，请用 siyu train 重新训练")
    }
    _ = reader.u32()
    let hardSellDocuments = reader.u32()
    let valueDocuments = reader.u32()
    var values: [Double] = []
    for _ in 0..<7 { values.append(reader.f64()) }
    guard values.allSatisfy(\.isFinite) else { throw fail("模型文件已损坏：参数不是有限数") }
    let n = Int(reader.u32())
    _ = reader.u32()
    guard UInt64(fixedBodySize) + UInt64(n) * 20 == bodyLength else {
      throw fail("模型文件已损坏：特征数 \(n) 与文件长度不符")
    }
    let keys = reader.u64s(n)
    for i in 0..<n where keys[i] == 0 || (i > 0 && keys[i] <= keys[i - 1]) {
      throw fail("模型文件已损坏：特征表顺序错误")
    }
    let hardSellCounts = reader.u32s(n)
    let valueCounts = reader.u32s(n)
    let weights = reader.f32s(n)
    guard weights.allSatisfy(\.isFinite) else { throw fail("模型文件已损坏：权重不是有限数") }
    let parameters = Model.Parameters(
      alpha: values[0], beta: values[1], regressionBias: values[2], meanWeight: values[3],
      combiner: Combiner(classifierWeight: values[4], ruleWeight: values[5], intercept: values[6]))
    guard parameters.alpha > 0 else { throw fail("模型文件已损坏：平滑参数必须为正") }
    return Model(
      algorithm: algorithm, hardSellDocuments: hardSellDocuments, valueDocuments: valueDocuments, keys: keys,
      hardSellCounts: hardSellCounts, valueCounts: valueCounts, regressionWeights: weights,
      parameters: parameters)
  }

  /// FNV-1a 64 over the bytes taken as little-endian 64-bit words (the last word zero-padded), so a
  /// multi-megabyte model is checked in a few milliseconds.
  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBytes { raw in
      let words = raw.count / 8
      for w in 0..<words {
        h =
          (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)))
          &* 0x0000_0100_0000_01b3
      }
      if raw.count % 8 != 0 {
        var last: UInt64 = 0
        for (shift, byte) in raw[(words * 8)...].enumerated() { last |= UInt64(byte) << (8 * UInt64(shift)) }
        h = (h ^ last) &* 0x0000_0100_0000_01b3
      }
    }
    return h
  }
}
