import Foundation

/// What a post gets when its front matter or batch row does not say: from configuration
/// (`default_channel`, `timezone`) and the command line (`--channel`, `--persona`, `--at`).
public struct PostDefaults: Sendable {
  /// The channel of a post that names none (`default_channel`, default `moments`).
  public var channel: String
  /// The timezone for `publish_at` values without an offset (`timezone`, default Asia/Shanghai).
  public var timezone: TimeZone
  /// The persona of a post that names none.
  public var persona: String?
  /// The publication time of a post that names none.
  public var publishAt: Date?
  /// Whether `publishAt` is a date alone (`--at 2026-11-25`): the day is known, the time of day is not.
  public var publishDateOnly: Bool

  /// The default timezone, Asia/Shanghai (UTC+8 when the system has no timezone database).
  public static let defaultTimezone: TimeZone =
    TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

  /// Defaults: channel `moments`, timezone Asia/Shanghai, no persona or time.
  public init(
    channel: String = "moments", timezone: TimeZone = PostDefaults.defaultTimezone, persona: String? = nil,
    publishAt: Date? = nil, publishDateOnly: Bool = false
  ) {
    self.channel = channel
    self.timezone = timezone
    self.persona = persona
    self.publishAt = publishAt
    self.publishDateOnly = publishDateOnly
  }
}
