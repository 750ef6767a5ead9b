/// What a token is. Raw values are the stable names used in JSON output.
public enum TokenKind: String, Sendable, CaseIterable, Codable {
  case word
  case number
  case price
  case percent
  case url
  case email
  /// A phone number or a contact id (WeChat, QQ) written after a contact cue.
  case contact
  /// One emoji, including ZWJ sequences, skin-tone modifiers and flags.
  case emoji
  /// `#话题#`.
  case hashtag
  /// `@name`.
  case mention
  case punctuation
}
