import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// `ledger log` as a service manager reads it: a withdrawn event never reads as if it stood.
@Suite("ledger log: retracted events are marked, and their retractions listed")
struct LogViewTests {
  /// The events of `ledger log --format json`'s output.
  func events(_ output: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
    return try #require(object?["events"] as? [[String: Any]], "\(output)")
  }

  /// A ledger with service `s` and two reports, the first retracted; the ids of the retracted
  /// report and of its retraction.
  func ledgerWithRetraction() throws -> (TemporaryLedger, report: String, retraction: String) {
    let ledger = try TemporaryLedger()
    let steps: [[String]] = [
      ["record", "service.registered", "service=s", "name=S", "organisation=X"],
      ["record", "service.registered", "service=t", "name=T", "organisation=X"],
      ["record", "volume.reported", "service=s", "from=2014-01-01", "to=2014-03-31", "total=100"],
      ["record", "volume.reported", "service=t", "from=2014-01-01", "to=2014-03-31", "total=7"],
    ]
    var ids: [String] = []
    for (index, step) in steps.enumerated() {
      let outcome = CLI.run(step, ledger, seed: index + 1)
      try #require(outcome.exitCode == 0, "\(outcome.stderr)")
      ids.append(outcome.recordedID)
    }
    let retraction = CLI.run(
      ["record", "event.retracted", "event=\(ids[2])", "reason=typo"], ledger, seed: 9)
    try #require(retraction.exitCode == 0, "\(retraction.stderr)")
    return (ledger, ids[2], retraction.recordedID)
  }

  @Test("--service lists the retraction of the service's event, and marks the event retracted")
  func serviceFilter() throws {
    let (ledger, report, retraction) = try ledgerWithRetraction()
    defer { ledger.remove() }
    let table = CLI.run(["log", "--service", "s"], ledger, seed: 20)
    #expect(table.exitCode == 0, "\(table.stderr)")
    let rows = table.stdout.split(separator: "\n").dropFirst(2)
    #expect(rows.count == 3, "\(table.stdout)")
    #expect(rows.dropFirst().first?.contains("(retracted) from=2014-01-01 to=2014-03-31") == true)
    #expect(rows.last?.contains("event.retracted") == true)
    #expect(rows.last?.contains(report) == true)
    // Another service's log shows neither the retraction nor a mark.
    let other = CLI.run(["log", "--service", "t"], ledger, seed: 21)
    #expect(!other.stdout.contains("retracted"), "\(other.stdout)")

    let json = CLI.run(["log", "--service", "s", "--format", "json"], ledger, seed: 22)
    let events = try self.events(json.stdout)
    #expect(events.count == 3)
    #expect(events[1]["id"] as? String == report)
    #expect(events[1]["retractedBy"] as? String == retraction)
    #expect(events[0]["retractedBy"] is NSNull)
    #expect(events[2]["type"] as? String == "event.retracted")
  }

  @Test("as known before the retraction, the event is not marked and its retraction not listed")
  func knownAt() throws {
    let (ledger, _, _) = try ledgerWithRetraction()
    defer { ledger.remove() }
    let all = CLI.run(["log", "--format", "json"], ledger, seed: 30)
    let events = try self.events(all.stdout)
    // The moment the last report was recorded: before its retraction.
    let before = try #require(events[3]["at"] as? String)
    let earlier = CLI.run(["log", "--service", "s", "--known-at", before], ledger, seed: 31)
    #expect(earlier.exitCode == 0, "\(earlier.stderr)")
    #expect(!earlier.stdout.contains("retracted"), "\(earlier.stdout)")
  }
}
