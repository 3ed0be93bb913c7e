import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// The board's views of the shipped ledger, compared with files under `Fixtures/golden/`.
/// Run with `RECORD_GOLDEN=1` to write the files afresh, then read the diff before committing.
@Suite("Board views: golden outputs on the shipped ledger")
struct BoardViewGoldenTests {
  static let goldenFolder = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/golden/"
  static let isRecording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

  static let cases: [(view: String, asOf: String, format: String)] =
    ["priorities", "channel-shift", "assisted-digital", "managers", "exemplars", "actions"]
    .flatMap { view in ["table", "json"].map { (view, "2015-03-31", $0) } }
    + ["csv", "markdown"].map { ("priorities", "2015-03-31", $0) }
    + [("priorities", "2014-03-31", "json"), ("channel-shift", "2015-03-31", "csv")]

  static func fileName(_ view: String, _ asOf: String, _ format: String) -> String {
    let ext = ["table": "txt", "json": "json", "csv": "csv", "markdown": "md"][format] ?? format
    return "\(view)-\(asOf).\(ext)"
  }

  @Test("each view at 2015-03-31 matches its golden file", arguments: cases)
  func golden(view: String, asOf: String, format: String) throws {
    let run = CLI.run(
      [view, "--as-of", asOf, "--format", format], ledger: packageRoot + "/events")
    #expect(run.exitCode == 0)
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    let path = Self.goldenFolder + Self.fileName(view, asOf, format)
    if Self.isRecording {
      try Data(run.stdout.utf8).write(to: URL(fileURLWithPath: path))
      return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(run.stdout == expected, "\(path) differs; RECORD_GOLDEN=1 swift test re-records it")
  }

  @Test(
    "on an 80-column terminal the tables fit, ids whole",
    arguments: cases.filter { $0.format == "table" })
  func width(view: String, asOf: String, format: String) {
    let run = CLI.run(
      [view, "--as-of", asOf], ledger: packageRoot + "/events",
      terminal: OutputTerminal(columns: 80))
    let wide = run.stdout.split(separator: "\n").filter { Format.displayWidth($0) > 80 }
    #expect(wide.isEmpty, "\(wide)")
    #expect(!run.stdout.contains("…"))
    let json = CLI.run(
      [view, "--as-of", asOf, "--format", "json"], ledger: packageRoot + "/events")
    for id in json.stdout.matches(of: #/"service":"([a-z0-9-]+)"/#).map({ String($0.1) }) {
      #expect(run.stdout.contains(id + " ") || run.stdout.contains(id + "\n"), "\(id)")
    }
  }
}
