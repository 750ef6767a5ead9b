/// A persona (个人IP) as its persona file describes it, with its style profile when it has one, and the
/// matchers persona checks use.
public struct Persona: Sendable {
  /// The name `.siyu.yml`'s `personas:` and posts' `persona:` use.
  public let key: String
  /// The display name (`name:`).
  public let name: String
  /// How the persona refers to itself (`self:`).
  public let selfTerms: [String]
  /// How it addresses readers (`address:`).
  public let addressTerms: [String]
  /// Words it never uses (`avoid:`).
  public let avoid: [String]
  /// Most emoji in one post (`emoji_per_post:`).
  public let emojiPerPost: Int?
  /// The style profile (`profile:`), read when the persona was loaded.
  public let profile: StyleProfile?
  /// The profile's counts in lookup form.
  public let model: StyleModel?

  /// Built-in self-reference words, then the persona's own.
  public let selfMatcher: PersonaTermMatcher
  /// Built-in address words, then the persona's own.
  public let addressMatcher: PersonaTermMatcher
  /// The persona's avoided words.
  public let avoidMatcher: PersonaTermMatcher

  public init(
    key: String, name: String, selfTerms: [String] = [], addressTerms: [String] = [], avoid: [String] = [],
    emojiPerPost: Int? = nil, profile: StyleProfile? = nil
  ) {
    self.key = key
    self.name = name
    self.selfTerms = selfTerms
    self.addressTerms = addressTerms
    self.avoid = avoid
    self.emojiPerPost = emojiPerPost
    self.profile = profile
    model = profile.map(StyleModel.init(profile:))
    selfMatcher = PersonaTermMatcher(terms: PersonaTerm.builtinSelf + selfTerms.map { PersonaTerm($0) })
    addressMatcher = PersonaTermMatcher(
      terms: PersonaTerm.builtinAddress + addressTerms.map { PersonaTerm($0) })
    avoidMatcher = PersonaTermMatcher(terms: avoid.map(Self.avoidTerm))
  }

  /// An `avoid:` word as a term: a word the built-in address list marks `vocative` (亲, 家人, 宝宝 — also
  /// ordinary words: 亲测, 亲了我, 我的家人们) is avoided only where it addresses the reader, as
  /// `persona/address` reads it.
  static func avoidTerm(_ word: String) -> PersonaTerm {
    let stem = word.hasSuffix("们") ? String(word.dropLast()) : word
    let vocative = PersonaTerm.builtinAddress.contains { $0.vocative && ($0.text == word || $0.text == stem) }
    return PersonaTerm(word, vocative: vocative)
  }

  /// The stems of the persona's self-reference words: `self:`, or what its profile saw when `self:` is
  /// not given. Empty when neither says.
  public var ownSelfStems: Set<String> {
    Set(
      (selfTerms.isEmpty ? profile.map { Array($0.selfTerms.keys) } ?? [] : selfTerms).map(PersonaTerm.stem))
  }

  /// The stems of the persona's address words: `address:`, or its profile's.
  public var ownAddressStems: Set<String> {
    let words = addressTerms.isEmpty ? profile.map { Array($0.addressTerms.keys) } ?? [] : addressTerms
    return Set(words.map(PersonaTerm.stem))
  }

  /// The most emoji a post may carry: `emoji_per_post`, else the most in one of the profile's posts.
  public var emojiLimit: Int? {
    if let emojiPerPost { return emojiPerPost }
    guard let spread = profile?.spread(of: .emojiPerPost) else { return nil }
    return Int(spread.max.rounded())
  }

  /// The post's style sample, read with this persona's self and address words.
  public func sample(_ document: Document) -> StyleSample {
    StyleSample(document: document, selfTerms: selfMatcher, addressTerms: addressMatcher)
  }
}
