import CICU

/// Why an `ICURegex` could not be compiled or run.
public enum ICURegexError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The pattern does not parse. `reason` is in Chinese; `offset` is ICU's parse-error position: the
  /// characters of the pattern read when the error was found (`ab(c` → 4, `x)` → 2), nil when ICU gave none.
  case invalidPattern(reason: String, offset: Int?)
  /// Matching ran past the time limit (catastrophic backtracking).
  case timeout
  /// ICU failed for another reason (e.g. out of memory); `code` is ICU's error name.
  case failed(code: String)

  /// The message for users (Chinese), e.g. `括号不配对（位置 3）`.
  public var description: String {
    switch self {
    case .invalidPattern(let reason, let offset?): return "\(reason)（位置 \(offset)）"
    case .invalidPattern(let reason, nil): return reason
    case .timeout: return "匹配超时"
    case .failed(let code): return "ICU 出错（\(code)）"
    }
  }

  /// A Chinese explanation of ICU parse error `status`, or ICU's own name for it.
  static func reason(status: Int32) -> String {
    let name = cicu_error_name(status).map { String(cString: $0) } ?? "\(status)"
    switch name {
    case "U_REGEX_RULE_SYNTAX": return "语法错误"
    case "U_REGEX_MISMATCHED_PAREN": return "括号不配对"
    case "U_REGEX_MISSING_CLOSE_BRACKET": return "缺少右方括号 ]"
    case "U_REGEX_BAD_ESCAPE_SEQUENCE": return "无法识别的转义序列"
    case "U_REGEX_BAD_INTERVAL", "U_REGEX_MAX_LT_MIN": return "重复次数 {…} 无效"
    case "U_REGEX_INVALID_RANGE": return "字符范围无效"
    case "U_REGEX_PROPERTY_SYNTAX": return "Unicode 属性 \\p{…} 无效"
    case "U_REGEX_INVALID_BACK_REF": return "反向引用无效"
    case "U_REGEX_LOOK_BEHIND_LIMIT": return "后行断言的长度必须有上限"
    case "U_REGEX_NUMBER_TOO_BIG": return "数字太大"
    case "U_REGEX_SET_CONTAINS_STRING": return "字符集中不能有多字符串"
    case "U_REGEX_INVALID_FLAG": return "无效的标志"
    default: return name
    }
  }
}
