import Foundation
import Testing

@testable import ServiceLedger

@Suite("Times in the future: LEDGER_NOW when recording, --known-at when reading")
struct FutureTimeTests {
  @Test(
    "LEDGER_NOW ahead of the machine's clock is refused when recording, and nothing is written",
    arguments: ["9999-12-31T23:59:59Z", "2999-01-01T00:00:00Z"])
  func recordingInTheFuture(now: String) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let run = CLI.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG"],
      ledger: ledger.path, now: now)
    #expect(run.exitCode == 64)
    #expect(run.stderr.contains("LEDGER_NOW=\(now) is more than 5 minutes after"))
    #expect(ledger.text("ledger.jsonl").isEmpty)
  }

  @Test("LEDGER_NOW in the past still records (reproducible builds)")
  func recordingInThePast() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let run = CLI.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG"],
      ledger: ledger.path, now: "2015-04-01T09:00:00Z")
    #expect(run.exitCode == 0, "\(run.stderr)")
  }

  @Test(
    "--known-at later than now is refused by every reading command",
    arguments: [["priorities"], ["log"], ["report"], ["check"], ["plans"]])
  func knownAtInTheFuture(command: [String]) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let run = CLI.run(command + ["--known-at", "2099-01-01"], ledger: ledger.path)
    #expect(run.exitCode == 64, "\(command): \(run.stdout)")
    #expect(run.stderr.contains("--known-at 2099-01-01 is in the future"))
  }

  @Test("--known-at at or before now is read as before")
  func knownAtInThePast() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let run = CLI.run(
      ["priorities", "--known-at", "2015-04-01T09:00:00Z", "--format", "json"],
      ledger: ledger.path)
    #expect(run.exitCode == 0, "\(run.stderr)")
  }
}
