import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// Corrections as `docs/ledger-format.md` ("Corrections") describes them, through the command
/// line as a user would make them.
@Suite("Corrections: retractions and what they leave")
struct CorrectionsTests {
  @Test("a retracted registration leaves the service out of the views and its id taken")
  func retractedRegistration() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let registered = CLI.run(
      ["record", "service.registered", "service=s", "name=S", "organisation=X"], ledger, seed: 1)
    try #require(registered.exitCode == 0, "\(registered.stderr)")
    let retracted = CLI.run(
      ["record", "event.retracted", "event=\(registered.recordedID)", "reason=typo"], ledger,
      seed: 2)
    try #require(retracted.exitCode == 0, "\(retracted.stderr)")
    #expect(!CLI.run(["services", "--format", "csv"], ledger, seed: 3).stdout.contains("\ns,"))
    let again = CLI.run(
      ["record", "service.registered", "service=s", "name=S2", "organisation=X"], ledger, seed: 4)
    #expect(again.exitCode == 1)
    #expect(again.stderr.contains("service s is already registered"))
  }

  /// A ledger where service `s` has a report for 2014-01-01..2014-03-31 (recorded with seeds 1
  /// and 2), and that report's recording.
  func ledgerWithWrongPeriod() throws -> (TemporaryLedger, CLIRun) {
    let ledger = try TemporaryLedger()
    _ = CLI.run(
      ["record", "service.registered", "service=s", "name=S", "organisation=X"], ledger, seed: 1)
    let wrong = CLI.run(
      ["record", "volume.reported", "service=s", "from=2014-01-01", "to=2014-03-31", "total=100"],
      ledger, seed: 2)
    try #require(wrong.exitCode == 0, "\(wrong.stderr)")
    return (ledger, wrong)
  }

  @Test("a short report retracted for its period, then reported again for the right one")
  func correctedPeriod() throws {
    let (ledger, wrong) = try ledgerWithWrongPeriod()
    defer { ledger.remove() }
    let retracted = CLI.run(
      ["record", "event.retracted", "event=\(wrong.recordedID)", "reason=the period is Jan-Feb"],
      ledger, seed: 3)
    try #require(retracted.exitCode == 0, "\(retracted.stderr)")
    // "To correct a report's period itself, retract it and report again": the withdrawn
    // report's period no longer counts against the overlap rule.
    let corrected = CLI.run(
      ["record", "volume.reported", "service=s", "from=2014-01-01", "to=2014-02-28", "total=90"],
      ledger, seed: 4)
    #expect(corrected.exitCode == 0, "\(corrected.stderr)")
    let check = CLI.run(["check"], ledger, seed: 5)
    #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
    let shift = CLI.run(
      ["channel-shift", "--format", "csv", "--as-of", "2015-01-01"], ledger, seed: 6)
    #expect(shift.stdout.contains("\ns,557,annualised,2014-02-28,"), "\(shift.stdout)")
  }

  @Test("a correction recorded before the retraction is refused; after it, it is taken")
  func correctionBeforeRetraction() throws {
    let (ledger, wrong) = try ledgerWithWrongPeriod()
    defer { ledger.remove() }
    let early = CLI.run(
      ["record", "volume.reported", "service=s", "from=2014-01-01", "to=2014-02-28", "total=90"],
      ledger, seed: 3)
    #expect(early.exitCode == 1)
    #expect(early.stderr.contains("overlaps the report for 2014-01-01..2014-03-31"))
    let retracted = CLI.run(
      ["record", "event.retracted", "event=\(wrong.recordedID)", "reason=Jan-Feb"], ledger,
      seed: 4)
    try #require(retracted.exitCode == 0, "\(retracted.stderr)")
    let late = CLI.run(
      ["record", "volume.reported", "service=s", "from=2014-01-01", "to=2014-02-28", "total=90"],
      ledger, seed: 5)
    #expect(late.exitCode == 0, "\(late.stderr)")
  }

  /// A log written by hand: the registration, the Jan-Mar report, then `lines` in that order.
  func handWritten(_ lines: [String]) throws -> TemporaryLedger {
    let head = [
      #"{"id":"00000000-0000-4000-8000-000000000001","at":"2015-01-01T00:00:01Z","by":"p-0001","type":"service.registered","data":{"service":"s","name":"S","organisation":"X"}}"#,
      #"{"id":"00000000-0000-4000-8000-000000000002","at":"2015-01-01T00:00:02Z","by":"p-0001","type":"volume.reported","data":{"service":"s","from":"2014-01-01","to":"2014-03-31","total":100}}"#,
    ]
    return try TemporaryLedger(files: [
      "ledger.jsonl": (head + lines).joined(separator: "\n") + "\n"
    ])
  }

  static let retraction =
    #"{"id":"00000000-0000-4000-8000-000000000003","at":"2015-01-01T00:00:03Z","by":"p-0001","type":"event.retracted","data":{"event":"00000000-0000-4000-8000-000000000002","reason":"Jan-Feb"}}"#
  static func janFeb(at second: Int) -> String {
    #"{"id":"00000000-0000-4000-8000-00000000010\#(second)","at":"2015-01-01T00:00:0\#(second)Z","by":"p-0001","type":"volume.reported","data":{"service":"s","from":"2014-01-01","to":"2014-02-28","total":90}}"#
  }

  @Test("ledger check: a correction after the retraction is valid, one before it is not")
  func checkOrder() throws {
    let after = try handWritten([Self.retraction, Self.janFeb(at: 4)])
    defer { after.remove() }
    let fine = CLI.run(["check"], after, seed: 1)
    #expect(fine.exitCode == 0, "\(fine.stdout)\(fine.stderr)")
    // Recorded before the retraction, while the Jan-Mar report was in force: still invalid,
    // though the report it overlapped is withdrawn later.
    let before = try handWritten([
      Self.janFeb(at: 3), Self.retraction.replacingOccurrences(of: "03Z", with: "04Z"),
    ])
    defer { before.remove() }
    let refused = CLI.run(["check"], before, seed: 1)
    #expect(refused.exitCode == 1)
    #expect(refused.stdout.contains("ledger.jsonl:3"), "\(refused.stdout)")
    #expect(refused.stdout.contains("overlaps the report for 2014-01-01..2014-03-31"))
    // The whole-log reader judges the same.
    #expect(try after.folder.read().problems.isEmpty)
    #expect(try before.folder.read().problems.map(\.line) == [3])
  }

  @Test("a retracted period reported again as it was; a restatement still holds the period")
  func samePeriodAndRestatement() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let report = ["record", "volume.reported", "service=s", "from=2014-01-01", "to=2014-03-31"]
    let overlapping = [
      "record", "volume.reported", "service=s", "from=2014-01-01", "to=2014-02-28", "total=90",
    ]
    _ = CLI.run(
      ["record", "service.registered", "service=s", "name=S", "organisation=X"], ledger, seed: 1)
    let first = CLI.run(report + ["total=100"], ledger, seed: 2)
    let restated = CLI.run(report + ["total=110"], ledger, seed: 3)
    try #require(first.exitCode == 0 && restated.exitCode == 0, "\(first.stderr)\(restated.stderr)")
    _ = CLI.run(
      ["record", "event.retracted", "event=\(first.recordedID)", "reason=x"], ledger, seed: 4)
    // The restatement is in force and holds Jan-Mar.
    let refused = CLI.run(overlapping, ledger, seed: 5)
    #expect(refused.exitCode == 1)
    #expect(refused.stderr.contains("overlaps the report for 2014-01-01..2014-03-31"))
    _ = CLI.run(
      ["record", "event.retracted", "event=\(restated.recordedID)", "reason=x"], ledger, seed: 6)
    // Nothing holds Jan-Mar now: the same period again, then (after retracting it) Jan-Feb.
    let again = CLI.run(report + ["total=120"], ledger, seed: 7)
    #expect(again.exitCode == 0, "\(again.stderr)")
    #expect(CLI.run(overlapping, ledger, seed: 8).exitCode == 1)
    _ = CLI.run(
      ["record", "event.retracted", "event=\(again.recordedID)", "reason=x"], ledger, seed: 9)
    let corrected = CLI.run(overlapping, ledger, seed: 10)
    #expect(corrected.exitCode == 0, "\(corrected.stderr)")
    #expect(CLI.run(["check"], ledger, seed: 11).exitCode == 0)
  }
}
