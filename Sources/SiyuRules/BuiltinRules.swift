import SiyuCore

/// Every built-in rule, in `siyu rules` order. A meta-test checks that each rule file is listed here.
public enum BuiltinRules {
  public static let types: [any BuiltinRule.Type] = [
    ClassifierRule.self,
    ShoutingRule.self,
    UnusedSuppressionRule.self,
  ]

  public static var all: [any Rule] { types.map { $0.init() } }

  /// Ids and families that `.siyu.yml` may name in `rules:`, `scores:` and `overrides:`.
  public static var knownIDs: Set<String> {
    var ids: Set<String> = []
    for type in types {
      ids.insert(type.description.id)
      ids.insert(type.description.family)
    }
    return ids
  }
}
