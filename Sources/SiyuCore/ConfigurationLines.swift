/// Where settings of a `.siyu.yml` were written, for problems found after parsing (a persona file or
/// lexicon that cannot be read, a regex that does not compile) so that they can be reported as
/// `PATH:LINE:` like every other configuration problem.
///
/// Keys: `personas.NAME`, `lexicons.PATH`, `custom_rules.ID` and `classifier.model`. Lines say where a value came from, not
/// what it is: two configurations with the same settings are equal wherever they were written.
public struct ConfigurationLines: Sendable, Equatable {
  private var lines: [String: Int] = [:]

  public init() {}

  /// The 1-based line of the setting `key`, if it was read from a file.
  public subscript(key: String) -> Int? {
    get { lines[key] }
    set { lines[key] = newValue }
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { true }
}
