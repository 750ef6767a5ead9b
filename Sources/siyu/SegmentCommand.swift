import ArgumentParser
import Foundation
import SiyuCore
import SiyuText

#if canImport(Glibc)
  import Glibc
#endif

/// `siyu segment`: prints the segmentation of each input line (one post a line).
struct SegmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "分词：每行一条帖子，输出分词结果。",
    discussion: """
      plain: one output line per input line, the original characters with single spaces between tokens.
      json: one JSON array per input line of {"text","kind","start","end"}, offsets in UTF-16 code units \
      (0-based, end exclusive).
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case plain
    case json
  }

  @Argument(help: "Text to segment (each line one post). Without TEXT and --file, reads stdin.")
  var text: String?

  @Option(name: .long, help: "Read posts from FILE, one a line ('-' for stdin).")
  var file: String?

  @Option(name: .long, help: "Output format: plain or json.")
  var format: Format = .plain

  @Option(
    name: .long,
    help:
      "Configuration file (default: nearest .siyu.yml upwards from the current folder); its lexicons and vocabulary.accept words segment as in check."
  )
  var config: String?

  func validate() throws {
    if text != nil && file != nil { throw ValidationError("TEXT 与 --file 只能给出一个") }
  }

  func run() throws {
    let input: TextInput
    do {
      if let text {
        input = try TextInput(bytes: Array(text.utf8), name: "<argument>")
      } else {
        input = try TextInput(path: file ?? "-")
      }
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    if let warning = input.warning { printError(warning) }
    let segmenter: Segmenter
    do {
      let configuration = try CommandSupport.loadConfiguration(
        explicit: config, cwd: FileManager.default.currentDirectoryPath)
      segmenter = try Segmenter(
        extraLexicons: Linter.segmentationLexicons(
          configuration, try CommandSupport.loadLexicons(configuration)))
    } catch let problem as InputProblem {
      printError(problem.description)
      throw ExitCode(2)
    } catch {
      printError("siyu: \(error)")
      throw ExitCode(2)
    }
    let out = ByteWriter()
    let json = format == .json
    var carry: [UInt16] = []
    var base = 0
    var firstInLine = true

    func emit(_ text: UnsafeBufferPointer<UInt16>) {
      for token in segmenter.tokens {
        let range = UnsafeBufferPointer(rebasing: text[token.sourceRange])
        if json {
          out.write(firstInLine ? "[" : ",")
          out.write("{\"text\":\"")
          out.write(utf16: range, jsonEscaped: true)
          out.write(
            "\",\"kind\":\"\(token.kind.rawValue)\",\"start\":\(base + Int(token.sourceStart)),\"end\":\(base + Int(token.sourceEnd))}"
          )
        } else {
          if !firstInLine { out.write(byte: 0x20) }
          out.write(utf16: range)
        }
        firstInLine = false
      }
    }
    func endLine() {
      if json { out.write(firstInLine ? "[]" : "]") }
      out.write(byte: 0x0A)
      firstInLine = true
      base = 0
    }

    do {
      try input.forEachLine { piece, endsLine in
        if carry.isEmpty && endsLine {
          segmenter.segment(piece)
          emit(piece)
          endLine()
          return
        }
        carry.append(contentsOf: piece)
        carry.withUnsafeBufferPointer { buffer in
          let consumed = segmenter.segment(buffer, isFinal: endsLine)
          emit(buffer)
          if !endsLine {
            base += consumed
            carry.removeSubrange(0..<consumed)
          }
        }
        if endsLine {
          carry.removeAll()
          endLine()
        }
      }
    } catch {
      out.flush()
      printError(error.description)
      throw ExitCode(2)
    }
    out.flush()
  }
}

/// Writes a message line (or, with `terminator: ""`, text of its own) to stderr. A failed write is
/// ignored: there is nowhere left to report it.
func printError(_ message: String, terminator: String = "\n") {
  var text = message + terminator
  text.withUTF8 { _ = StandardOutput.writeAll(2, UnsafeRawBufferPointer($0)) }
}
