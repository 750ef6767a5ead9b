import Foundation

/// Findings recorded with `--write-baseline` and filtered out with `--baseline`, so siyu can be adopted in
/// a repository of old posts: only new findings are reported.
///
/// A finding is identified by its path, rule id and message (messages quote the text found), not by its
/// line, so edits elsewhere in a post do not resurrect baselined findings. The classifier's and the caps'
/// messages change with any edit (a probability, the other posts of the day), so for those rules the
/// message is left out and only the count per post matters. Paths are stored relative to the baseline
/// file's folder, so `posts`, `./posts` and an absolute path name the same post. Each entry has a count;
/// a finding beyond the recorded count is new.
public struct Baseline: Sendable, Equatable {
  public struct Key: Hashable, Sendable, Codable {
    public var path: String
    public var rule: String
    public var message: String
  }

  public private(set) var counts: [Key: Int] = [:]

  /// The findings of `report`, whose paths are relative to `workingDirectory`, for a baseline file in
  /// `directory`.
  public init(report: CheckReport, directory: String, workingDirectory: String) {
    for file in report.files {
      let path = Self.stored(file.path, directory: directory, workingDirectory: workingDirectory)
      for located in file.findings {
        counts[Self.key(path, located.finding.rule, located.finding.message), default: 0] += 1
      }
    }
  }

  /// The key of a finding: its message left out for rules whose message changes with unrelated edits.
  static func key(_ path: String, _ rule: String, _ message: String) -> Key {
    let volatile = rule == "hard-sell/classifier" || rule.hasPrefix("cap/")
    return Key(path: path, rule: rule, message: volatile ? "" : message)
  }

  /// `path` (as reported, relative to `workingDirectory` or absolute) relative to `directory` when it
  /// lies inside it, else absolute; `FILE#ROW` ids keep their row.
  static func stored(_ path: String, directory: String, workingDirectory: String) -> String {
    if path == "-" { return path }
    let split = ReportPath(path)
    let file = split.file
    let row = split.row.map { "#\($0)" } ?? ""
    let absolute = IgnoreRules.absolute(file.hasPrefix("/") ? file : workingDirectory + "/" + file)
    let base = IgnoreRules.absolute(directory.hasPrefix("/") ? directory : workingDirectory + "/" + directory)
    if base == "/" { return String(absolute.dropFirst()) + row }
    if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) + row }
    return absolute + row
  }

  private struct Entry: Codable {
    var path: String
    var rule: String
    var message: String
    var count: Int
  }

  private struct FileFormat: Codable {
    var version: Int
    var findings: [Entry]
  }

  /// Reads a baseline written by `data()`.
  public init(path: String) throws(InputProblem) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputProblem(path: path, message: "无法读取基线文件")
    }
    do {
      let file = try JSONDecoder().decode(FileFormat.self, from: data)
      guard file.version == 1 else {
        throw InputProblem(path: path, message: "不支持的基线版本 \(file.version)")
      }
      for entry in file.findings {
        counts[Self.key(entry.path, entry.rule, entry.message), default: 0] += entry.count
      }
    } catch let problem as InputProblem {
      throw problem
    } catch {
      throw InputProblem(path: path, message: "基线文件不是有效的 siyu 基线 JSON")
    }
  }

  /// The baseline as JSON (sorted, stable).
  public func data() -> Data {
    let entries = counts.map {
      Entry(path: $0.key.path, rule: $0.key.rule, message: $0.key.message, count: $0.value)
    }
    .sorted { ($0.path, $0.rule, $0.message) < ($1.path, $1.rule, $1.message) }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = (try? encoder.encode(FileFormat(version: 1, findings: entries))) ?? Data()
    data.append(0x0A)
    return data
  }

  /// `report` (paths relative to `workingDirectory`) without the findings the baseline, read from a file
  /// in `directory`, knows.
  public func filter(_ report: CheckReport, directory: String, workingDirectory: String) -> CheckReport {
    var remaining = counts
    var result = report
    for f in result.files.indices {
      let path = Self.stored(result.files[f].path, directory: directory, workingDirectory: workingDirectory)
      result.files[f].findings.removeAll { located in
        let key = Self.key(path, located.finding.rule, located.finding.message)
        if let n = remaining[key], n > 0 {
          remaining[key] = n - 1
          return true
        }
        return false
      }
    }
    return result
  }
}
