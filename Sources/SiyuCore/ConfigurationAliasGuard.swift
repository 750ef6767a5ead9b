/// A lexical pre-check run before Yams composes a `.siyu.yml`.
///
/// Yams checks every mapping for duplicate keys by hashing the key nodes while it composes; a key that is
/// (or contains) an alias to a deeply nested anchor is hashed in full, so a few hundred bytes can keep it
/// busy for hours. Keys in a `.siyu.yml` are always plain strings, so any alias used in a key position is
/// rejected here, before composing. The scan is conservative: in doubt it reports an alias key.
enum ConfigurationAliasGuard {
  private struct Frame {
    var isMapping: Bool
    /// Line of the first alias inside the collection.
    var aliasLine: Int?
    var entryHasColon = false
  }

  /// The 1-based line of the first alias used in (or inside a collection used as) a mapping key; nil
  /// when there is none.
  static func firstAliasInKey(_ text: String) -> Int? {
    guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
    var scanner = Scanner()
    return scanner.run(Array(text.unicodeScalars))
  }

  private struct Scanner {
    var flow: [Frame] = []
    /// The node being read at the current level contains an alias (on `pendingAliasLine`).
    var pendingAlias = false
    var pendingAliasLine = 0
    var firstAliasLine: Int?
    var explicitKeyLine: Int?
    /// In a block scalar: lines indented more than this belong to it.
    var blockScalarIndent: Int?
    /// Inside a quoted scalar that continues on the next line.
    var openQuote: Unicode.Scalar?

    mutating func run(_ s: [Unicode.Scalar]) -> Int? {
      var lines: [ArraySlice<Unicode.Scalar>] = []
      var start = 0
      for (i, c) in s.enumerated() where c == "\n" {
        lines.append(s[start..<i])
        start = i + 1
      }
      lines.append(s[start..<s.count])
      for (index, line) in lines.enumerated() {
        if let found = scan(Array(line.filter { $0 != "\r" }), line: index + 1) { return found }
      }
      if let explicitKeyLine, firstAliasLine != nil { return explicitKeyLine }
      return nil
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
    static func isFlowIndicator(_ c: Unicode.Scalar) -> Bool {
      c == "," || c == "[" || c == "]" || c == "{" || c == "}"
    }

    /// libyaml's anchor and alias name characters.
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
      c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_")
    }

    mutating func markAlias(line: Int) {
      pendingAlias = true
      pendingAliasLine = line
      if firstAliasLine == nil { firstAliasLine = line }
      for i in flow.indices where flow[i].aliasLine == nil { flow[i].aliasLine = line }
    }

    /// Scans one line; returns `line` when it finds an alias in a key.
    mutating func scan(_ l: [Unicode.Scalar], line: Int) -> Int? {
      let n = l.count
      var j = 0
      var indent = 0
      while indent < n, Self.isSpace(l[indent]) { indent += 1 }
      if let parent = blockScalarIndent {
        if indent >= n || indent > parent { return nil }
        blockScalarIndent = nil
      }
      if let quote = openQuote {
        openQuote = nil
        j = skipQuote(l, from: 0, quote: quote)
        if j > n {
          openQuote = quote
          return nil
        }
        pendingAlias = false
      } else if flow.isEmpty {
        pendingAlias = false
      }
      // The column of this line's first block node, for block scalars.
      var nodeIndent: Int?
      var atNodeStart = j == 0
      while j < n {
        let c = l[j]
        let next: Unicode.Scalar? = j + 1 < n ? l[j + 1] : nil
        let followedBySpace = next.map(Self.isSpace) ?? true
        if Self.isSpace(c) {
          j += 1
          continue
        }
        if c == "#" && (j == 0 || Self.isSpace(l[j - 1])) { return nil }
        let inFlow = !flow.isEmpty
        let valueIndicator =
          followedBySpace || (inFlow && (next.map(Self.isFlowIndicator) ?? true)) || (inFlow && !atNodeStart)
        if c == ":" && valueIndicator {
          if pendingAlias { return pendingAliasLine }
          if !flow.isEmpty { flow[flow.count - 1].entryHasColon = true }
          pendingAlias = false
          atNodeStart = true
          j += 1
          continue
        }
        if !flow.isEmpty && (c == "," || c == "]" || c == "}") {
          let top = flow[flow.count - 1]
          if top.isMapping && !top.entryHasColon && pendingAlias { return pendingAliasLine }
          if c == "," {
            flow[flow.count - 1].entryHasColon = false
            pendingAlias = false
            atNodeStart = true
          } else {
            let closed = flow.removeLast()
            pendingAlias = closed.aliasLine != nil
            pendingAliasLine = closed.aliasLine ?? line
            atNodeStart = false
          }
          j += 1
          continue
        }
        guard atNodeStart else {
          // Trailing content after a node (invalid YAML, or a plain scalar we do not track): skip it.
          j = skipPlain(l, from: j)
          continue
        }
        let isIndicator = (c == "?" || c == "-") && followedBySpace || c == "|" || c == ">"
        if flow.isEmpty && nodeIndent == nil && !isIndicator { nodeIndent = j }
        switch c {
        case "*":
          markAlias(line: line)
          j = skipName(l, from: j + 1)
          atNodeStart = false
        case "&":
          j = skipName(l, from: j + 1)
        case "!":
          j = skipTag(l, from: j + 1)
        case "\"", "'":
          j = skipQuote(l, from: j + 1, quote: c)
          if j > n {
            openQuote = c
            return nil
          }
          pendingAlias = false
          atNodeStart = false
        case "[", "{":
          flow.append(Frame(isMapping: c == "{"))
          pendingAlias = false
          j += 1
        case "|" where flow.isEmpty, ">" where flow.isEmpty:
          blockScalarIndent = nodeIndent ?? indent
          return nil
        case "?" where followedBySpace:
          if explicitKeyLine == nil { explicitKeyLine = line }
          j += 1
        case "-" where followedBySpace && flow.isEmpty:
          pendingAlias = false
          j += 1
        default:
          pendingAlias = false
          j = skipPlain(l, from: j)
          atNodeStart = false
        }
      }
      return nil
    }

    /// The index after an anchor or alias name.
    func skipName(_ l: [Unicode.Scalar], from start: Int) -> Int {
      var j = start
      while j < l.count, Self.isNameCharacter(l[j]) { j += 1 }
      return j
    }

    /// The index after a tag.
    func skipTag(_ l: [Unicode.Scalar], from start: Int) -> Int {
      var j = start
      while j < l.count, !Self.isSpace(l[j]), !Self.isFlowIndicator(l[j]) { j += 1 }
      return j
    }

    /// The index after the closing quote; `l.count + 1` when the scalar continues on the next line.
    func skipQuote(_ l: [Unicode.Scalar], from start: Int, quote: Unicode.Scalar) -> Int {
      var j = start
      while j < l.count {
        if quote == "\"" && l[j] == "\\" {
          j += 2
          continue
        }
        if l[j] == quote {
          if quote == "'" && j + 1 < l.count && l[j + 1] == "'" {
            j += 2
            continue
          }
          return j + 1
        }
        j += 1
      }
      return l.count + 1
    }

    /// The index where a plain scalar ends: before `: `, ` #`, the line end, or (in flow) an indicator.
    func skipPlain(_ l: [Unicode.Scalar], from start: Int) -> Int {
      var j = start + 1
      while j < l.count {
        let c = l[j]
        if c == ":" {
          if j + 1 == l.count || Self.isSpace(l[j + 1]) { return j }
          if !flow.isEmpty && Self.isFlowIndicator(l[j + 1]) { return j }
        }
        if c == "#" && Self.isSpace(l[j - 1]) { return j }
        if !flow.isEmpty && Self.isFlowIndicator(c) { return j }
        j += 1
      }
      return j
    }
  }
}
