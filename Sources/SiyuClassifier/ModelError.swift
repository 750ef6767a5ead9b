/// A model file that cannot be used: unreadable, truncated, corrupt or from an incompatible version.
/// `description` is the user-facing message, `PATH: …` in Chinese.
public struct ModelError: Error, CustomStringConvertible, Sendable, Equatable {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}
