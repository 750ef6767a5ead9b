/// Phrases persona rules' messages share.
enum PersonaWording {
  /// 「我」「小李」
  static func quoted(_ words: [String]) -> String {
    words.map { "「\($0)」" }.joined()
  }
}
