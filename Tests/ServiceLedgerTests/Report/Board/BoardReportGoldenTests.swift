import Foundation
import Testing

@testable import ServiceLedger

/// The 2015-Q1 board report of the shipped ledger, compared with the files under
/// `Fixtures/golden/report/`. Run with `RECORD_GOLDEN=1` to write them afresh, then read the
/// diff: the figures must be right.
@Suite("Board report: golden outputs on the shipped ledger")
struct BoardReportGoldenTests {
  static let folder = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/golden/report/"
  static let isRecording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

  @Test("markdown and json of 2015-Q1 match their golden files", arguments: ["markdown", "json"])
  func golden(format: String) throws {
    let run = CLI.run(
      ["report", "--quarter", "2015-Q1", "--format", format], ledger: packageRoot + "/events")
    #expect(run.exitCode == 0)
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    // The reproduce command names the ledger as given: as `make report` gives it.
    let output = run.stdout.replacingOccurrences(of: packageRoot + "/events", with: "events")
    let path = Self.folder + "2015-Q1." + (format == "json" ? "json" : "md")
    if Self.isRecording {
      try Data(output.utf8).write(to: URL(fileURLWithPath: path))
      return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(output == expected, "\(path) differs; RECORD_GOLDEN=1 swift test re-records it")
  }

  @Test("the headline figures agree with the board views they come from")
  func figures() throws {
    let ledger = try shippedLedger.get()
    let report = BoardReport(ledger, period: ReportPeriod(asOf: date("2015-03-31")))
    let now = report.headlines
    #expect(now.services == 26)
    #expect(now.priorityServices == 16)
    // The strategy's four exemplars, covering five services, none with a phase recorded.
    #expect(now.exemplars == 4 && now.exemplarServices == 5 && now.exemplarsLive == 0)
    #expect(now.exemplarsUnknown == 4 && now.exemplarsLate == 0)
    #expect(now.actions == 20 && now.actionsLate == 0 && now.actionsPastDueWithNoProgress == 2)
    #expect(now.actionsWithNoProgress == 20)
    #expect(now.milestones == 10 && now.milestonesLate == 0)
    #expect(now.milestonesPastDueWithNoProgress == 9)
    #expect(now.errors == 0 && now.warnings == 11)
    // The same figures as `ledger channel-shift` and `ledger priorities` at each date.
    let shift = ChannelShiftView.json(report.current.shift, rows: report.current.shift.rows)
    #expect(shift.serialized().contains(#""digitalTakeUp":0.3617,"cost":52820540,"#))
    #expect(now.cost.rounded() == 52_820_540)
    #expect(
      now.transactions == report.current.priorities.rows.compactMap(\.annual.volume).reduce(0, +))
    #expect(report.previousHeadlines.takeUp.map(Format.rate) == 0.34)
    #expect(report.period.previousEnd == date("2014-12-31"))
  }
}
