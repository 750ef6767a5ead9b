/// The built-in cue lists (`lexicons/cues/`), matched together by `CueScan`.
enum CueList: Int, CaseIterable, Sendable {
  case price, offer, shopVoice, urgency, cta, contact, absolute, absoluteExempt, medical, medicalExempt,
    endorsement, ctaExempt, urgencyExempt

  /// The list's file, relative to `lexicons/`.
  var path: String {
    switch self {
    case .price: "cues/price.txt"
    case .offer: "cues/offer.txt"
    case .shopVoice: "cues/shop-voice.txt"
    case .urgency: "cues/urgency.txt"
    case .cta: "cues/cta.txt"
    case .contact: "cues/contact.txt"
    case .absolute: "cues/absolute.txt"
    case .absoluteExempt: "cues/absolute-exempt.txt"
    case .medical: "cues/medical.txt"
    case .medicalExempt: "cues/medical-exempt.txt"
    case .endorsement: "cues/endorsement.txt"
    case .ctaExempt: "cues/cta-exempt.txt"
    case .urgencyExempt: "cues/urgency-exempt.txt"
    }
  }

  /// Whether the list holds exemption phrases for another list (matched with `CueScan.matches(_:outside:)`).
  var isExemption: Bool {
    self == .absoluteExempt || self == .medicalExempt || self == .ctaExempt || self == .urgencyExempt
  }

  /// Whether its rule also looks for spellings meant to slip past filters (扫 码, 微.信, ν信).
  var matchesObfuscated: Bool { self == .cta || self == .contact }

  /// The loaded list.
  var lexicon: CueLexicon { CueSet.shared.lexicons[rawValue] }
}
