import Foundation
import Testing

@testable import ServiceLedger

/// `BoardReport.replay` streams the log; `BoardReport(ledger, …)` folds it read whole. On a
/// generated ledger (decades of monthly reports, restatements and retractions) the two give
/// the same report, byte for byte, at any date and knowledge time.
@Suite("Board report: streamed and whole-log reports are the same")
struct BoardReportStreamTests {
  @Test("dates and knowledge times across a generated ledger, every renderer")
  func generated() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let run = CLI.run(
      ["generate", "--ledger", ledger.path, "--services", "20", "--events", "20000", "--seed", "5"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let whole = try ledger.folder.read()
    let times = whole.events.map(\.at).sorted()
    let cases: [(String, Timestamp?)] = [
      ("1900-03-31", nil), ("2015-03-31", nil), ("2040-12-31", nil),
      ("2015-03-31", times[times.count / 2]), ("2040-12-31", times[times.count / 3]),
      ("2040-12-31", times.first), ("2040-12-31", times.last),
    ]
    for (asOf, knownAt) in cases {
      let period = ReportPeriod(asOf: date(asOf))
      let streamed = try BoardReport.replay(ledger.folder, period: period, knownAt: knownAt)
      let reference = BoardReport(whole, period: period, knownAt: knownAt)
      let label = "\(asOf) known at \(knownAt?.description ?? "-")"
      #expect(streamed.report.markdown == reference.markdown, "\(label)")
      #expect(streamed.report.html == reference.html, "\(label)")
      #expect(streamed.report.json == reference.json, "\(label)")
    }
  }
}
