import Foundation
import Testing

@testable import SiyuCore

/// Persona files: typed fields, errors with file and line, profiles resolved against the configuration.
@Suite struct PersonaFileTests {
  static func parse(_ text: String) throws(InputProblem) -> Persona {
    try Persona.parse(
      text, key: "xiaoli", shownPath: "personas/xiaoli.yml", configuration: Configuration(),
      loadProfile: { _ throws(InputProblem) in nil })
  }

  static func problem(_ text: String) -> InputProblem? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func readsEveryField() throws {
    let persona = try Self.parse(
      """
      name: 小李
      self: [我, 小李]
      address: [姐妹们, 宝子们]
      avoid: [家人们, 老铁, 亲]
      emoji_per_post: 4
      """)
    #expect(persona.key == "xiaoli" && persona.name == "小李")
    #expect(persona.selfTerms == ["我", "小李"])
    #expect(persona.addressTerms == ["姐妹们", "宝子们"])
    #expect(persona.avoid == ["家人们", "老铁", "亲"])
    #expect(persona.emojiPerPost == 4 && persona.emojiLimit == 4)
    #expect(persona.ownAddressStems == ["姐妹", "宝子"])
    #expect(persona.profile == nil)
  }

  @Test func onlyNameIsRequired() throws {
    let persona = try Self.parse("name: 小王\n")
    #expect(persona.selfTerms.isEmpty && persona.emojiPerPost == nil && persona.emojiLimit == nil)
  }

  @Test func initTemplateParses() throws {
    let persona = try Self.parse(Configuration.examplePersonaTemplate)
    #expect(persona.name == "小李" && persona.emojiPerPost == 4 && persona.avoid.contains("老铁"))
  }

  @Test func errorsNameTheFileAndLine() {
    let unknown = Self.problem("name: 小李\nselfs: [我]\n")
    #expect(unknown?.path == "personas/xiaoli.yml" && unknown?.line == 2)
    #expect(unknown?.message.contains("未知的配置项「selfs」") == true)
    let badCount = Self.problem("name: 小李\n\nemoji_per_post: lots\n")
    #expect(badCount?.line == 3 && badCount?.message.contains("emoji_per_post") == true)
    let clash = Self.problem("name: A\naddress: [亲]\navoid: [老铁, 亲]\n")
    #expect(clash?.line == 3 && clash?.message == "「亲」同时写在 address 和 avoid 里，人设不能既用又不用这个词")
    #expect(Self.problem("name: A\nself: [本店]\navoid: [本店]\n")?.message.contains("self 和 avoid") == true)
    let badList = Self.problem("name: 小李\nself: {a: 1}\n")
    #expect(badList?.line == 2 && badList?.message.contains("「self」应为列表") == true)
    let noName = Self.problem("self: [我]\n")
    #expect(noName?.message.contains("缺少「name」") == true)
    #expect(Self.problem("")?.message.contains("空的") == true)
    #expect(Self.problem("- a\n- b\n")?.message.contains("映射") == true)
    let syntax = Self.problem("name: 小李\nself: [我\n")
    #expect(syntax?.line != nil && syntax?.message.contains("YAML") == true)
  }

  @Test func loadsPersonasAndProfilesFromTheConfigurationFolder() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root + "/personas", withIntermediateDirectories: true)
    try "personas:\n  xiaoli: personas/xiaoli.yml\n".write(
      toFile: root + "/.siyu.yml", atomically: true, encoding: .utf8)
    try "name: 小李\nprofile: personas/xiaoli.profile.json\n".write(
      toFile: root + "/personas/xiaoli.yml", atomically: true, encoding: .utf8)
    let configuration = try Configuration.load(path: root + "/.siyu.yml", knownRuleIDs: [])

    // The profile is missing: the error is on the persona file's `profile:` line and names the profile.
    #expect {
      try PersonaSet.load(configuration, workingDirectory: root)
    } throws: { error in
      guard let problem = error as? InputProblem else { return false }
      return problem.path == "personas/xiaoli.yml" && problem.line == 2
        && problem.message == "profile: 无法读取人设风格画像文件：没有这个文件或目录（personas/xiaoli.profile.json）"
    }

    let profile = try StyleProfileTests.learn(["姐妹们早上好呀～今天分享一个小习惯", "宝子们晚安，早点睡哦"])
    try profile.jsonData().write(to: URL(fileURLWithPath: root + "/personas/xiaoli.profile.json"))
    let personas = try PersonaSet.load(configuration, workingDirectory: root)
    #expect(personas.keys == ["xiaoli"])
    #expect(personas["xiaoli"]?.profile == profile)
    #expect(personas.attributor == nil)

    // A persona file that does not exist is reported on the configuration.
    try "personas:\n  x: personas/none.yml\n".write(
      toFile: root + "/.siyu.yml", atomically: true, encoding: .utf8)
    let missing = try Configuration.load(path: root + "/.siyu.yml", knownRuleIDs: [])
    #expect {
      try PersonaSet.load(missing, workingDirectory: root)
    } throws: { error in
      (error as? InputProblem)?.message.contains("找不到人设文件 personas/none.yml") == true
    }
  }
}
