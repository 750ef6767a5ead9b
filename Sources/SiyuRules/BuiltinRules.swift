import SiyuCore

/// Every built-in rule, in `siyu rules` order. A meta-test checks that each rule file is listed here.
public enum BuiltinRules {
  public static let types: [any BuiltinRule.Type] = [
    ClassifierRule.self,
    PriceRule.self,
    OfferRule.self,
    ShopVoiceRule.self,
    UrgencyRule.self,
    CallToActionRule.self,
    ContactRule.self,
    EmojiFloodRule.self,
    ShoutingRule.self,
    LinkDensityRule.self,
    BulkMessageRule.self,
    AbsoluteTermRule.self,
    MedicalClaimRule.self,
    EndorsementRule.self,
    PersonaAddressRule.self,
    PersonaSelfRule.self,
    PersonaAvoidRule.self,
    PersonaEmojiRule.self,
    PersonaStyleRule.self,
    ColdShelfRule.self,
    UnusedSuppressionRule.self,
    UnknownRuleNameRule.self,
  ]

  public static var all: [any Rule] { types.map { $0.init() } }

  /// Every built-in rule's description: the per-post rules, then the history rules (`CapRules`).
  public static var descriptions: [RuleDescription] { all.map(\.description) + CapRules.descriptions }

  /// Ids and families that `.siyu.yml` may name in `rules:`, `scores:` and `overrides:`.
  public static var knownIDs: Set<String> {
    var ids: Set<String> = []
    for description in descriptions {
      ids.insert(description.id)
      ids.insert(description.family)
    }
    return ids
  }
}
