import Foundation

/// Findings recorded with `--write-baseline` and filtered out with `--baseline`, so siyu can be adopted in
/// a repository of old posts: only new findings are reported.
///
/// A finding is identified by its path, rule id and message (messages quote the text found), not by its
/// line, so edits elsewhere in a post do not resurrect baselined findings. Each entry has a count; a
/// finding beyond the recorded count is new.
public struct Baseline: Sendable, Equatable {
  public struct Key: Hashable, Sendable, Codable {
    public var path: String
    public var rule: String
    public var message: String
  }

  public private(set) var counts: [Key: Int] = [:]

  public init(report: CheckReport) {
    for file in report.files {
      for located in file.findings {
        counts[
          Key(path: file.path, rule: located.finding.rule, message: located.finding.message), default: 0] += 1
      }
    }
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
        counts[Key(path: entry.path, rule: entry.rule, message: entry.message), default: 0] += entry.count
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
    return (try? encoder.encode(FileFormat(version: 1, findings: entries))) ?? Data()
  }

  /// `report` without the findings the baseline knows.
  public func filter(_ report: CheckReport) -> CheckReport {
    var remaining = counts
    var result = report
    for f in result.files.indices {
      let path = result.files[f].path
      result.files[f].findings.removeAll { located in
        let key = Key(path: path, rule: located.finding.rule, message: located.finding.message)
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
