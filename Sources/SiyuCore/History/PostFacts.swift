import Foundation
import SiyuText

/// What the caps need to know of one post: where and when it goes out, whether it is hard-sell, and its
/// near-duplicate signature. The history cache stores these, so an unchanged old post is never read or
/// segmented again.
public struct PostFacts: Sendable, Equatable {
  public var channel: String
  public var group: String?
  public var persona: String?
  /// When the post goes out; for a date-only `publish_at`, that day's midnight in the configured time zone.
  public var publishAt: Date?
  /// Whether `publish_at` was a date alone: the day is known, the time of day is not. Such a post counts
  /// for the per-day and window caps, which order it at its midnight, but not for the time-of-day ones
  /// (`cap/quiet-hours`, `cap/gap`; see `timedPublishAt`).
  public var publishDateOnly: Bool
  /// The verdict class the linter gave the post (`PostReport.verdict`).
  public var hardSell: Bool
  public var signature: MinHash

  public init(
    channel: String, group: String?, persona: String?, publishAt: Date?, publishDateOnly: Bool = false,
    hardSell: Bool, signature: MinHash
  ) {
    self.channel = channel
    self.group = group
    self.persona = persona
    self.publishAt = publishAt
    self.publishDateOnly = publishAt != nil && publishDateOnly
    self.hardSell = hardSell
    self.signature = signature
  }

  /// The facts of `post`, judged as `report` says. With `signature` false the near-duplicate signature is
  /// left empty (for a draft the duplicate cap cannot judge; computing it is most of a post's cap cost).
  public init(post: Post, report: PostReport, signature: Bool = true) {
    self.init(
      channel: post.channel, group: post.group, persona: post.persona, publishAt: post.publishAt,
      publishDateOnly: post.publishDateOnly, hardSell: report.verdict.class == .hardSell,
      signature: signature ? MinHash(units: Self.withoutComments(post.text)) : MinHash.empty)
  }

  /// `publishAt` when it has a time of day; nil for a date-only value and for no value. What the rules
  /// about the time of day judge by.
  public var timedPublishAt: Date? {
    publishDateOnly ? nil : publishAt
  }

  /// The text's UTF-16 units without `<!-- … -->` comments, so a suppression comment does not change a
  /// post's duplicate signature.
  static func withoutComments(_ text: String) -> [UInt16] {
    let units = UTF16String.units(of: text)
    let comments = HTMLComments.ranges(in: units, unterminatedToEnd: false)
    guard !comments.isEmpty else { return units }
    var result: [UInt16] = []
    result.reserveCapacity(units.count)
    var start = 0
    for comment in comments {
      result += units[start..<comment.lowerBound]
      start = comment.upperBound
    }
    result += units[start...]
    return result
  }
}
