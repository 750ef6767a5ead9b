import Foundation
import SiyuCore

/// `cap/duplicate`: a near-duplicate of another post of its stream within `caps.duplicate.window`.
public struct DuplicateCapRule: BuiltinHistoryRule {
  public static let description = RuleDescription(
    id: "cap/duplicate",
    defaultLevel: .error,
    summary:
      "A near-duplicate (caps.duplicate.similarity) of a post of its stream within caps.duplicate.window.",
    rationale: """
      The same blast reposted is what makes followers mute an account. Similarity is the estimated \
      Jaccard similarity of the two posts' character bigrams (MinHash, 128 slots; punctuation, emoji and \
      spaces ignored), so changed prices, a line added or lines reordered still match; default: 0.85 \
      within 30 days either side. Applies to the channels listed under `caps`. Examples are histories in \
      JSON Lines; the last row is the draft.
      """,
    points: 0,
    triggering: [
      """
      {"text":"冬天手干裂怎么办？分享三个小方法：洗手后马上涂护手霜，晚上厚涂再戴棉手套，洗碗一定戴手套。","channel":"moments","publish_at":"2026-11-17T09:00+08:00"}
      {"text":"冬天手干裂怎么办？分享三个小方法：洗手后马上涂护手霜，晚上厚涂再戴棉手套，洗碗一定戴手套！！","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      """
    ],
    nonTriggering: [
      """
      {"text":"冬天手干裂怎么办？分享三个小方法：洗手后马上涂护手霜，晚上厚涂再戴棉手套，洗碗一定戴手套。","channel":"moments","publish_at":"2026-11-17T09:00+08:00"}
      {"text":"今天聊聊防晒：阴天也有紫外线，出门前二十分钟涂，两三个小时补一次。","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      """,
      """
      {"text":"冬天手干裂怎么办？分享三个小方法：洗手后马上涂护手霜，晚上厚涂再戴棉手套，洗碗一定戴手套。","channel":"moments","publish_at":"2026-09-01T09:00+08:00"}
      {"text":"冬天手干裂怎么办？分享三个小方法：洗手后马上涂护手霜，晚上厚涂再戴棉手套，洗碗一定戴手套。","channel":"moments","publish_at":"2026-11-24T09:00+08:00"}
      """,
    ]
  )

  public init() {}

  public func check(entry: Int, in history: History, caps: CapsSettings) -> [String] {
    let facts = history.entries[entry].facts
    let settings = caps.duplicate
    guard caps.channels[facts.channel] != nil, settings.window > 0, let time = facts.publishAt,
      !facts.signature.isEmpty
    else { return [] }
    let window = TimeInterval(settings.window)
    var similar: [(index: Int, similarity: Double)] = []
    for other in history.others(of: entry, from: time - window, to: time + window) {
      let (isSimilar, similarity) = facts.signature.isSimilar(
        history.entries[other].facts.signature, threshold: settings.similarity)
      if isSimilar { similar.append((other, similarity)) }
    }
    guard !similar.isEmpty else { return [] }
    similar.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.index < $1.index }
    let best = similar[0].similarity
    let days = History.duration(settings.window)
    return [
      "\(history.streamName(of: entry)) \(days)内有几乎相同的帖子（相似度 \(Self.format(best))，阈值 \(Self.format(settings.similarity))），"
        + "同一内容反复发会被屏蔽" + history.listing(similar.map(\.index), withDate: true)
    ]
  }

  static func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
  }
}
