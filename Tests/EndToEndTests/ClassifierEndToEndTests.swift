import Foundation
import Testing

// End-to-end tests of the classifier commands through the real binary: the `eval` and `explain` fixture
// suites (Tests/Fixtures/{eval,explain}, format in Fixtures.swift, data in Tests/Fixtures/classifier), and
// train / learn runs in temporary folders.

@Suite("siyu eval and explain, end to end")
struct ClassifierFixtureTests {
  @Test("eval fixture", arguments: Fixtures.caseNames("eval"))
  func eval(_ name: String) throws {
    try Fixtures.run(suite: "eval", name: name, defaultArgs: ["eval"])
  }

  @Test("explain fixture", arguments: Fixtures.caseNames("explain"))
  func explain(_ name: String) throws {
    try Fixtures.run(suite: "explain", name: name, defaultArgs: ["explain"])
  }
}

@Suite("siyu train and learn, end to end")
struct TrainLearnEndToEndTests {
  static let data = Locations.fixtures("classifier")

  /// A fresh folder with an empty configuration, so no .siyu.yml upwards counts.
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-train-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try Data().write(to: url.appendingPathComponent(".siyu.yml"))
    return url
  }

  @Test("training on corpus/ reproduces the built-in model byte for byte")
  func trainReproducesTheBuiltInModel() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = dir.appendingPathComponent("default.siyumodel")
    let corpus = Locations.packageRoot.appendingPathComponent("corpus").path
    let result = try runSiyu(
      ["train", corpus, "--config", dir.appendingPathComponent(".siyu.yml").path, "--output", output.path],
      in: dir)
    #expect(result.status == 0, "\(result.stderrText)")
    let trained = try Data(contentsOf: output)
    let committed = try Data(
      contentsOf: Locations.packageRoot.appendingPathComponent("models/default.siyumodel"))
    // A Bool, not `trained == committed` inside #expect: on a mismatch swift-testing would diff the two
    // Data values byte by byte, which takes hours for a model file.
    let same = trained == committed
    #expect(same, "models/default.siyumodel is stale: run scripts/train-default-model")
  }

  @Test("the fixture model is what training its data produces")
  func fixtureModelIsReproducible() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = dir.appendingPathComponent("m.siyumodel")
    let result = try runSiyu(
      ["train", Self.data.appendingPathComponent("train.tsv").path, "--output", output.path], in: dir)
    #expect(result.status == 0, "\(result.stderrText)")
    let same =
      try Data(contentsOf: output) == Data(contentsOf: Self.data.appendingPathComponent("model.siyumodel"))
    #expect(same, "regenerate Tests/Fixtures/classifier/model.siyumodel (see its README)")
  }

  @Test("bad rows are reported with file and line, skipped, and exit 2 after writing the model")
  func trainReportsBadRows() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(
      at: Self.data.appendingPathComponent("bad-rows.tsv"), to: dir.appendingPathComponent("bad-rows.tsv"))
    try Data("{\"text\":\"今晚秒杀，只要9元\",\"label\":\"hard-sell\"}\n{\"text\":\"没有标签的一行\"}\nnot json\n".utf8)
      .write(to: dir.appendingPathComponent("rows.jsonl"))
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("posts"), withIntermediateDirectories: true)
    try Data("---\nlabel: value\n---\n周末去爬山了。\n".utf8).write(to: dir.appendingPathComponent("posts/a.md"))
    try Data("没有 front matter 的帖子\n".utf8).write(to: dir.appendingPathComponent("posts/b.md"))
    let result = try runSiyu(
      ["train", "bad-rows.tsv", "rows.jsonl", "posts", "--output", "m.siyumodel"], in: dir)
    #expect(result.status == 2)
    for needle in [
      "bad-rows.tsv:3: 标签应为", "bad-rows.tsv:4: 应为「标签<TAB>文本」", "rows.jsonl:2: 缺少 label",
      "rows.jsonl:3: 这一行不是有效的 JSON", "posts/b.md:1: 缺少 label",
    ] {
      #expect(result.stderrText.contains(needle), "stderr lacks \(needle):\n\(result.stderrText)")
    }
    #expect(String(decoding: result.stdout, as: UTF8.self).contains("已用 4 篇帖子（硬广 2，内容 2）"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.siyumodel").path))
  }

  @Test("training reads every post's features even where the configuration turns the classifier off")
  func trainIgnoresClassifierLevels() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(
      """
      rules: { hard-sell: "off" }
      overrides:
        - paths: ["**"]
          rules: { hard-sell/classifier: "off" }

      """.utf8
    ).write(to: dir.appendingPathComponent(".siyu.yml"))
    try FileManager.default.copyItem(
      at: Self.data.appendingPathComponent("train.tsv"), to: dir.appendingPathComponent("train.tsv"))
    let result = try runSiyu(["train", "train.tsv", "--output", "m.siyumodel"], in: dir)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(String(decoding: result.stdout, as: UTF8.self).contains("663 个特征"))
  }

  @Test("training needs both classes")
  func trainNeedsBothClasses() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runSiyu(
      ["train", Self.data.appendingPathComponent("value-only.tsv").path, "--output", "m.siyumodel"], in: dir)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("value-only.tsv: 训练数据需要两类帖子都有（现有硬广 0 篇"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.siyumodel").path))
  }

  @Test("the advanced training options reach the trainer: the defaults spelled out, other values, eval")
  func trainingOptions() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let train = Self.data.appendingPathComponent("train.tsv").path
    let defaults = try runSiyu(
      [
        "train", train, "--output", "defaults.siyumodel", "--smoothing", "1", "--interpolation", "0.5",
        "--l2",
        "1.2", "--epochs", "10", "--learning-rate", "0.3", "--combiner-folds", "5",
      ], in: dir)
    #expect(defaults.status == 0, "\(defaults.stderrText)")
    #expect(
      try Data(contentsOf: dir.appendingPathComponent("defaults.siyumodel"))
        == Data(contentsOf: Self.data.appendingPathComponent("model.siyumodel")),
      "the options spelled out with TrainingOptions' defaults must train the default model")
    var models: Set<Data> = []
    for option in [
      ["--smoothing", "0.25"], ["--interpolation", "1"], ["--l2", "0"], ["--epochs", "3"],
      ["--learning-rate", "0.05"], ["--combiner-folds", "3"],
    ] {
      let result = try runSiyu(["train", train, "--output", "m.siyumodel"] + option, in: dir)
      #expect(result.status == 0, "\(option): \(result.stderrText)")
      models.insert(try Data(contentsOf: dir.appendingPathComponent("m.siyumodel")))
    }
    models.insert(try Data(contentsOf: dir.appendingPathComponent("defaults.siyumodel")))
    #expect(models.count == 7, "every option changes the model")
    let cv = try runSiyu(
      ["eval", train, "--folds", "3", "--format", "json", "--smoothing", "0.5", "--learning-rate", "0.1"],
      in: dir)
    #expect(cv.status == 0, "\(cv.stderrText)")
    let metrics = try JSONSerialization.jsonObject(with: cv.stdout) as? [String: Any]
    #expect(metrics?["n"] as? Int == 24)
  }

  @Test("bad training option values are usage errors (exit 2) naming the option")
  func trainingOptionErrors() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let train = Self.data.appendingPathComponent("train.tsv").path
    let cases: [([String], String)] = [
      (["--smoothing", "0"], "--smoothing 应为大于 0 的数"),
      (["--smoothing", "nan"], "--smoothing 应为大于 0 的数"),
      (["--interpolation", "1.5"], "--interpolation 应在 0 到 1 之间"),
      (["--l2=-1"], "--l2 应为 0 或更大的数"),
      (["--epochs", "0"], "--epochs 应在 1 到 1000 之间"),
      (["--learning-rate", "inf"], "--learning-rate 应为大于 0 的数"),
      (["--combiner-folds", "1"], "--combiner-folds 应在 2 到 100 之间"),
      (["--epochs", "many"], "'--epochs <n>' 的值 'many' 无效"),
      (
        ["--algorithm", "fisher", "--l2", "2", "--epochs", "3"],
        "--l2、--epochs 只适用于 --algorithm nbsvm"
      ),
    ]
    for (option, message) in cases {
      for command in [["train", train, "--output", "m.siyumodel"], ["eval", train, "--folds", "3"]] {
        let result = try runSiyu(command + option, in: dir)
        #expect(result.status == 2, "\(command[0]) \(option)")
        #expect(result.stderrText.contains(message), "\(command[0]) \(option):\n\(result.stderrText)")
      }
    }
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.siyumodel").path))
    let withTest = try runSiyu(["eval", "--test", train, "--epochs", "3"], in: dir)
    #expect(withTest.status == 2)
    #expect(withTest.stderrText.contains("训练选项用于交叉验证，不能与 --test 同时使用"))
  }

  @Test("train reports what check would report (an unknown channel) and still uses the post")
  func trainReportsUnknownChannels() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let posts = dir.appendingPathComponent("posts")
    try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
    try Data("---\nchannel: moment\nlabel: value\n---\n今天分享一个小技巧。\n".utf8).write(
      to: posts.appendingPathComponent("a.md"))
    try Data("---\nlabel: hard-sell\n---\n限时秒杀，扫码下单！\n".utf8).write(to: posts.appendingPathComponent("b.md"))
    try Data().write(to: dir.appendingPathComponent(".siyu.yml"))
    let result = try runSiyu(["train", "posts", "--output", "m.siyumodel"], in: dir)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("posts/a.md:2: 未知的渠道「moment」"), "\(result.stderrText)")
    #expect(String(decoding: result.stdout, as: UTF8.self).contains("已用 2 篇帖子"))
  }

  @Test("train and eval warn about repeated and empty posts, and still use them")
  func repeatedAndEmptyPostsAreNamed() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let train = Self.data.appendingPathComponent("train.tsv")
    try FileManager.default.copyItem(at: train, to: dir.appendingPathComponent("copy.tsv"))
    try Data("hard-sell\t  \n".utf8).write(to: dir.appendingPathComponent("empty.tsv"))
    let config = Self.data.appendingPathComponent("empty.yml").path
    let result = try runSiyu(
      ["train", train.path, "copy.tsv", "empty.tsv", "--config", config, "--output", "m.siyumodel"], in: dir)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.contains("1 篇帖子没有正文，仍按其标签计入"), "\(result.stderrText)")
    #expect(result.stderrText.contains("24 篇帖子的正文与前面的帖子完全相同"), "\(result.stderrText)")
    #expect(String(decoding: result.stdout, as: UTF8.self).contains("已用 49 篇帖子"))
    let plain = try runSiyu(["train", train.path, "--config", config, "--output", "n.siyumodel"], in: dir)
    #expect(plain.stderrText.isEmpty, "\(plain.stderrText)")
  }

  @Test("train --output - writes the model to stdout, the same bytes as a file")
  func trainToStdout() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let train = Self.data.appendingPathComponent("train.tsv").path
    let config = Self.data.appendingPathComponent("empty.yml").path
    let file = try runSiyu(["train", train, "--config", config, "--output", "m.siyumodel"], in: dir)
    let piped = try runSiyu(["train", train, "--config", config, "--output", "-"], in: dir)
    #expect(file.status == 0 && piped.status == 0, "\(piped.stderrText)")
    #expect(piped.stdout == (try Data(contentsOf: dir.appendingPathComponent("m.siyumodel"))))
    #expect(piped.stderrText.contains("写入标准输出"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
  }

  @Test("learn adds posts, forget removes them, a broken model is refused untouched")
  func learnAndForget() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = dir.appendingPathComponent("m.siyumodel")
    try FileManager.default.copyItem(at: Self.data.appendingPathComponent("model.siyumodel"), to: model)
    let original = try Data(contentsOf: model)
    try Data("今晚团购价，手慢无，私信下单\n".utf8).write(to: dir.appendingPathComponent("new.md"))

    let learned = try runSiyu(["learn", "--label", "hard-sell", "new.md", "--model", "m.siyumodel"], in: dir)
    #expect(learned.status == 0, "\(learned.stderrText)")
    #expect(String(decoding: learned.stdout, as: UTF8.self).contains("已学习 1 篇硬广帖子，模型现有硬广 13 篇、内容 12 篇"))
    #expect(try Data(contentsOf: model) != original)

    let forgotten = try runSiyu(
      ["learn", "--label", "hard-sell", "--forget", "new.md", "--model", "m.siyumodel"], in: dir)
    #expect(forgotten.status == 0, "\(forgotten.stderrText)")
    #expect(String(decoding: forgotten.stdout, as: UTF8.self).contains("模型现有硬广 12 篇、内容 12 篇"))
    // Forgetting what was learned gives the model back byte for byte (the features it added go).
    #expect(try Data(contentsOf: model) == original)
    // Forgetting it again (or a post never learned) is refused, the model untouched.
    let again = try runSiyu(
      ["learn", "--label", "hard-sell", "--forget", "new.md", "--model", "m.siyumodel"], in: dir)
    #expect(again.status == 2)
    #expect(again.stderrText.contains("new.md: 这篇帖子没有作为硬广学过（或已经遗忘过）"), "\(again.stderrText)")
    #expect(try Data(contentsOf: model) == original)

    let thirteen = (1...13).map { "0\t第\($0)篇内容帖子" }.joined(separator: "\n") + "\n"
    try Data(thirteen.utf8).write(to: dir.appendingPathComponent("thirteen.tsv"))
    let beforeForget = try Data(contentsOf: model)
    let tooMany = try runSiyu(
      ["learn", "--label", "value", "--forget", "thirteen.tsv", "--model", "m.siyumodel"], in: dir)
    #expect(tooMany.status == 2)
    #expect(tooMany.stderrText.contains("m.siyumodel: 模型里的内容帖子不足 13 篇，无法遗忘，模型未改动"))
    let restored = try Data(contentsOf: model) == beforeForget
    #expect(restored)

    try Data("SIYUNBM\n".utf8 + Data(repeating: 7, count: 100)).write(
      to: dir.appendingPathComponent("bad.siyumodel"))
    let before = try Data(contentsOf: dir.appendingPathComponent("bad.siyumodel"))
    let refused = try runSiyu(["learn", "--label", "value", "new.md", "--model", "bad.siyumodel"], in: dir)
    #expect(refused.status == 2)
    #expect(refused.stderrText.contains("bad.siyumodel: 模型格式版本"))
    let untouched = try Data(contentsOf: dir.appendingPathComponent("bad.siyumodel")) == before
    #expect(untouched)

    let missing = try runSiyu(["learn", "--label", "value", "new.md", "--model", "none.siyumodel"], in: dir)
    #expect(missing.status == 2)
    #expect(missing.stderrText.contains("none.siyumodel: 模型文件不存在"))
  }
}

@Suite("the built-in model, end to end")
struct BuiltInModelTests {
  /// The verdict classes `siyu check --format json` gives `texts` with the built-in model and no
  /// configuration.
  static func classes(_ texts: [String]) throws -> [String] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-builtin-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data().write(to: dir.appendingPathComponent(".siyu.yml"))
    var lines = ""
    for text in texts {
      let row = try JSONSerialization.data(withJSONObject: ["text": text])
      lines += String(decoding: row, as: UTF8.self) + "\n"
    }
    try Data(lines.utf8).write(to: dir.appendingPathComponent("posts.jsonl"))
    let result = try runSiyu(["check", "posts.jsonl", "--format", "json"], in: dir)
    let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
    let files = try #require(object?["files"] as? [[String: Any]])
    return files.compactMap { ($0["verdict"] as? [String: Any])?["class"] as? String }
  }

  /// SPEC: a single mild cue (one price mention) never makes a post hard-sell on its own. Fails when a
  /// retrained built-in model breaks it.
  @Test func onePriceMentionIsNotHardSell() throws {
    let texts = [
      "今天买了一杯奶茶，15元，味道一般。", "周末带娃去了新开的公园，门票20元，孩子玩得很开心。",
      "群里有姐妹问保温杯多少钱，我买的是89元的那款，用了一年还不错。",
      "这款面霜我自己用了三个月，68元，皮肤确实不干了。",
      // ¥ prices were hard-sell alone (the classifier's own ¥0 pair and price kind), until the single-cue
      // guarantee set a lone cue's text aside as well as its points.
      "¥129", "￥129", "¥5", "门票¥60", "围巾¥129", "新到的围巾 ¥129", "¥99~¥129", "满199减30",
    ]
    #expect(try Self.classes(texts) == Array(repeating: "value", count: texts.count))
  }

  @Test func obviousCasesAreJudgedRight() throws {
    let texts = [
      "【限时秒杀】原价399，今晚只要99元！库存只剩20件，手慢无，赶紧扫码下单",
      "家人们！年货节团购最后一天，全场买二送一，满299包邮，点击链接下单",
      "分享一个小技巧：洗完的毛巾用白醋泡十分钟再晾，摸起来会软很多。",
      "今天带孩子去公园放风筝，晚上一起包了饺子，简单的一天。",
    ]
    #expect(try Self.classes(texts) == ["hard-sell", "hard-sell", "value", "value"])
  }
}
