import SiyuCore

/// Every built-in history rule (the `cap` family), in `siyu rules` order. A meta-test checks that each
/// history rule file is listed here.
public enum CapRules {
  public static let types: [any BuiltinHistoryRule.Type] = [
    DailyCapRule.self,
    HardSellDailyCapRule.self,
    GapCapRule.self,
    QuietHoursCapRule.self,
    HardSellShareCapRule.self,
    DuplicateCapRule.self,
    NoTimeCapRule.self,
  ]

  public static var all: [any HistoryRule] { types.map { $0.init() } }

  public static var descriptions: [RuleDescription] { types.map { $0.description } }
}
