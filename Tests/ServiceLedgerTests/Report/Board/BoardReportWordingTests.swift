import Foundation
import Testing

@testable import ServiceLedger

/// What the board report says about its own figures: a part of a money figure is never shown
/// as a bare signed amount a reader could take for a change in cost, and the command it
/// prints to reproduce itself names the ledger it was made from.
@Suite("Board report: how figures and the reproduce command read")
struct BoardReportWordingTests {
  static let shipped = packageRoot + "/events"

  @Test("the stale part of cost and saving is a share with its change in points, in every format")
  func staleShare() throws {
    let markdown = CLI.run(["report", "--quarter", "2015-Q1"], ledger: Self.shipped).stdout
    #expect(
      markdown.contains(
        "| Share of that cost resting on stale figures | 99.5% (£52,534,318) | 0.1% (£28,818) "
          + "| +99.4 pp |"))
    #expect(
      markdown.contains(
        "| Share of that saving resting on stale figures | 99.3% (£6,572,673) | 0.3% (£22,653) "
          + "| +99.0 pp |"))
    // No row about stale figures has a money change (`+£52,505,500`).
    let staleRows = markdown.split(separator: "\n").filter { $0.contains("stale figures |") }
    #expect(staleRows.count == 2)
    for row in staleRows {
      let change = row.split(separator: "|").last.map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(change?.hasSuffix(" pp") == true, "\(row)")
    }
    let html = CLI.run(
      ["report", "--quarter", "2015-Q1", "--format", "html"], ledger: Self.shipped)
    #expect(
      html.stdout.contains(
        "<td>Share of that cost resting on stale figures</td><td class=\"num\">99.5% "
          + "(£52,534,318)</td><td class=\"num\">0.1% (£28,818)</td><td class=\"num\">+99.4 pp"))
    let json = CLI.run(
      ["report", "--quarter", "2015-Q1", "--format", "json"], ledger: Self.shipped)
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let headlines = try #require(parsed?["headlines"] as? [String: [String: Any]])
    #expect(headlines["current"]?["staleCostShare"] as? Double == 0.9946)
    #expect(headlines["previous"]?["staleCostShare"] as? Double == 0.0006)
    #expect(headlines["previous"]?["staleSavingShare"] as? Double == 0.0034)
    #expect(headlines["current"]?["staleSavingShare"] as? Double == 0.9931)
  }

  @Test("a share of nothing is `-`, not a division by zero")
  func shareOfNothing() {
    let ledger = Ledger()
    let report = BoardReport(ledger, period: ReportPeriod(asOf: date("2015-03-31")))
    let rows = report.headlineRows.filter { $0.label.hasPrefix("Share of that") }
    #expect(rows.count == 2)
    #expect(rows.allSatisfy { $0.current == "- (£0)" && $0.change == "-" })
  }

  @Test("the reproduce command names the ledger as given, quoted for the shell when it must be")
  func reproductionNamesTheLedger() throws {
    let ledger = try BoardReport(
      shippedLedger.get(), period: ReportPeriod(quarter: try #require(Quarter("2015-Q1"))))
    var report = ledger
    #expect(report.reproduction?.hasPrefix("ledger report --quarter 2015-Q1 --known-at ") == true)
    report.ledger = "events"
    #expect(
      report.reproduction
        == "ledger report --ledger events --quarter 2015-Q1 --known-at 2026-11-21T09:02:00.000009Z")
    report.ledger = "../ledgers/moj-2012"
    #expect(report.reproduction?.hasPrefix("ledger report --ledger ../ledgers/moj-2012 ") == true)
    report.ledger = "my ledger's copy"
    #expect(
      report.reproduction?.hasPrefix(#"ledger report --ledger 'my ledger'\''s copy' --quarter"#)
        == true)
    #expect(Format.shellQuoted("~/l") == "'~/l'" && Format.shellQuoted("") == "''")
    #expect(Format.shellQuoted("a$b`c") == "'a$b`c'")
  }

  @Test("a backtick in the ledger's name does not end the Markdown code span of the command")
  func reproductionWithABacktick() throws {
    var report = try BoardReport(
      shippedLedger.get(), period: ReportPeriod(quarter: try #require(Quarter("2015-Q1"))))
    report.ledger = "it`s ``here``"
    let command = try #require(report.reproduction)
    #expect(command.hasPrefix("ledger report --ledger 'it`s ``here``' --quarter 2015-Q1 "))
    // A span between runs of three backticks: longer than any run inside it, so the whole
    // command reads as code (one backtick would end the span at `it`).
    #expect(
      report.markdown.contains(
        " ```\(command)``` reproduces these figures whatever is recorded later.\n"))
    #expect(BoardReport.codeSpan("`a`") == "`` `a` ``")
    #expect(BoardReport.codeSpan("ledger report") == "`ledger report`")
  }

  @Test("the printed command, run by a shell in the same folder, makes the same report")
  func reproductionRuns() throws {
    let root = NSTemporaryDirectory() + "ledger-reproduce-" + UUID().uuidString.lowercased()
    let name = "board's ledger"
    try FileManager.default.createDirectory(
      atPath: root + "/" + name, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    for file in try FileManager.default.contentsOfDirectory(atPath: Self.shipped)
    where file.hasSuffix(".jsonl") {
      try FileManager.default.copyItem(
        atPath: Self.shipped + "/" + file, toPath: root + "/" + name + "/" + file)
    }
    let binary = Format.shellQuoted(Binary.path)
    let first = try Self.shell(
      "\(binary) report --ledger \(Format.shellQuoted(name)) --quarter 2015-Q1 --format html",
      in: root)
    #expect(first.status == 0, "\(first.stderr)")
    let start = try #require(first.stdout.range(of: "<p class=\"meta\"><code>ledger report "))
    let end = try #require(first.stdout[start.upperBound...].range(of: " --format html</code>"))
    let command = String(first.stdout[start.upperBound..<end.lowerBound])
      .replacingOccurrences(of: "&#39;", with: "'")
    #expect(command.hasPrefix(#"--ledger 'board'\''s ledger' --quarter 2015-Q1 --known-at "#))
    // From the same folder the command finds the ledger (there is no ./events to fall back
    // on) and prints the same command at its foot.
    let again = try Self.shell("\(binary) report \(command) --format html", in: root)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("<code>ledger report " + command.htmlEscapedQuotes))
  }

  /// Runs `command` with `/bin/sh -c` in `directory`.
  static func shell(_ command: String, in directory: String) throws -> Binary.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = ["PATH": "/usr/bin:/bin", "LEDGER_NOW": "2026-11-30T12:00:00Z"]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Binary.Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}

extension String {
  /// `'` as the report's HTML writes it.
  fileprivate var htmlEscapedQuotes: String { replacingOccurrences(of: "'", with: "&#39;") }
}
