import Foundation
import Testing

@testable import SiyuClassifier

@Suite struct ModelTests {
  typealias S = ClassifierTestSupport

  @Test(arguments: Algorithm.allCases)
  func trainingSeparatesTheClassesAndIsDeterministic(algorithm: Algorithm) throws {
    var options = TrainingOptions()
    options.algorithm = algorithm
    options.combinerFolds = 3
    let examples = try S.examples()
    let model = Trainer.train(examples, options: options)
    #expect(ModelFile.encode(model) == ModelFile.encode(Trainer.train(examples, options: options)))
    let hard = model.logOdds(try S.keys("秒杀价99元，今晚截止，扫码下单"))
    let soft = model.logOdds(try S.keys("今天天气很好，带孩子去公园散步"))
    #expect(hard > soft, "\(algorithm.name): \(hard) vs \(soft)")
  }

  @Test func roundTrip() throws {
    let model = Trainer.train(try S.examples())
    let bytes = ModelFile.encode(model)
    let decoded = try ModelFile.decode(bytes, path: "m")
    #expect(ModelFile.encode(decoded) == bytes)
    #expect(decoded.keys == model.keys && decoded.parameters == model.parameters)
    let post = try S.keys("清仓秒杀，手慢无")
    #expect(decoded.logOdds(post) == model.logOdds(post))
  }

  func refusal(_ bytes: [UInt8]) -> String? {
    do {
      _ = try ModelFile.decode(bytes, path: "m.siyumodel")
      return nil
    } catch {
      #expect(error.description.hasPrefix("m.siyumodel: "))
      return error.message
    }
  }

  @Test func corruptTruncatedAndIncompatibleModelsAreRefused() throws {
    let bytes = ModelFile.encode(Trainer.train(try S.examples()))
    #expect(refusal([])?.contains("空") == true)
    #expect(refusal(Array("hello world, not a model at all".utf8))?.contains("不是 siyu 模型文件") == true)
    #expect(refusal(Array(bytes.prefix(5)))?.contains("不完整") == true)
    #expect(refusal(Array(bytes.prefix(30)))?.contains("不完整") == true)
    #expect(refusal(Array(bytes.dropLast(7)))?.contains("不完整") == true)
    #expect(refusal(bytes + [0])?.contains("损坏") == true)
    var flipped = bytes
    flipped[bytes.count - 3] ^= 0x40
    #expect(refusal(flipped)?.contains("校验和") == true)
    var newer = bytes
    newer[8] = 2
    #expect(refusal(newer)?.contains("版本 2 不受支持") == true)
    var otherFeatures = bytes
    otherFeatures[12] = 99
    #expect(refusal(otherFeatures)?.contains("特征版本 99") == true)
    // Every truncation is refused cleanly, never a crash.
    for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
      #expect(refusal(Array(bytes.prefix(length))) != nil)
    }
  }

  /// Found by the `model` fuzz target: a body-length field near 2^64 trapped while the error message
  /// added the header size to it.
  @Test func aLengthFieldNearTwoToThe64IsRefusedNotATrap() throws {
    var bytes = ModelFile.encode(Trainer.train(try S.examples(), options: TrainingOptions()))
    for i in 16..<24 { bytes[i] = 0xFF }
    #expect(throws: ModelError.self) { _ = try ModelFile.decode(bytes, path: "m.siyumodel") }
  }

  @Test func missingFileIsNamed() {
    #expect(throws: ModelError(path: "/nonexistent/m.siyumodel", message: "模型文件不存在")) {
      try ModelFile.read(path: "/nonexistent/m.siyumodel")
    }
  }

  /// A model file, the same bytes through a pipe, a folder and a device.
  @Test func readsFilesAndPipesAndNamesWhatItCannotRead() throws {
    let bytes = ModelFile.encode(Trainer.train(try S.examples(), options: TrainingOptions()))
    let folder = NSTemporaryDirectory() + "siyu-model-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/m.siyumodel"
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    #expect(ModelFile.encode(try ModelFile.read(path: file)) == bytes)
    let pipe = folder + "/pipe"
    #expect(mkfifo(pipe, 0o600) == 0)
    let writer = Thread {
      let fd = open(pipe, O_WRONLY)
      _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    writer.start()
    #expect(ModelFile.encode(try ModelFile.read(path: pipe)) == bytes)
    #expect(throws: ModelError(path: folder, message: "这是一个文件夹，不是模型文件")) {
      try ModelFile.read(path: folder)
    }
    #expect(throws: ModelError(path: "/dev/zero", message: "无法读取模型文件")) {
      try ModelFile.read(path: "/dev/zero")
    }
  }

  @Test func learnAndForget() throws {
    let model = Trainer.train(try S.examples())
    let post = try S.keys("新款羽绒服秒杀，今晚截止抢购")
    let learned = try #require(model.learning([post, post], hardSell: true, forget: false))
    #expect(learned.hardSellDocuments == model.hardSellDocuments + 2)
    #expect(learned.logOdds(post) > model.logOdds(post))
    let forgotten = try #require(learned.learning([post, post], hardSell: true, forget: true))
    #expect(forgotten.hardSellDocuments == model.hardSellDocuments)
    for (i, key) in model.keys.enumerated() {
      let j = try #require(forgotten.index(of: key))
      #expect(forgotten.hardSellCounts[j] == model.hardSellCounts[i])
      #expect(forgotten.valueCounts[j] == model.valueCounts[i])
    }
    #expect(model.learning(Array(repeating: post, count: 100), hardSell: false, forget: true) == nil)
    let written = try ModelFile.decode(ModelFile.encode(learned), path: "m")
    #expect(written.logOdds(post) == learned.logOdds(post))
  }

  @Test func combinerFitsCalibratedWeights() {
    // Log-odds that separate perfectly except for noise; rule points that carry extra signal.
    var l: [Double] = []
    var s: [Double] = []
    var y: [Bool] = []
    for i in 0..<200 {
      let positive = i % 2 == 0
      l.append((positive ? 2.0 : -2.0) + Double(i % 7) - 3)
      s.append(positive && i % 3 == 0 ? 3 : 0)
      y.append(positive)
    }
    let combiner = Combiner.fit(logOdds: l, rulePoints: s, labels: y)
    #expect(combiner.classifierWeight > 0)
    #expect(combiner.ruleWeight >= Combiner.minimumRuleWeight)
    #expect(combiner.probability(logOdds: 5, rulePoints: 0) > 0.9)
    #expect(combiner.probability(logOdds: -5, rulePoints: 0) < 0.1)
    #expect(Combiner.fit(logOdds: l, rulePoints: s, labels: y) == combiner)
  }

  @Test func defaultModelIsTheCommittedFile() throws {
    let file = S.packageRoot.appendingPathComponent("models/default.siyumodel")
    let committed = [UInt8](try Data(contentsOf: file))
    #expect(DefaultModel.bytes == committed, "rebuild after scripts/train-default-model")
    let model = try DefaultModel.shared.get()
    #expect(model.hardSellDocuments > 0 && model.valueDocuments > 0)
  }

  @Test func loadingTheDefaultModelIsFast() throws {
    // Not a benchmark (bench/classifier measures load time); a guard against an accidental quadratic.
    let start = Date()
    _ = try ModelFile.decode(DefaultModel.bytes, path: DefaultModel.name)
    #expect(Date().timeIntervalSince(start) < 2)
  }
}
