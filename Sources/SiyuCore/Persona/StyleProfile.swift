import Foundation
import SiyuText

/// A persona's style profile: what `siyu persona learn` writes (`personas/NAME.profile.json`) and
/// persona checks and `siyu persona attribute` read. A versioned JSON document; see README.md.
public struct StyleProfile: Sendable, Codable, Equatable {
  /// The value of `format` in every profile file.
  public static let formatName = "siyu-persona-profile"
  /// The version this build writes and reads.
  public static let currentVersion = 1

  /// Mean, standard deviation and range of a number across the persona's own posts.
  public struct Spread: Sendable, Codable, Equatable {
    public var mean: Double
    public var sd: Double
    public var min: Double
    public var max: Double

    /// The spread of `values`, rounded to `StyleProfile.rounded`.
    public init(_ values: [Double]) {
      let n = Double(Swift.max(values.count, 1))
      let m = values.reduce(0, +) / n
      mean = StyleProfile.rounded(m)
      sd = StyleProfile.rounded(
        values.count > 1 ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot() : 0)
      min = StyleProfile.rounded(values.min() ?? 0)
      max = StyleProfile.rounded(values.max() ?? 0)
    }
  }

  /// How far the persona's own posts lie from their profile (`StyleComparison.distance`): quartiles and
  /// Tukey's upper fence (`q3 + 1.5 × (q3 − q1)`), beyond which a post is out of style.
  public struct DistanceSpread: Sendable, Codable, Equatable {
    public var q1: Double
    public var median: Double
    public var q3: Double
    public var fence: Double
    public var max: Double
  }

  public var format: String
  public var version: Int
  /// The persona's name (`siyu persona learn NAME`).
  public var name: String
  /// Posts the profile was learned from.
  public var posts: Int
  /// Characters (not white space) in them.
  public var characters: Int
  /// Each `StyleFeature` across the posts, by `StyleFeature.key`.
  public var features: [String: Spread]
  /// Sentence-final particle counts.
  public var particles: [String: Int]
  /// Runs of ～ ！ … ？ (`tilde`, `exclamation`, `ellipsis`, `question`).
  public var punctuation: [String: Int]
  /// Emoji used, with counts.
  public var emoji: [String: Int]
  /// Self-reference words used, with counts.
  public var selfTerms: [String: Int]
  /// Address words used, with counts.
  public var addressTerms: [String: Int]
  public var ngrams: StyleNGrams
  /// The n-gram fit (`StyleModel.fit`) of each post against the others (leave-one-out).
  public var fit: Spread
  /// Style distances of the posts long enough to judge; nil when fewer than four were.
  public var distance: DistanceSpread?

  enum CodingKeys: String, CodingKey {
    case format, version, name, posts, characters, features, particles, punctuation, emoji
    case selfTerms = "self"
    case addressTerms = "address"
    case ngrams, fit, distance
  }

  /// `value` to six decimals: profiles hold no more precision than they mean.
  public static func rounded(_ value: Double) -> Double {
    (value * 1_000_000).rounded() / 1_000_000
  }

  /// The spread of `feature`, if the profile has it.
  public func spread(of feature: StyleFeature) -> Spread? { features[feature.key] }

  // MARK: - Reading and writing

  /// The profile as pretty-printed JSON with sorted keys.
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// The start of the message for a profile file that cannot be read at all.
  static let unreadableMessage = "无法读取人设风格画像文件"

  /// Reads the profile file at `path`. A missing or unreadable file, JSON that does not parse, another
  /// format, another version or missing fields are `InputProblem`s naming `shownPath` (default `path`).
  public static func load(path: String, shownPath: String? = nil) throws(InputProblem) -> StyleProfile {
    let name = shownPath ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory: ObjCBool = false
      let reason =
        !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        ? SystemErrorText.describe(ENOENT)
        : isDirectory.boolValue ? SystemErrorText.describe(EISDIR) : SystemErrorText.describe(EACCES)
      throw InputProblem(path: name, message: "\(Self.unreadableMessage)：\(reason)")
    }
    return try decode(data, path: name)
  }

  /// Decodes profile JSON; see `load(path:shownPath:)`.
  public static func decode(_ data: Data, path: String) throws(InputProblem) -> StyleProfile {
    struct Header: Decodable {
      var format: String?
      var version: Int?
    }
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw InputProblem(
        path: path, line: jsonErrorLine(error, data: data),
        message: "人设风格画像不是有效的 JSON，请用 siyu persona learn 重新生成")
    }
    guard header.format == formatName else {
      throw InputProblem(path: path, message: "不是 siyu 人设风格画像（format 应为「\(formatName)」）")
    }
    guard let version = header.version else {
      throw InputProblem(path: path, message: "人设风格画像缺少 version")
    }
    guard version == currentVersion else {
      throw InputProblem(
        path: path,
        message: "人设风格画像的格式版本是 \(version)，本版 siyu 只读版本 \(currentVersion)，请用 siyu persona learn 重新生成")
    }
    do {
      let profile = try JSONDecoder().decode(StyleProfile.self, from: data)
      guard profile.posts > 0 else {
        throw InputProblem(path: path, message: "人设风格画像的 posts 应为正整数，请用 siyu persona learn 重新生成")
      }
      return profile
    } catch let problem as InputProblem {
      throw problem
    } catch {
      throw InputProblem(
        path: path, line: jsonErrorLine(error, data: data),
        message: "人设风格画像内容不完整或类型不对（\(describe(error))），请用 siyu persona learn 重新生成")
    }
  }

  private static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context)
      return "缺少「\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)」"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "「\(path(context))」类型不对"
    case .dataCorrupted(let context):
      return "「\(path(context))」数据损坏：\(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  /// The line of a JSON syntax error, when Foundation names a byte offset.
  private static func jsonErrorLine(_ error: any Error, data: Data) -> Int? {
    let nsError = error as NSError
    let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError) ?? nsError
    guard let index = underlying.userInfo["NSJSONSerializationErrorIndex"] as? Int else { return nil }
    return 1 + data.prefix(index).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }
}
