import Foundation
import Testing

@testable import SiyuCore

// Validates SARIFReporter's output against the official SARIF 2.1.0 JSON schema
// (Tests/Fixtures/reporters/sarif-schema-2.1.0.json, see the README there) with Python's `jsonschema`.
// When the module is missing, the test installs it with pip first (into a virtual environment in the
// temporary directory where the system Python is externally managed); it fails, never skips, when
// validation cannot run.

@Suite(.serialized) struct ReporterSARIFSchemaTests {
  @Test func goldenReportValidates() throws {
    let sarif = SARIFReporter(
      toolVersion: "0.1.0", informationURI: "https://example.com/siyu", sourceRoot: "/work/我的 仓库")
    try validate(sarif.render(ReporterGoldenTests.report, rules: ReporterGoldenTests.rules))
  }

  @Test func emptyReportValidates() throws {
    try validate(SARIFReporter(toolVersion: "0.1.0").render(CheckReport(files: [], errors: []), rules: []))
  }

  private static let script = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        print("python module jsonschema is missing")
        sys.exit(3)
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        log = json.load(f)
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.absolute_path)))
    for e in errors:
        print("/".join(map(str, e.absolute_path)) + ": " + e.message)
    sys.exit(1 if errors else 0)
    """

  private func validate(_ sarif: String) throws {
    let schema = ReporterGoldenTests.fixtures.appendingPathComponent("sarif-schema-2.1.0.json")
    let log = FileManager.default.temporaryDirectory
      .appendingPathComponent("siyu-sarif-\(UUID().uuidString).json")
    try sarif.write(to: log, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: log) }

    var python = "python3"
    var (status, output) = try Self.run([python, "-c", Self.script, schema.path, log.path])
    if status == 3 {
      // jsonschema is missing: pip-install it, or (where the system Python refuses, PEP 668) put it in a
      // virtual environment in the temporary directory.
      var setup = try Self.run(["python3", "-m", "pip", "install", "--quiet", "jsonschema"])
      if setup.0 != 0 {
        let venv = FileManager.default.temporaryDirectory.appendingPathComponent("siyu-test-jsonschema-venv")
        python = venv.appendingPathComponent("bin/python3").path
        if !FileManager.default.isExecutableFile(atPath: python) {
          setup = try Self.run(["python3", "-m", "venv", venv.path])
        }
        if FileManager.default.isExecutableFile(atPath: python) {
          setup = try Self.run([python, "-m", "pip", "install", "--quiet", "jsonschema"])
        }
      }
      (status, output) = try Self.run([python, "-c", Self.script, schema.path, log.path])
      if status == 3 {
        Issue.record("cannot validate SARIF: installing Python's jsonschema failed:\n\(setup.1)")
        return
      }
    }
    #expect(status == 0, "SARIF output does not validate against the 2.1.0 schema:\n\(output)")
  }

  /// Runs `arguments` through /usr/bin/env; returns the exit status and stdout and stderr together.
  private static func run(_ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
