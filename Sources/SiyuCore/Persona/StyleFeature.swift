import Foundation

/// A number that describes one post's style, whose spread a profile records.
public enum StyleFeature: Sendable, Hashable {
  /// Letters and digits per clause.
  case sentenceLength
  /// Sentence-final particles (呢 吧 哦 啦 呀 嘛) per clause.
  case particles
  /// One particle per clause (index into `PersonaTerm.particles`).
  case particle(Int)
  /// Runs of ～ per clause.
  case tilde
  /// Runs of ！ per clause.
  case exclamation
  /// Ellipses per clause.
  case ellipsis
  /// Runs of ？ per clause.
  case question
  /// Emoji per 100 characters.
  case emoji
  /// Emoji in the post.
  case emojiPerPost
  /// Self-reference words per 100 characters.
  case selfReference
  /// Address words per 100 characters.
  case address
  /// How typical the post's characters and character pairs are (`StyleModel.fit`); its spread is the
  /// profile's `fit`, and only a fit worse than usual counts as a deviation.
  case wording

  /// Every feature, in profile order.
  public static var all: [StyleFeature] {
    [.sentenceLength, .particles]
      + PersonaTerm.particles.indices.map { .particle($0) }
      + [.tilde, .exclamation, .ellipsis, .question, .emoji, .emojiPerPost, .selfReference, .address]
  }

  /// The features whose deviations make up a post's style distance (the per-particle rates are in
  /// `particles`, the emoji count in `emoji`).
  public static let distanceFeatures: [StyleFeature] = [
    .sentenceLength, .particles, .tilde, .exclamation, .ellipsis, .question, .emoji, .selfReference, .address,
    .wording,
  ]

  /// The key in profile files.
  public var key: String {
    switch self {
    case .sentenceLength: return "sentence_length"
    case .particles: return "particles"
    case .particle(let i): return "particle:" + PersonaTerm.particles[i]
    case .tilde: return "tilde"
    case .exclamation: return "exclamation"
    case .ellipsis: return "ellipsis"
    case .question: return "question"
    case .emoji: return "emoji"
    case .emojiPerPost: return "emoji_per_post"
    case .selfReference: return "self"
    case .address: return "address"
    case .wording: return "wording"
    }
  }

  /// What it is, in Chinese, for messages.
  public var label: String {
    switch self {
    case .sentenceLength: return "句子长度"
    case .particles: return "句末语气词（\(PersonaTerm.particles.joined())）"
    case .particle(let i): return "语气词「\(PersonaTerm.particles[i])」"
    case .tilde: return "波浪号～"
    case .exclamation: return "感叹号！"
    case .ellipsis: return "省略号…"
    case .question: return "问号？"
    case .emoji: return "表情"
    case .emojiPerPost: return "每帖表情数"
    case .selfReference: return "自称"
    case .address: return "对读者的称呼"
    case .wording: return "用字用词"
    }
  }

  /// The unit of its values, in Chinese: "每句 0.8 个".
  func describe(_ value: Double) -> String {
    switch self {
    case .sentenceLength: return "每句约 \(Self.format(value)) 字"
    case .emoji, .selfReference, .address: return "每百字 \(Self.format(value)) 个"
    case .emojiPerPost: return "\(Self.format(value)) 个"
    case .wording: return "每字对数概率 \(String(format: "%.2f", value))"
    default: return "每句 \(Self.format(value)) 个"
    }
  }

  /// Smallest spread assumed, so that a persona whose posts never vary still allows ordinary noise.
  var spreadFloor: Double {
    switch self {
    case .sentenceLength: return 2
    case .emoji, .selfReference, .address: return 0.8
    case .emojiPerPost: return 1
    case .wording: return 0.05
    default: return 0.12
    }
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
