import Foundation
import Testing

@testable import ServiceLedger

/// `ledger restamp` rolls back a batch a killed writer left before it restamps, as every writer
/// does: it must say so, as `record` and `append` do, not move the lines aside unannounced.
@Suite("A stale journal, then restamp", .serialized)
struct JournalRestampTests {
  @Test("restamp says which lines of a cut-off append it moved aside, and where")
  func restampNamesTheMove() throws {
    let ledger = try JournalPullTests.killedAppend(at: 6)
    defer { ledger.remove() }
    let base = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { base.remove() }
    let run = CLI.run(["restamp", "--base", base.path], ledger: ledger.path)
    #expect(run.exitCode == 0, "\(run.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
    let side = try #require(names.first { $0.contains(".torn-") }, "\(names)")
    #expect(ledger.text(side).contains("k-0"))
    #expect(
      run.stderr.contains("an append cut off earlier was rolled back first: 3 line(s)"),
      "\(run.stderr)")
    #expect(run.stderr.contains(side), "\(run.stderr)")
  }
}
