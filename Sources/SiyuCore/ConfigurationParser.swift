import Foundation
import Yams

/// Turns a composed `.siyu.yml` tree into a `Configuration`, section by section in document order,
/// throwing the first problem with its line.
struct ConfigurationParser {
  static let topLevelKeys = [
    "timezone", "default_channel", "history", "rules", "classifier", "caps", "personas", "lexicons",
    "vocabulary", "scores", "overrides", "custom_rules",
  ]
  static let channelKeys = ["per_day", "hard_sell_per_day", "min_gap", "quiet_hours"]
  static let customRuleKeys = [
    "id", "kind", "tokens", "regex", "message", "level", "points", "replacement", "max", "min",
  ]

  var reader: ConfigurationReader
  var configuration: Configuration
  let builtinIDs: Set<String>
  /// Ids and families that `rules`, `scores` and `overrides` may name.
  var knownIDs: Set<String> = []

  init(path: String, baseDirectory: String, knownRuleIDs: Set<String>) {
    reader = ConfigurationReader(path: path)
    configuration = Configuration(baseDirectory: baseDirectory)
    configuration.path = path
    builtinIDs = knownRuleIDs
  }

  /// Parses the document `root` (nil = empty file, all defaults).
  mutating func parse(_ root: Node?) throws(InputProblem) -> Configuration {
    guard let root, !reader.isNull(root) else { return configuration }
    guard case .mapping = root else {
      throw reader.problem(root, "配置文件应为映射（键: 值），例如「timezone: Asia/Shanghai」")
    }
    knownIDs = builtinIDs.union(builtinIDs.map(Self.family)).union(Configuration.specFamilies)
    for id in Self.customRuleIDs(in: root) {
      knownIDs.insert(id)
      knownIDs.insert(Self.family(id))
    }
    var defaultChannelNode: Node?
    for entry in try reader.entries(root, "", allowed: Self.topLevelKeys) {
      let value = entry.value
      switch entry.key {
      case "timezone":
        let name = try reader.string(value, "timezone")
        guard let zone = TimeZone(identifier: name.trimmingCharacters(in: .whitespaces)) else {
          throw reader.problem(value, "未知的时区「\(name)」（应为 IANA 时区名，如 Asia/Shanghai）")
        }
        configuration.timezone = zone
      case "default_channel":
        configuration.defaultChannel = try channelName(value, "default_channel")
        defaultChannelNode = value
      case "history":
        configuration.history = try reader.strings(value, "history")
      case "rules":
        configuration.rules = try levels(value, "rules")
      case "classifier":
        configuration.classifier = try classifier(value)
      case "caps":
        configuration.caps = try caps(value)
      case "personas":
        var personas: [String: String] = [:]
        for persona in try reader.entries(value, "personas") {
          personas[persona.key] = try reader.string(persona.value, "personas.\(persona.key)")
          configuration.lines["personas.\(persona.key)"] = persona.value.mark?.line
        }
        configuration.personas = personas
      case "lexicons":
        configuration.lexicons = try reader.strings(value, "lexicons")
        for (path, node) in zip(configuration.lexicons, Self.items(value)) {
          configuration.lines["lexicons.\(path)"] = node.mark?.line
        }
      case "vocabulary":
        var vocabulary = VocabularySettings()
        for item in try reader.entries(value, "vocabulary", allowed: ["accept"]) {
          vocabulary.accept = try reader.strings(item.value, "vocabulary.accept")
        }
        configuration.vocabulary = vocabulary
      case "scores":
        var scores: [String: Double] = [:]
        for score in try reader.entries(value, "scores") {
          try checkRuleID(score, "scores")
          scores[score.key] = try reader.number(score.value, "scores.\(score.key)")
        }
        configuration.scores = scores
      case "overrides":
        configuration.overrides = try overrides(value)
      case "custom_rules":
        configuration.customRules = try customRules(value)
      default:
        break
      }
    }
    if let defaultChannelNode { try checkDefaultChannel(defaultChannelNode) }
    return configuration
  }

  /// `default_channel` must be a channel the configuration knows without it (built in, under `caps` or
  /// named by `overrides`): a typo such as `moment` would otherwise become a channel of its own, with no
  /// caps, for every post without front matter.
  func checkDefaultChannel(_ node: Node) throws(InputProblem) {
    let channel = configuration.defaultChannel
    var known = Set(Configuration.builtinChannels)
    known.formUnion(configuration.caps.channels.keys)
    for override in configuration.overrides { known.formUnion(override.channels) }
    guard known.contains(channel) else {
      throw reader.problem(
        node,
        "default_channel 中的渠道「\(channel)」未配置（可用：\(known.sorted().joined(separator: "、"))），"
          + "其他渠道名请先在 caps 中配置")
    }
  }

  static func family(_ id: String) -> String { String(id.prefix { $0 != "/" }) }

  /// Whether `replacement` holds a capture-group reference as regex engines write them: `$1`, `${name}`,
  /// `\1`.
  static func hasGroupReference(_ replacement: String) -> Bool {
    let scalars = Array(replacement.unicodeScalars)
    for (i, scalar) in scalars.enumerated() where i + 1 < scalars.count && (scalar == "$" || scalar == "\\") {
      let next = scalars[i + 1]
      if next.properties.numericType == .decimal && next.isASCII { return true }
      if scalar == "$" && next == "{" { return true }
    }
    return false
  }

  /// The items of a sequence node (one node for a scalar, as `ConfigurationReader.strings` reads it).
  static func items(_ node: Node) -> [Node] {
    if case .sequence(let sequence) = node { return Array(sequence) }
    return [node]
  }

  /// The `id`s of `custom_rules` entries, read leniently before the real pass so that `rules:` above
  /// `custom_rules:` may name them. Bounded by the node limit.
  static func customRuleIDs(in root: Node) -> [String] {
    guard case .mapping(let mapping) = root,
      case .sequence(let rules)? = mapping["custom_rules"]
    else { return [] }
    var ids: [String] = []
    var budget = ConfigurationReader.nodeLimit
    for rule in rules {
      guard case .mapping(let fields) = rule else { continue }
      budget -= fields.count + 1
      if budget < 0 { break }
      if case .scalar(let id)? = fields["id"], id.string.contains("/") { ids.append(id.string) }
    }
    return ids
  }

  mutating func channelName(_ node: Node, _ name: String) throws(InputProblem) -> String {
    let channel = try reader.string(node, name)
    guard !channel.contains(where: { $0.isWhitespace }) else {
      throw reader.problem(node, "「\(name)」中的渠道名「\(channel)」不能含空白")
    }
    return channel
  }

  func checkRuleID(_ entry: ConfigurationReader.Entry, _ section: String) throws(InputProblem) {
    guard knownIDs.contains(entry.key) else {
      throw reader.problem(entry.keyNode, "「\(section)」中未知的规则「\(entry.key)」（siyu rules 列出所有规则）")
    }
  }

  /// A `rule id or family: level` mapping.
  mutating func levels(_ node: Node, _ name: String) throws(InputProblem) -> [String: RuleLevel] {
    var levels: [String: RuleLevel] = [:]
    for entry in try reader.entries(node, name) {
      try checkRuleID(entry, name)
      levels[entry.key] = try reader.level(entry.value, "\(name).\(entry.key)")
    }
    return levels
  }

  mutating func classifier(_ node: Node) throws(InputProblem) -> ClassifierSettings {
    var settings = ClassifierSettings()
    for entry in try reader.entries(node, "classifier", allowed: ["model", "threshold", "required_score"]) {
      switch entry.key {
      case "model":
        settings.model = try reader.string(entry.value, "classifier.model")
        configuration.lines["classifier.model"] = entry.value.mark?.line
      case "threshold": settings.threshold = try reader.fraction(entry.value, "classifier.threshold")
      default: settings.requiredScore = try reader.number(entry.value, "classifier.required_score")
      }
    }
    return settings
  }

  mutating func caps(_ node: Node) throws(InputProblem) -> CapsSettings {
    var caps = CapsSettings()
    for entry in try reader.entries(node, "caps") {
      let value = entry.value
      switch entry.key {
      case "hard_sell_share":
        for field in try reader.entries(value, "caps.hard_sell_share", allowed: ["max", "window"]) {
          if field.key == "max" {
            caps.hardSellShare.max = try reader.fraction(field.value, "caps.hard_sell_share.max")
          } else {
            caps.hardSellShare.window = try reader.duration(
              field.value, "caps.hard_sell_share.window", allowZero: false)
          }
        }
      case "duplicate":
        for field in try reader.entries(value, "caps.duplicate", allowed: ["window", "similarity"]) {
          if field.key == "similarity" {
            caps.duplicate.similarity = try reader.fraction(field.value, "caps.duplicate.similarity")
            // 0 would call every pair of posts a near-duplicate.
            if caps.duplicate.similarity <= 0 {
              throw reader.problem(
                field.value,
                "「caps.duplicate.similarity」应为大于 0、不超过 1 的数字（默认 0.85；关掉这项检查请用 rules: {cap/duplicate: off}）")
            }
          } else {
            caps.duplicate.window = try reader.duration(
              field.value, "caps.duplicate.window", allowZero: false)
          }
        }
      default:
        let channel = try channelName(entry.keyNode, "caps")
        caps.channels[channel] = try channelCaps(value, channel)
      }
    }
    return caps
  }

  /// One channel's caps: the channel's defaults with the given fields replaced; `off` or null clears a
  /// field (or, for the whole channel, every field).
  mutating func channelCaps(_ node: Node, _ channel: String) throws(InputProblem) -> CapsSettings.Channel {
    if reader.isOff(node) {
      try reader.visit(node)
      return CapsSettings.Channel()
    }
    var caps = CapsSettings.defaultChannels[channel] ?? CapsSettings.Channel()
    let name = "caps.\(channel)"
    for field in try reader.entries(node, name, allowed: Self.channelKeys) {
      let value = field.value
      let fieldName = "\(name).\(field.key)"
      let off = reader.isOff(value)
      switch field.key {
      case "per_day": caps.perDay = off ? nil : try reader.count(value, fieldName)
      case "hard_sell_per_day": caps.hardSellPerDay = off ? nil : try reader.count(value, fieldName)
      case "min_gap": caps.minGap = off ? nil : try reader.duration(value, fieldName)
      default:
        if off {
          caps.quietHours = nil
        } else {
          let text = try reader.string(value, fieldName)
          guard let hours = QuietHours(text) else {
            throw reader.problem(value, "「\(fieldName)」应为「HH:MM-HH:MM」，如 \"22:00-08:00\"，而不是「\(text)」")
          }
          caps.quietHours = hours
        }
      }
    }
    return caps
  }

  mutating func overrides(_ node: Node) throws(InputProblem) -> [OverrideSettings] {
    var overrides: [OverrideSettings] = []
    for (index, item) in try reader.items(node, "overrides").enumerated() {
      let name = "overrides[\(index + 1)]"
      var paths: [String] = []
      var channels: [String] = []
      var rules: [String: RuleLevel] = [:]
      for field in try reader.entries(item, name, allowed: ["paths", "channels", "rules"]) {
        switch field.key {
        case "paths": paths = try reader.strings(field.value, "\(name).paths")
        case "channels":
          channels = []
          for channel in try reader.items(field.value, "\(name).channels") {
            channels.append(try channelName(channel, "\(name).channels"))
          }
        default: rules = try levels(field.value, "\(name).rules")
        }
      }
      overrides.append(OverrideSettings(paths: paths, channels: channels, rules: rules))
    }
    return overrides
  }

  mutating func customRules(_ node: Node) throws(InputProblem) -> [CustomRuleSettings] {
    var rules: [CustomRuleSettings] = []
    var seen: Set<String> = []
    for (index, item) in try reader.items(node, "custom_rules").enumerated() {
      let rule = try customRule(item, "custom_rules[\(index + 1)]")
      guard seen.insert(rule.id).inserted else {
        throw reader.problem(item, "自定义规则「\(rule.id)」重复定义")
      }
      rules.append(rule)
    }
    return rules
  }

  mutating func customRule(_ node: Node, _ name: String) throws(InputProblem) -> CustomRuleSettings {
    var fields: [String: ConfigurationReader.Entry] = [:]
    for field in try reader.entries(node, name, allowed: Self.customRuleKeys) {
      fields[field.key] = field
    }
    func require(_ key: String) throws(InputProblem) -> Node {
      guard let field = fields[key] else { throw reader.problem(node, "「\(name)」缺少「\(key)」") }
      return field.value
    }
    let idNode = try require("id")
    let id = try reader.string(idNode, "\(name).id")
    let parts = id.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !id.contains(where: { $0.isWhitespace })
    else {
      throw reader.problem(idNode, "自定义规则 id「\(id)」应为「族/名称」形式，如 brand/competitor")
    }
    guard !builtinIDs.contains(id) else {
      throw reader.problem(idNode, "自定义规则「\(id)」与内置规则重名")
    }
    let rule = "自定义规则「\(id)」"

    let kindNode = try require("kind")
    let kindText = try reader.string(kindNode, "\(name).kind")
    guard let kind = CustomRuleSettings.Kind(rawValue: kindText) else {
      throw reader.problem(
        kindNode, "\(rule)的「kind」应为 existence、substitution、occurrence 或 repetition，而不是「\(kindText)」")
    }

    let matcher: CustomRuleSettings.Matcher
    switch (fields["tokens"], fields["regex"]) {
    case (let tokens?, nil):
      let list = try reader.strings(tokens.value, "\(name).tokens")
      guard !list.isEmpty else { throw reader.problem(tokens.value, "\(rule)的「tokens」不能为空") }
      matcher = .tokens(list)
    case (nil, let regex?):
      matcher = .regex(try reader.string(regex.value, "\(name).regex"))
      configuration.lines["custom_rules.\(id)"] = regex.value.mark?.line
    case (.some, .some(let regex)):
      throw reader.problem(regex.keyNode, "\(rule)只能有「tokens」或「regex」之一")
    case (nil, nil):
      throw reader.problem(node, "\(rule)需要「tokens」或「regex」")
    }

    let message = try reader.string(try require("message"), "\(name).message")
    var settings = CustomRuleSettings(id: id, kind: kind, matcher: matcher, message: message)
    if let level = fields["level"] { settings.level = try reader.level(level.value, "\(name).level") }
    if let points = fields["points"] { settings.points = try reader.number(points.value, "\(name).points") }

    if let replacement = fields["replacement"] {
      guard kind == .substitution else {
        throw reader.problem(
          replacement.keyNode, "「replacement」只用于 substitution 规则（\(rule)是 \(kind.rawValue)）")
      }
      let text = try reader.string(replacement.value, "\(name).replacement", allowEmpty: true)
      // The replacement is written as it is: `$1` would land in posts literally (`--fix` wrote 今天只要$1元).
      if case .regex = matcher, Self.hasGroupReference(text) {
        throw reader.problem(
          replacement.value,
          "\(rule)的「replacement」不支持 $1、\\1 这类分组引用，替换文字会原样写进帖子；请写出完整的替换文字，或改用 tokens")
      }
      settings.replacement = text
    } else if kind == .substitution {
      throw reader.problem(node, "\(rule)是 substitution 规则，需要「replacement」")
    }

    for key in ["max", "min"] {
      guard let field = fields[key] else { continue }
      guard kind == .occurrence else {
        throw reader.problem(field.keyNode, "「\(key)」只用于 occurrence 规则（\(rule)是 \(kind.rawValue)）")
      }
      let value = try reader.count(field.value, "\(name).\(key)")
      if key == "max" { settings.max = value } else { settings.min = value }
    }
    if kind == .occurrence {
      guard settings.max != nil || settings.min != nil else {
        throw reader.problem(node, "\(rule)是 occurrence 规则，需要「max」或「min」")
      }
      if let max = settings.max, let min = settings.min, min > max, let field = fields["min"] {
        throw reader.problem(field.value, "\(rule)的「min」（\(min)）大于「max」（\(max)）")
      }
    }
    return settings
  }
}
