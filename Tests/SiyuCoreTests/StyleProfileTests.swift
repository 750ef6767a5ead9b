import Foundation
import SiyuText
import Testing

@testable import SiyuCore

/// Style samples, profile learning, the versioned profile format and attribution.
@Suite struct StyleProfileTests {
  static func sample(_ text: String, persona: Persona = Persona(key: "p", name: "p")) throws -> StyleSample {
    let segmenter = try Segmenter()
    return persona.sample(Document(post: Post(id: "t", text: text, channel: "moments"), segmenter: segmenter))
  }

  static func learn(_ posts: [String], name: String = "xiaoli") throws -> StyleProfile {
    var learner = StyleProfileLearner(name: name)
    for post in posts { learner.add(try Self.sample(post)) }
    return learner.profile()
  }

  @Test func sampleCountsClausesParticlesAndPunctuation() throws {
    let s = try Self.sample("姐妹们好呀～今天呢，我们去公园吧！！真的吗？？好累啊……\n<!-- siyu-disable persona -->小编呢")
    // Clauses: 姐妹们好呀 / 今天呢 / 我们去公园吧 / 真的吗 / 好累啊 / 小编呢 (the comment is left out).
    #expect(s.clauses == 6)
    let particles = Dictionary(uniqueKeysWithValues: zip(PersonaTerm.particles, s.particles))
    #expect(particles["呀"] == 1 && particles["呢"] == 2 && particles["吧"] == 1)
    #expect(s.tilde == 1 && s.exclamation == 1 && s.question == 1 && s.ellipsis == 1)
    #expect(s.addressTerms == ["姐妹": 1])
    #expect(s.selfTerms == ["我": 1, "小编": 1])
    #expect(s.unigrams[UInt32(("<" as Unicode.Scalar).value)] == nil)
  }

  @Test func particlesCountOnlyAtTheEndOfAClause() throws {
    let s = try Self.sample("呢子大衣很暖和")
    #expect(s.particles.reduce(0, +) == 0)
    #expect(try Self.sample("真好看呢😊").particles.reduce(0, +) == 1)
  }

  @Test func emojiAndDigitsAndShapes() throws {
    let s = try Self.sample("今天跑了5公里💪💪，明天10公里")
    #expect(s.emoji == ["💪": 2])
    #expect(s.unigrams[0x30] == 3)  // 5, 1, 0 all fold to 0
    #expect(s.unigrams[0x35] == nil)
    // Clauses of 7 and 6 letters and digits: shapes 7, 6, 7_6.
    #expect(s.clauseLengths == [7, 6])
    #expect(s.shapes[7] == 1 && s.shapes[6] == 1 && s.shapes[7 | 6 << 4] == 1 && s.shapes.count == 3)
  }

  @Test func termsMatchOnTokensWithPluralAndVocativeOnlyAtClauseEdges() throws {
    let persona = Persona(key: "p", name: "p", avoid: ["老铁"])
    let document = Document(
      post: Post(id: "t", text: "老铁们冲！老铁，好", channel: "moments"), segmenter: try Segmenter())
    #expect(persona.avoidMatcher.matches(in: document).map(\.sourceRange) == [0..<3, 5..<7])
    #expect(try Self.sample("宝宝们，晚安").addressTerms == ["宝宝": 1])
    #expect(try Self.sample("我家的宝宝们都爱吃").addressTerms.isEmpty)
    #expect(try Self.sample("母亲节快乐").addressTerms.isEmpty)
  }

  @Test func learnsCountsAndSpreads() throws {
    let profile = try Self.learn([
      "姐妹们早上好呀～今天分享一个护肤小习惯，洗完脸先拍爽肤水呢",
      "宝子们晚安～早点睡哦，明天皮肤会更好",
      "我今天去公园散步啦，风好大，回家赶紧涂面霜呀",
      "有姐妹问我防晒怎么选，我觉得先看肤质，再看出门多久～",
      "周末整理化妆台，过期的都扔啦，你们也看看吧",
    ])
    #expect(profile.format == StyleProfile.formatName && profile.version == StyleProfile.currentVersion)
    #expect(profile.posts == 5)
    #expect(profile.particles["呀"] == 2 && profile.particles["啦"] == 2)
    #expect(profile.punctuation["tilde"] == 3)
    #expect(profile.addressTerms["姐妹"] == 2 && profile.addressTerms["宝子"] == 1)
    let particles = try #require(profile.spread(of: .particles))
    #expect(particles.mean > 0 && particles.sd > 0 && particles.min <= particles.mean)
    #expect(profile.ngrams.unigrams[0x59D0] == 2)  // 姐
    #expect(profile.ngrams.bigrams[0x59D0 << 32 | 0x59B9] == 2)  // 姐妹
    #expect(profile.fit.mean < 0 && profile.fit.sd > 0)
    let distance = try #require(profile.distance)
    #expect(distance.q1 <= distance.median && distance.median <= distance.q3 && distance.q3 <= distance.fence)
    #expect(try Self.learn(["一条", "两条"]).distance == nil)
  }

  @Test func profileRoundTripsAndIsDeterministic() throws {
    let posts = ["姐妹们早上好呀～今天分享一个小习惯", "宝子们晚安，早点睡哦，明天见", "我今天去公园散步啦，风好大呢"]
    let profile = try Self.learn(posts)
    let data = try profile.jsonData()
    #expect(try StyleProfile.decode(data, path: "p.json") == profile)
    #expect(try Self.learn(posts).jsonData() == data)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"format\" : \"siyu-persona-profile\""))
    #expect(text.contains("\"version\" : 1"))
  }

  static func decodeProblem(_ text: String) -> InputProblem? {
    do {
      _ = try StyleProfile.decode(Data(text.utf8), path: "p.profile.json")
      return nil
    } catch {
      return error
    }
  }

  @Test func wrongVersionsAndCorruptFilesAreRefusedClearly() throws {
    let good = String(decoding: try Self.learn(["姐妹们早上好呀～", "宝子们晚安"]).jsonData(), as: UTF8.self)
    let newer = Self.decodeProblem(good.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2"))
    #expect(newer?.path == "p.profile.json")
    #expect(newer?.message.contains("格式版本是 2，本版 siyu 只读版本 1") == true)
    #expect(Self.decodeProblem(String(good.prefix(200)))?.message.contains("不是有效的 JSON") == true)
    #expect(Self.decodeProblem("{}")?.message.contains("不是 siyu 人设风格画像") == true)
    let noVersion = good.replacingOccurrences(of: ",\n  \"version\" : 1", with: "")
    #expect(noVersion != good)
    #expect(Self.decodeProblem(noVersion)?.message.contains("缺少 version") == true)
    let noCounts = good.replacingOccurrences(of: "\"ngrams\"", with: "\"ngramz\"")
    #expect(Self.decodeProblem(noCounts)?.message.contains("缺少「ngrams」") == true)
    let badKey = good.replacingOccurrences(of: "\"unigrams\" : \"", with: "\"unigrams\" : \"ab\\t1\\n")
    #expect(badKey != good)
    #expect(Self.decodeProblem(badKey)?.message.contains("「ngrams.unigrams」数据损坏：第 1 行") == true)
    let badCount = good.replacingOccurrences(of: "\"shapes\" : \"", with: "\"shapes\" : \"5\\t-2\\n")
    #expect(Self.decodeProblem(badCount)?.message.contains("「ngrams.shapes」数据损坏：第 1 行") == true)
  }

  @Test func attributionPicksTheCloserPersona() throws {
    let li = try Self.learn(
      [
        "姐妹们早上好呀～今天分享一个护肤小习惯，洗完脸先拍爽肤水呢",
        "宝子们晚安～早点睡哦，明天皮肤会更好",
        "换季皮肤干，我晚上会敷补水面膜，敷完涂面霜呀",
      ], name: "li")
    let wang = try Self.learn(
      [
        "兄弟们，今天练腿！深蹲五组，每组十二个。坚持住！",
        "减脂怎么吃？蛋白质吃够，主食别断，晚饭七分饱。",
        "早上跑了五公里，跑完整个人都清醒了！兄弟们明天一起？",
      ], name: "wang")
    let attributor = PersonaAttributor(profiles: [li, wang])
    #expect(attributor.best(try Self.sample("姐妹们睡前记得涂面霜哦～皮肤会软软的呢"))?.name == "li")
    #expect(attributor.best(try Self.sample("兄弟们，今天练背！引体向上五组，坚持住！"))?.name == "wang")
    let scores = attributor.scores(try Self.sample("兄弟们，今天练背！"))
    #expect(scores.count == 2 && scores[1] > 0 && scores[1] > scores[0])
    #expect(attributor.best(try Self.sample("   ")) == nil)
  }
}
