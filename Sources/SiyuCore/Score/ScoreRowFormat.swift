import Foundation

/// How `siyu score` writes one row per post.
///
/// Columns (CSV header, JSONL keys, in this order): `id`, `source`, `channel`, `persona`, `group`,
/// `publish_at` (ISO 8601 in the configured time zone; the date alone for a date-only value), `class`,
/// `probability`, `score`, `rules` (rule ids with findings, caps excluded), `caps` (cap rule ids broken),
/// `meta` (the row's other fields). In CSV, `rules` and `caps` are ids joined by `;`
/// and `meta` is a JSON object (empty when there is none); absent values are empty cells. In JSON Lines
/// they are arrays and an object, and absent values are `null`.
public enum ScoreRowFormat: String, Sendable, CaseIterable {
  case csv
  case jsonl

  public static let columns = [
    "id", "source", "channel", "persona", "group", "publish_at", "class", "probability", "score", "rules",
    "caps", "meta",
  ]

  /// The header line, if the format has one.
  public var header: String? {
    self == .csv ? Self.columns.joined(separator: ",") + "\n" : nil
  }

  /// Appends `post`'s row (with its line end) to `out` as UTF-8: written into temporary memory sized for
  /// the row (`ScoreRowWriter`), then appended at once.
  public func append(_ post: ScoredPost, calendar: ScoreCalendar, to out: inout [UInt8]) {
    let time = post.publishAt.map { calendar.iso8601($0, dateOnly: post.publishDateOnly) }
    let meta = post.meta.isEmpty ? nil : JSONValue.object(post.meta).jsonText
    let id = post.id
    let source = post.source
    let channel = post.channel
    let persona = post.persona
    let group = post.group
    let rules = post.rules
    let caps = post.caps
    let verdict = post.verdict
    var ids = 0
    for rule in rules { ids &+= rule.utf8.count &+ 1 }
    for rule in caps { ids &+= rule.utf8.count &+ 1 }
    switch self {
    case .csv:
      typealias W = ScoreRowWriter
      let bound =
        W.csvCellBound(id) + W.csvCellBound(source) + W.csvCellBound(channel) + W.csvCellBound(persona ?? "")
        + W.csvCellBound(group ?? "") + (time?.utf8.count ?? 0) + 2 * W.fixedBound + ids
        + W.csvCellBound(meta ?? "") + 32
      ScoreRowWriter.append(to: &out, bound: bound) { w in
        w.csvCell(id)
        w.byte(0x2C)
        w.csvCell(source)
        w.byte(0x2C)
        w.csvCell(channel)
        w.byte(0x2C)
        if let persona { w.csvCell(persona) }
        w.byte(0x2C)
        if let group { w.csvCell(group) }
        w.byte(0x2C)
        if let time { w.raw(time) }
        w.byte(0x2C)
        w.raw(verdict.class.rawValue)
        w.byte(0x2C)
        w.fixed(verdict.probability, places: 4)
        w.byte(0x2C)
        w.fixed(verdict.score, places: 2)
        w.byte(0x2C)
        Self.joined(rules, &w)
        w.byte(0x2C)
        Self.joined(caps, &w)
        w.byte(0x2C)
        if let meta { w.csvCell(meta) }
        w.byte(0x0A)
      }
    case .jsonl:
      typealias W = ScoreRowWriter
      let bound =
        W.jsonStringBound(id) + W.jsonStringBound(source) + W.jsonStringBound(channel)
        + W.jsonStringBound(persona ?? "") + W.jsonStringBound(group ?? "") + W.jsonStringBound(time ?? "")
        + 2 * W.fixedBound + 6 * ids + (meta?.utf8.count ?? 2) + 160
      ScoreRowWriter.append(to: &out, bound: bound) { w in
        w.raw(#"{"id":"#)
        w.jsonString(id)
        w.raw(#","source":"#)
        w.jsonString(source)
        w.raw(#","channel":"#)
        w.jsonString(channel)
        w.raw(#","persona":"#)
        Self.jsonOptional(persona, &w)
        w.raw(#","group":"#)
        Self.jsonOptional(group, &w)
        w.raw(#","publish_at":"#)
        Self.jsonOptional(time, &w)
        w.raw(#","class":""#)
        w.raw(verdict.class.rawValue)
        w.raw(#"","probability":"#)
        w.fixed(verdict.probability, places: 4)
        w.raw(#","score":"#)
        w.fixed(verdict.score, places: 2)
        w.raw(#","rules":["#)
        for (index, rule) in rules.enumerated() {
          if index > 0 { w.byte(0x2C) }
          w.jsonString(rule)
        }
        w.raw(#"],"caps":["#)
        for (index, rule) in caps.enumerated() {
          if index > 0 { w.byte(0x2C) }
          w.jsonString(rule)
        }
        w.raw(#"],"meta":"#)
        if let meta { w.raw(meta) } else { w.raw("{}") }
        w.raw("}\n")
      }
    }
  }

  /// `ids` joined by `;` (rule ids need no quoting).
  static func joined(_ ids: [String], _ w: inout ScoreRowWriter) {
    for (index, id) in ids.enumerated() {
      if index > 0 { w.byte(0x3B) }
      w.raw(id)
    }
  }

  static func jsonOptional(_ text: String?, _ w: inout ScoreRowWriter) {
    if let text { w.jsonString(text) } else { w.raw("null") }
  }

  /// A CSV cell, quoted (RFC 4180) when it holds a comma, quote or line end.
  static func csvCell(_ text: String, _ out: inout [UInt8]) {
    ScoreRowWriter.append(to: &out, bound: ScoreRowWriter.csvCellBound(text)) { $0.csvCell(text) }
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
  static func jsonString(_ text: String, _ out: inout [UInt8]) {
    ScoreRowWriter.append(to: &out, bound: ScoreRowWriter.jsonStringBound(text)) { $0.jsonString(text) }
  }

  /// `value` rounded to `places` decimals (at most 8), trailing zeros dropped (`0.97`, `11.5`, `3`).
  static func fixed(_ value: Double, places: Int, _ out: inout [UInt8]) {
    ScoreRowWriter.append(to: &out, bound: ScoreRowWriter.fixedBound) { $0.fixed(value, places: places) }
  }
}
