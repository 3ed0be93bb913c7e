import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// `ledger registry`'s PERIOD column: the period as printed, else the dates the registration
/// gives, never `-` for a plan with dates; the table still fits an 80-column terminal.
@Suite("ledger registry: a plan's dates when no period is printed")
struct RegistryPeriodTests {
  @Test("closed, open-ended and until periods show their dates, within 80 columns")
  func datesShown() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let pack = packageRoot + "/plans/to-hieu-school/to-hieu-school.jsonl"
    try ledger.write("to-hieu-school.jsonl", try String(contentsOfFile: pack, encoding: .utf8))
    let plans = [
      ["plan=to-hieu-year-plan", "form=plan", "from=2022-05-01", "to=2023-05-31"],
      ["plan=to-hieu-rules", "form=regulation", "from=2022-09-05"],
      ["plan=to-hieu-letter", "form=letter", "to=2023-06-30"],
    ]
    for (index, fields) in plans.enumerated() {
      let run = CLI.run(
        ["record", "plan.registered", "title=Kế hoạch \(index)", "organisation=to-hieu-school"]
          + fields, ledger: ledger.path, now: "2026-11-30T10:00:0\(index)Z")
      #expect(run.exitCode == 0, "\(run.stderr)")
    }
    let table = CLI.run(
      ["registry", "--as-of", "2022-12-31"], ledger: ledger.path,
      terminal: OutputTerminal(columns: 80))
    #expect(table.exitCode == 0, "\(table.stderr)")
    let lines = table.stdout.split(separator: "\n")
    #expect(lines.allSatisfy { Format.displayWidth($0) <= 80 }, "\(table.stdout)")
    for period in ["2022-05-01 to 2023-05-31", "from 2022-09-05", "until 2023-06-30"] {
      #expect(lines.contains { $0.contains(period) }, "\(period) missing:\n\(table.stdout)")
    }
    // The rows of the three plans say their dates, not "-"; the note counts none without one.
    let rows = lines.filter { $0.hasPrefix("Trường Tiểu học Tô Hiệu") }
    #expect(rows.count == 4 && rows.allSatisfy { !$0.contains("  -  ") }, "\(rows)")
    #expect(table.stdout.contains("6 document(s); 0 without a period."))
    let piped = CLI.run(
      ["registry", "--as-of", "2022-12-31", "--format", "csv"], ledger: ledger.path)
    #expect(piped.stdout.contains(",letter,Kế hoạch 2,until 2023-06-30,in-force,none\r\n"))
  }
}
