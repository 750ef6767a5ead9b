import Foundation

/// The post fields SPEC.md defines, shared by front matter and batch rows: checks each known key's type
/// and value and stores it in a `Post`; everything else is metadata.
public enum FrontMatterFields {
  /// Keys with a meaning for siyu. `siyu` holds per-post settings (front matter and JSON Lines only).
  public static let knownKeys: Set<String> = [
    "channel", "persona", "publish_at", "group", "id", "label", "industry", "siyu",
  ]

  /// A field's value as read: its JSON form, and for scalars the text as written (YAML scalars and CSV
  /// cells), so `id: 007` stays `007` and dates are parsed from what the user typed.
  public struct Value: Sendable {
    /// The value as JSON (YAML scalars resolved by the core schema; CSV cells are strings).
    public var json: JSONValue
    /// The scalar's text as written, when the value was read as text.
    public var raw: String?

    /// A value with its JSON form and, for scalars read as text, the text as written.
    public init(json: JSONValue, raw: String? = nil) {
      self.json = json
      self.raw = raw
    }

    /// The scalar as text: the raw text, or a JSON string or number; nil for null, arrays and objects.
    var scalarText: String? {
      if let raw { return json == .null ? nil : raw }
      switch json {
      case .string(let s): return s
      case .number(let n): return JSONValue.format(n)
      case .numberText(let text): return text
      case .bool(let b): return b ? "true" : "false"
      default: return nil
      }
    }

    var isNull: Bool { json == .null }
  }

  /// Applies known `key` (not `siyu`, see `disabledRules(from:)`) to `post`. Returns a Chinese message
  /// when the value has the wrong type or is not allowed; null values leave the post unchanged.
  public static func apply(
    _ key: String, _ value: Value, to post: inout Post, timezone: TimeZone
  ) -> String? {
    if value.isNull { return nil }
    switch key {
    case "channel", "persona", "group", "industry":
      guard let text = stringValue(value) else { return "「\(key)」应为字符串" }
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { return key == "channel" ? "「channel」不能为空" : nil }
      switch key {
      case "channel": post.channel = trimmed
      case "persona": post.persona = trimmed
      case "group": post.group = trimmed
      default: post.industry = trimmed
      }
    case "publish_at":
      guard let text = stringValue(value) else { return "「publish_at」应为 ISO 8601 时间字符串" }
      if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
      guard let parsed = FrontMatterDate.parseValue(text, timezone: timezone) else {
        let reason = FrontMatterDate.annotationProblem(text, timezone: timezone).map { "（\($0)）" } ?? ""
        return "「publish_at」不是有效的 ISO 8601 时间：\(text)\(reason)"
      }
      post.publishAt = parsed.date
      post.publishDateOnly = parsed.dateOnly
    case "id":
      guard let text = value.scalarText, !isBool(value) else { return "「id」应为字符串或数字" }
      post.meta["id"] = .string(text)
    case "label":
      // A list or mapping (`label: [value]`) is a wrong type, not a missing label.
      guard value.scalarText != nil || value.json == .null else {
        return "「label」应为 hard-sell 或 value（或 1、0）：\(value.json.jsonText)"
      }
      let text = (value.scalarText ?? "").trimmingCharacters(in: .whitespaces).lowercased()
      switch text {
      case "hard-sell", "1": post.label = "hard-sell"
      case "value", "0": post.label = "value"
      case "": return nil
      default: return "「label」应为 hard-sell 或 value（或 1、0）：\(value.scalarText ?? value.json.jsonText)"
      }
    default:
      post.meta[key] = value.json
    }
    return nil
  }

  /// Rule ids from a `siyu` value given as JSON: `{"disable": [...]}`. Returns the ids, or a message.
  public static func disabledRules(from value: JSONValue) -> Result<[String], SiyuSettingError> {
    guard case .object(let object) = value else { return .failure(SiyuSettingError(message: notMapping)) }
    var ids: [String] = []
    for key in object.keys.sorted() {
      guard key == "disable" else { return .failure(SiyuSettingError(message: unknownSetting(key))) }
      switch object[key] {
      case .string(let id):
        ids.append(id)
      case .array(let items):
        for item in items {
          guard case .string(let id) = item, !id.isEmpty else {
            return .failure(SiyuSettingError(message: disableNotList))
          }
          ids.append(id)
        }
      case .null:
        break
      default:
        return .failure(SiyuSettingError(message: disableNotList))
      }
    }
    return .success(ids)
  }

  /// A bad `siyu` setting (the message is for the user).
  public struct SiyuSettingError: Error, Sendable, Equatable {
    /// What is wrong, in Chinese.
    public var message: String
  }

  static let notMapping = "「siyu」应为映射，例如 siyu: { disable: [hard-sell/price] }"
  static let disableNotList = "「siyu.disable」应为规则 id 或规则族的列表"
  static func unknownSetting(_ key: String) -> String { "「siyu」中未知的设置「\(key)」（只支持 disable）" }

  private static func stringValue(_ value: Value) -> String? {
    switch value.json {
    case .array, .object: return nil
    default: return value.scalarText
    }
  }

  private static func isBool(_ value: Value) -> Bool {
    if case .bool = value.json { return true }
    return false
  }
}
