import Foundation

/// Usage errors in Chinese: ArgumentParser words its own parse errors (an unknown option, a missing or
/// invalid value) and the lines around every usage error in English; this rewrites the forms of
/// swift-argument-parser 1.8 into Chinese and leaves anything it does not recognise as it is, so a
/// message never gets lost. siyu's own `ValidationError`s are Chinese already and pass through.
///
/// ```
/// 错误：未知选项 '--bogus'
/// 用法：siyu check [<options>] [<paths> ...]
///   运行 'siyu check --help' 查看完整说明。
/// ```
enum UsageMessage {
  /// `full` is ArgumentParser's `fullMessage(for:)` of a usage error, `message` its `message(for:)`.
  static func chinese(full: String, message: String) -> String {
    let prefix = "Error: " + message
    guard full.hasPrefix(prefix) else { return full }
    var lines = ["错误：" + translate(message)]
    for line in full.dropFirst(prefix.count).split(separator: "\n", omittingEmptySubsequences: true) {
      lines.append(translateFrame(String(line)))
    }
    return lines.joined(separator: "\n")
  }

  /// The lines after the message: the option's help, the usage line and the pointer to `--help`.
  static func translateFrame(_ line: String) -> String {
    if let rest = line.dropPrefix("Help:  ") { return "说明：" + rest }
    if let rest = line.dropPrefix("Usage: ") { return "用法：" + rest }
    if let command = line.between("  See '", "' for more information.") {
      return "  运行 '\(command)' 查看完整说明。"
    }
    return line
  }

  /// One error message, possibly of several lines (`…\n   or: …`, a bulleted list of values).
  static func translate(_ message: String) -> String {
    if let (first, second) = message.split(around: "\n   or: ") {
      return translate(first) + "\n  或：" + translate(second)
    }
    if let rest = message.dropPrefix("Unknown option '") {
      if let (name, suggestion) = rest.split(around: "'. Did you mean '"),
        let suggested = suggestion.dropSuffix("'?")
      {
        return "未知选项 '\(name)'，是不是 '\(suggested)'？"
      }
      if let name = rest.dropSuffix("'") { return "未知选项 '\(name)'" }
    }
    if let (name, value) = message.between("The option '", "' was specified.")?
      .split(around: "' does not take any value, but '")
    {
      return "选项 '\(name)' 不带值，却给了 '\(value)'"
    }
    if let name = message.between("Missing value for '", "'") {
      if let (option, place) = name.split(around: "' in '") {
        return "选项 '\(option)' 缺少值（在 '\(place)' 中）"
      }
      return "选项 '\(name)' 缺少值"
    }
    if let argument = message.between("Unexpected argument '", "'") {
      return "多余的参数 '\(argument)'"
    }
    if let (count, list) = message.split(around: " unexpected arguments: '"),
      let arguments = list.dropSuffix("'"), Int(count) != nil
    {
      return "\(count) 个多余的参数：'\(arguments)'"
    }
    if let name = message.between("Missing expected argument '", "'") {
      return "缺少参数 '\(name)'"
    }
    if let names = message.between("Missing one of: '", "'") {
      return "缺少其中之一：'\(names)'"
    }
    if let rest = message.dropPrefix("The value '") {
      if let (value, tail) = rest.split(around: "' is invalid for '"),
        let (name, detail) = tail.split(around: "'")
      {
        return "'\(name)' 的值 '\(value)' 无效" + translateDetail(detail)
      }
      if let (value, detail) = rest.split(around: "' is invalid.") {
        return "值 '\(value)' 无效" + translateDetail(detail)
      }
    }
    if message == "Missing required subcommand." { return "缺少子命令" }
    if let option = message.dropPrefix("Invalid option: ") { return "无效的选项：\(option)" }
    if let (duplicate, original) = message.dropPrefix("Value to be set with ")?
      .split(around: " had already been set with ")
    {
      return "\(duplicate) 重复设置了已由 \(original) 设置的值"
    }
    return message
  }

  /// What follows "The value 'x' is invalid for 'y'": nothing, the allowed values, or `: ` and the
  /// reason the value's own parser gave (siyu's are Chinese).
  static func translateDetail(_ detail: String) -> String {
    if detail.isEmpty { return "" }
    if let list = detail.between(". Please provide one of the following:\n", "") {
      let values = list.split(separator: "\n").map { String($0).dropPrefix("  - ") ?? String($0) }
      return "，可选值：" + values.map { "'\($0)'" }.joined(separator: "、")
    }
    if let list = detail.between(". Please provide one of ", ".") {
      let values = list.replacingOccurrences(of: "' and '", with: "'、'")
        .replacingOccurrences(of: "' or '", with: "'、'")
        .replacingOccurrences(of: "', '", with: "'、'")
      return "，可选值：" + values
    }
    if let reason = detail.dropPrefix(": ") { return "：" + reason }
    return detail
  }
}

extension String {
  fileprivate func dropPrefix(_ prefix: String) -> String? {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
  }

  fileprivate func dropSuffix(_ suffix: String) -> String? {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : nil
  }

  /// The text between `prefix` and `suffix` when the string is exactly `prefix … suffix`.
  fileprivate func between(_ prefix: String, _ suffix: String) -> String? {
    guard let rest = dropPrefix(prefix), rest.count >= suffix.count else { return nil }
    return rest.dropSuffix(suffix)
  }

  /// The parts before and after the first occurrence of `separator`.
  fileprivate func split(around separator: String) -> (String, String)? {
    guard let range = range(of: separator) else { return nil }
    return (String(self[..<range.lowerBound]), String(self[range.upperBound...]))
  }
}
