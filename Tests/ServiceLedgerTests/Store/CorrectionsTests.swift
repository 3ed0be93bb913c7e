import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// Corrections as `docs/ledger-format.md` ("Corrections") describes them, through the command
/// line as a user would make them.
@Suite("Corrections: retractions and what they leave")
struct CorrectionsTests {
  /// Runs `arguments` on `ledger` with ids of its own (`LEDGER_SEED`).
  func run(_ arguments: [String], _ ledger: TemporaryLedger, seed: Int) -> CLIRun {
    CLI.run(arguments, ledger: ledger.path, environment: ["LEDGER_SEED": "\(seed)"])
  }

  /// The id `ledger record` printed: `recorded TYPE ID at FILE:LINE`.
  func recordedID(_ run: CLIRun) -> String {
    run.stdout.split(separator: " ").dropFirst(2).first.map(String.init) ?? ""
  }

  @Test("a retracted registration leaves the service out of the views and its id taken")
  func retractedRegistration() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let registered = run(
      ["record", "service.registered", "service=s", "name=S", "organisation=X"], ledger, seed: 1)
    try #require(registered.exitCode == 0, "\(registered.stderr)")
    let retracted = run(
      ["record", "event.retracted", "event=\(recordedID(registered))", "reason=typo"], ledger,
      seed: 2)
    try #require(retracted.exitCode == 0, "\(retracted.stderr)")
    #expect(!run(["services", "--format", "csv"], ledger, seed: 3).stdout.contains("\ns,"))
    let again = run(
      ["record", "service.registered", "service=s", "name=S2", "organisation=X"], ledger, seed: 4)
    #expect(again.exitCode == 1)
    #expect(again.stderr.contains("service s is already registered"))
  }

  @Test("a short report retracted for its period, then reported again for the right one")
  func correctedPeriod() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    _ = run(
      ["record", "service.registered", "service=s", "name=S", "organisation=X"], ledger, seed: 1)
    let wrong = run(
      ["record", "volume.reported", "service=s", "from=2014-01-01", "to=2014-03-31", "total=100"],
      ledger, seed: 2)
    try #require(wrong.exitCode == 0, "\(wrong.stderr)")
    let retracted = run(
      ["record", "event.retracted", "event=\(recordedID(wrong))", "reason=the period is Jan-Feb"],
      ledger, seed: 3)
    try #require(retracted.exitCode == 0, "\(retracted.stderr)")
    // "To correct a report's period itself, retract it and report again": a period that does
    // not overlap the withdrawn one is taken, but one that does is refused, because the
    // validator still counts the withdrawn report's period (ShortReports has no way to drop
    // it). When that is fixed, this known issue stops being recorded and the test fails:
    // remove `withKnownIssue`.
    withKnownIssue("a retracted short report still blocks an overlapping period") {
      let corrected = run(
        ["record", "volume.reported", "service=s", "from=2014-01-01", "to=2014-02-28", "total=90"],
        ledger, seed: 4)
      #expect(corrected.exitCode == 0, "\(corrected.stderr)")
    }
  }
}
