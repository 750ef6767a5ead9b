import Foundation
import XCTest

@testable import SiyuCore

// The HTML report in a real browser: HTMLReportSample.summary is rendered to a file that
// scripts/check-report opens in headless Chromium. The DOM Chromium built must hold every chart and table
// of the page (so the inline SVG parsed as SVG and no user text broke out of its element), and the
// screenshot must be a 1280×2400 PNG that shows the charts (decoded with Python's zlib, no imaging
// library).
//
// Without Chromium the test is skipped, unless SIYU_REQUIRE_BROWSER=1 (as .ci/run sets), which makes it
// fail. SIYU_CHROMIUM names another browser binary.

final class HTMLReportBrowserTests: XCTestCase {
  static let script = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // SiyuCoreTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()
    .appendingPathComponent("scripts/check-report")

  func testReportInChromium() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("siyu-report-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("评分 报告.html")
    let png = folder.appendingPathComponent("screenshot.png")
    let html = HTMLReport.render(HTMLReportSample.summary)
    try html.write(to: page, atomically: true, encoding: .utf8)

    let run = try Self.run([Self.script.path, page.path, "--screenshot", png.path])
    if run.status == 3 {
      let message =
        "no Chromium (scripts/check-report: \(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))"
      if ProcessInfo.processInfo.environment["SIYU_REQUIRE_BROWSER"] == "1" {
        XCTFail("\(message), and SIYU_REQUIRE_BROWSER=1")
        return
      }
      throw XCTSkip(message)
    }
    XCTAssertEqual(run.status, 0, "scripts/check-report failed:\n\(run.stderr)")
    try checkDOM(run.stdout, source: html)
    try checkScreenshot(png)
  }

  private func checkDOM(_ dom: String, source: String) throws {
    XCTAssertTrue(
      dom.contains("<html lang=\"zh-CN\">"), "no <html lang=zh-CN> in the DOM:\n\(dom.prefix(500))")
    XCTAssertTrue(dom.contains("<title>siyu 批量评分报告</title>"))
    for heading in ["概览", "每日发帖量", "每周硬广占比", "发帖时段", "高频话术", "人设偏离", "最像硬广的帖子", "频次上限与规则命中"] {
      XCTAssertTrue(dom.contains("<h2>\(heading)</h2>"), "heading \(heading) missing from the DOM")
    }
    // Every element the page was written with is an element in the DOM, no more and no fewer: nothing from
    // the data turned into markup, and nothing swallowed the markup after it.
    for element in [
      "svg", "rect", "text", "path", "circle", "line", "title", "table", "tr", "td", "li", "section", "h3",
    ] {
      let written =
        HTMLReportTests.count("<\(element) ", in: source) + HTMLReportTests.count("<\(element)>", in: source)
      let built =
        HTMLReportTests.count("<\(element) ", in: dom) + HTMLReportTests.count("<\(element)>", in: dom)
      XCTAssertEqual(built, written, "<\(element)> elements: \(written) in the page, \(built) in the DOM")
    }
    XCTAssertGreaterThan(HTMLReportTests.count("<rect ", in: dom), 50)
    XCTAssertFalse(dom.lowercased().contains("<script"), "a script element in the DOM")
    XCTAssertTrue(
      dom.contains(
        "<td class=\"excerpt\">&lt;script&gt;alert('x')&lt;/script&gt; 今晚8点直播 &amp; 抽奖 \"免单\"</td>"),
      "the <script> excerpt is not text in its cell")
    XCTAssertTrue(dom.contains("<td>老王 &amp; &lt;co&gt;</td>"))
    XCTAssertTrue(dom.contains(">上限 30%</text>"))
    XCTAssertTrue(dom.contains(">周日</text>"))
  }

  private func checkScreenshot(_ png: URL) throws {
    let dark = ReportPalette.heat(1, maximum: 1)
    let run = try Self.run(["python3", "-c", Self.pngInfo, png.path, dark, ReportPalette.series[0]])
    XCTAssertEqual(run.status, 0, "cannot decode the screenshot:\n\(run.stdout)\(run.stderr)")
    let info = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "not JSON: \(run.stdout)")
    XCTAssertEqual(info["width"] as? Int, 1280)
    XCTAssertEqual(info["height"] as? Int, 2400)
    let colours = try XCTUnwrap(info["colours"] as? Int)
    XCTAssertGreaterThan(colours, 50, "the screenshot has \(colours) colours: blank or a single block")
    let background = try XCTUnwrap(info["most_common_share"] as? Double)
    XCTAssertLessThan(background, 0.97, "the screenshot is \(Int(background * 100))% one colour")
    let matches = try XCTUnwrap(info["matches"] as? [Int])
    XCTAssertGreaterThan(matches[0], 200, "the heat map's darkest cell colour \(dark) is not on screen")
    XCTAssertGreaterThan(
      matches[1], 20, "the first series colour \(ReportPalette.series[0]) is not on screen")
  }

  /// Decodes an 8-bit RGB or RGBA PNG (CRCs checked, every filter) and prints its size, how many colours it
  /// has, the share of its most common colour, and for each `#rrggbb` argument how many pixels are within
  /// 6 of it on every channel.
  static let pngInfo = #"""
    import json, struct, sys, zlib
    from collections import Counter
    data = open(sys.argv[1], "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "no PNG signature"
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, "bad CRC in " + kind.decode("latin-1")
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = ihdr
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, "unsupported PNG %r" % (ihdr,)
    bpp = 3 if colour_type == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    assert len(raw) == height * (stride + 1), "wrong amount of image data"
    prev = bytearray(stride)
    counts = Counter()
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        else:
            assert kind == 0, "bad filter %d" % kind
        counts.update(zip(line[0::bpp], line[1::bpp], line[2::bpp]))
        prev = line
    targets = [tuple(int(h[i:i + 2], 16) for i in (1, 3, 5)) for h in sys.argv[2:]]
    matches = [sum(n for rgb, n in counts.items() if all(abs(x - t) <= 6 for x, t in zip(rgb, target)))
               for target in targets]
    print(json.dumps({"width": width, "height": height, "colours": len(counts),
                      "most_common_share": counts.most_common(1)[0][1] / (width * height), "matches": matches}))
    """#

  /// Runs `arguments` through /usr/bin/env; returns the exit status, stdout and stderr (through a file, so
  /// neither pipe can fill up while the other is read).
  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent(
      "siyu-stderr-\(UUID().uuidString)")
    guard FileManager.default.createFile(atPath: errors.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errors.path])
    }
    defer { try? FileManager.default.removeItem(at: errors) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), stderr)
  }
}
