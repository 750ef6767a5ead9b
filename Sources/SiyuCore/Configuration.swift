import Foundation

/// The effective `.siyu.yml`: every setting typed, with SPEC.md's defaults for what the file leaves out.
///
/// Load one with `Configuration.load(path:knownRuleIDs:)`, find one with `discover(from:)`, or use
/// `resolve(configPath:workingDirectory:knownRuleIDs:)` for the CLI's `--config` logic.
public struct Configuration: Sendable, Equatable {
  /// The `.siyu.yml` this configuration came from; nil for the built-in defaults.
  public var path: String?
  /// Absolute directory that paths and globs in the configuration are relative to: the config file's
  /// directory, or the working directory for the built-in defaults.
  public var baseDirectory: String
  /// Time zone for `publish_at` values without an offset and for calendar days in caps.
  public var timezone: TimeZone
  /// Channel of posts that do not name one.
  public var defaultChannel: String
  /// Globs of past posts that count for caps; empty = only the posts being checked.
  public var history: [String]
  /// Levels per rule id or family.
  public var rules: [String: RuleLevel]
  public var classifier: ClassifierSettings
  public var caps: CapsSettings
  /// Persona name → persona file (relative to `baseDirectory`).
  public var personas: [String: String]
  /// Extra segmentation word lists (relative to `baseDirectory`).
  public var lexicons: [String]
  public var vocabulary: VocabularySettings
  /// Points per rule id or family, replacing the rules' defaults.
  public var scores: [String: Double]
  /// Path- and channel-specific rule levels; later entries win.
  public var overrides: [OverrideSettings]
  /// Rules defined in the configuration.
  public var customRules: [CustomRuleSettings]
  /// Where some settings were written (for problems found after parsing; not part of equality).
  public var lines = ConfigurationLines()

  /// The default time zone, Asia/Shanghai.
  public static let defaultTimeZone: TimeZone =
    TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3_600) ?? .current

  /// Rule families SPEC.md defines; `rules:`, `scores:` and `overrides:` may name them before any rule of
  /// the family is registered.
  public static let specFamilies: Set<String> = ["hard-sell", "ad-law", "persona", "cap"]

  /// The file name `discover(from:)` looks for.
  public static let fileName = ".siyu.yml"

  /// The built-in defaults, with paths relative to `baseDirectory` (default: the working directory).
  public init(baseDirectory: String = FileManager.default.currentDirectoryPath) {
    path = nil
    self.baseDirectory = Self.absolute(baseDirectory)
    timezone = Self.defaultTimeZone
    defaultChannel = "moments"
    history = []
    rules = [:]
    classifier = ClassifierSettings()
    caps = CapsSettings()
    personas = [:]
    lexicons = []
    vocabulary = VocabularySettings()
    scores = [:]
    overrides = []
    customRules = []
  }

  /// `path` made absolute against the working directory, with `.` and `..` resolved.
  static func absolute(_ path: String, workingDirectory: String? = nil) -> String {
    let joined: String
    if path.hasPrefix("/") {
      joined = path
    } else {
      let base = workingDirectory ?? FileManager.default.currentDirectoryPath
      joined = base.hasSuffix("/") ? base + path : base + "/" + path
    }
    var components: [Substring] = []
    for component in joined.split(separator: "/") {
      if component == "." { continue }
      if component == ".." {
        if !components.isEmpty { components.removeLast() }
        continue
      }
      components.append(component)
    }
    return "/" + components.joined(separator: "/")
  }
}
