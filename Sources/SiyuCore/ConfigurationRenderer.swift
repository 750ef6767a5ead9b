extension Configuration {
  /// The effective configuration as YAML, every default filled in, in a stable key order (`siyu config`).
  /// Loading the output again gives an equal configuration.
  public func renderYAML() -> String {
    var out = ""
    if let path {
      out += "# 生效配置 / effective configuration: \(path)\n"
    } else {
      out += "# 内置默认配置（未找到 .siyu.yml）/ built-in defaults (no .siyu.yml found)\n"
    }
    out += "timezone: \(Self.yamlString(timezone.identifier))\n"
    out += "default_channel: \(Self.yamlString(defaultChannel))\n"
    out += "history:" + Self.yamlList(history, indent: 0)
    out += "rules:" + Self.yamlLevels(rules, indent: 2)
    out += "classifier:\n"
    out += "  model: \(Self.yamlString(classifier.model))\n"
    out += "  threshold: \(Self.yamlNumber(classifier.threshold))\n"
    out += "  required_score: \(Self.yamlNumber(classifier.requiredScore))\n"
    out += "caps:\n"
    for name in caps.orderedChannelNames {
      let channel = caps.limits(for: name)
      out += "  \(Self.yamlString(name)):\n"
      out += "    per_day: \(channel.perDay.map { "\($0)" } ?? "off")\n"
      out += "    hard_sell_per_day: \(channel.hardSellPerDay.map { "\($0)" } ?? "off")\n"
      out += "    min_gap: \(channel.minGap.map(ConfigurationDuration.format) ?? "off")\n"
      out += "    quiet_hours: \(channel.quietHours.map { Self.yamlString($0.text) } ?? "off")\n"
    }
    out += "  hard_sell_share:\n"
    out += "    max: \(Self.yamlNumber(caps.hardSellShare.max))\n"
    out += "    window: \(ConfigurationDuration.format(caps.hardSellShare.window))\n"
    out += "  duplicate:\n"
    out += "    window: \(ConfigurationDuration.format(caps.duplicate.window))\n"
    out += "    similarity: \(Self.yamlNumber(caps.duplicate.similarity))\n"
    out += "personas:"
    if personas.isEmpty {
      out += " {}\n"
    } else {
      out += "\n"
      for name in personas.keys.sorted() {
        out += "  \(Self.yamlString(name)): \(Self.yamlString(personas[name] ?? ""))\n"
      }
    }
    out += "lexicons:" + Self.yamlList(lexicons, indent: 0)
    out += "vocabulary:\n"
    out += "  accept:" + Self.yamlList(vocabulary.accept, indent: 2)
    out += "scores:"
    if scores.isEmpty {
      out += " {}\n"
    } else {
      out += "\n"
      for id in scores.keys.sorted() {
        out += "  \(Self.yamlString(id)): \(Self.yamlNumber(scores[id] ?? 0))\n"
      }
    }
    out += "overrides:"
    if overrides.isEmpty { out += " []\n" } else { out += "\n" }
    for entry in overrides {
      out += "  - paths:" + Self.yamlList(entry.paths, indent: 4)
      out += "    channels:" + Self.yamlList(entry.channels, indent: 4)
      out += "    rules:" + Self.yamlLevels(entry.rules, indent: 6)
    }
    out += "custom_rules:"
    if customRules.isEmpty { out += " []\n" } else { out += "\n" }
    for rule in customRules {
      out += "  - id: \(Self.yamlString(rule.id))\n"
      out += "    kind: \(rule.kind.rawValue)\n"
      switch rule.matcher {
      case .tokens(let tokens): out += "    tokens:" + Self.yamlList(tokens, indent: 4)
      case .regex(let regex): out += "    regex: \(Self.yamlString(regex))\n"
      }
      out += "    message: \(Self.yamlString(rule.message))\n"
      out += "    level: \(rule.level.rawValue)\n"
      out += "    points: \(Self.yamlNumber(rule.points))\n"
      if let replacement = rule.replacement { out += "    replacement: \(Self.yamlString(replacement))\n" }
      if let max = rule.max { out += "    max: \(max)\n" }
      if let min = rule.min { out += "    min: \(min)\n" }
    }
    return out
  }

  /// ` []` or one `- item` line per item at `indent`, each line ended.
  static func yamlList(_ items: [String], indent: Int) -> String {
    if items.isEmpty { return " []\n" }
    let pad = String(repeating: " ", count: indent)
    return "\n" + items.map { "\(pad)- \(yamlString($0))\n" }.joined()
  }

  /// ` {}` or one `id: level` line per rule, sorted, at `indent`.
  static func yamlLevels(_ levels: [String: RuleLevel], indent: Int) -> String {
    if levels.isEmpty { return " {}\n" }
    let pad = String(repeating: " ", count: indent)
    return "\n"
      + levels.keys.sorted().map { "\(pad)\(yamlString($0)): \(levels[$0]?.rawValue ?? "off")\n" }.joined()
  }

  /// A number in its shortest exact form (`0.5`, `5.0`).
  static func yamlNumber(_ value: Double) -> String {
    "\(value)"
  }

  /// `text` as a YAML scalar: plain when that reads back as the same string, double-quoted otherwise.
  static func yamlString(_ text: String) -> String {
    if isPlainSafe(text) { return text }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
          || scalar == "\u{FEFF}" || scalar == "\u{2028}" || scalar == "\u{2029}"
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// Words YAML 1.1 reads as booleans or null.
  private static let reservedWords: Set<String> = [
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
  ]

  /// Whether `text` may be written unquoted: letters (any script), digits and `_-./@+` only, not starting
  /// with an indicator, and not something YAML would read as a number, boolean, null or timestamp.
  static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first else { return false }
    if reservedWords.contains(text.lowercased()) { return false }
    if first == "-" || first == "." || first == "+" || first == "@" { return false }
    if ("0"..."9").contains(first) { return false }
    return text.unicodeScalars.allSatisfy { scalar in
      scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        || "_-./+@".unicodeScalars.contains(scalar)
    }
  }
}
