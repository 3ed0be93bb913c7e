import Foundation
import Testing

@testable import ServiceLedger

/// Batch appends cut off at every write and `fsync` (by the writer's fault-injection hook),
/// then a single record, reads and repair: a line reported as recorded is never hidden or
/// moved, and a failed append leaves every byte as it was.
@Suite("Fault injection at every write and sync point", .serialized)
struct FaultInjectionTests {
  static let registered =
    #"{"id":"00000000-0000-4000-8000-0000000000ff","at":"2015-01-01T00:00:00Z","by":"p-1","#
    + #""type":"service.registered","data":{"service":"a","name":"A","organisation":"OPG"}}"#
    + "\n"

  /// A batch for two files: three adoptions in `ledger.jsonl`, one in `b.jsonl` (new).
  static func batches(_ tag: String) -> [LedgerWriter.Batch] {
    var factory = EventFactory()
    factory.start = Timestamp(seconds: 1_430_000_000)
    let events = (0..<4).map { index in
      factory.make(
        .componentAdopted(
          ComponentAdopted(
            service: service("a"), component: ComponentID(unchecked: "\(tag)-\(index)"),
            on: date("2015-01-02"))))
    }
    return [("ledger.jsonl", Array(events[0..<3])), ("b.jsonl", [events[3]])]
  }

  /// How many points a two-file batch passes: journal write and sync, folder sync, each
  /// file's write and sync, the journal's removal, folder sync.
  @Test("a two-file batch has nine write and sync points")
  func pointCount() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registered])
    defer { ledger.remove() }
    let faults = FaultInjection(action: .fail, point: 1000)
    try LedgerWriter(folder: ledger.folder, faults: faults).append(Self.batches("n"), source: "t")
    #expect(faults.count == 9)
  }

  @Test("failing at each point leaves every byte as it was and no journal", arguments: 1...9)
  func failAt(point: Int) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registered])
    defer { ledger.remove() }
    let before = try FileManager.default.contentsOfDirectory(atPath: ledger.path).sorted()
    let writer = LedgerWriter(
      folder: ledger.folder, faults: FaultInjection(action: .fail, point: point))
    #expect {
      try writer.append(Self.batches("f"), source: "t")
    } throws: { error in
      "\(error)".contains("No space left on device") && "\(error)".hasSuffix("nothing was written")
    }
    #expect(ledger.text("ledger.jsonl") == Self.registered)
    #expect(try FileManager.default.contentsOfDirectory(atPath: ledger.path).sorted() == before)
    try Self.recordReadRepair(ledger)
  }

  /// A ledger of one registration whose batch append of three lines was killed at `point`.
  static func killedAppend(at point: Int) throws -> TemporaryLedger {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": registered])
    let input = ledger.path + "-batch.jsonl"
    defer { try? FileManager.default.removeItem(atPath: input) }
    let lines = (0..<3).map { index in
      #"{"type":"component.adopted","data":{"service":"a","component":"k-\#(index)","#
        + #""on":"2015-01-02"}}"#
    }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: input))
    let killed = Spawn.run(
      ["append", input],
      environment: [
        "LEDGER_DIR": ledger.path, "LEDGER_ACTOR": "p-1", "LEDGER_TEST_FAULT": "kill:\(point)",
        "LEDGER_NOW": "2015-02-01T00:00:00Z",
      ])
    #expect(killed.status != 0, "the writer should have been killed at point \(point)")
    return ledger
  }

  @Test("killed at each point of a batch, then record, read and repair", arguments: 1...7)
  func killAt(point: Int) throws {
    let ledger = try Self.killedAppend(at: point)
    defer { ledger.remove() }
    // Readers leave an unfinished batch out: all or nothing (past the journal's removal, at
    // the last point, the batch is whole).
    let read = try ledger.folder.read()
    #expect(read.events.count == (point == 7 ? 4 : 1))
    let written = ledger.bytes("ledger.jsonl").count > Self.registered.utf8.count
    let recorded = try Self.recordReadRepair(ledger)
    // The record says what it rolled back when the killed batch had written lines.
    #expect(
      recorded.stderr.contains("an append cut off earlier was rolled back first")
        == (written && point < 7), "\(recorded.stderr)")
  }

  /// A single record after whatever the fault left: it is reported at a line, and from then on
  /// every reader has it at that line, `check` is clean, and `repair` leaves it where it is.
  @discardableResult
  static func recordReadRepair(_ ledger: TemporaryLedger) throws -> CLIRun {
    let recorded = CLI.run(
      ["record", "component.adopted", "service=a", "component=after", "on=2015-03-01"],
      ledger: ledger.path, now: "2015-04-01T00:00:00Z")
    try #require(recorded.exitCode == 0, "\(recorded.stderr)")
    let line = try #require(
      recorded.stdout.split(separator: ":").last.flatMap {
        Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
      })
    #expect(!ledger.folder.hasFile(AppendJournal.fileName))
    func located() throws -> EventLocation? {
      try ledger.folder.read().events.first { event in
        if case .componentAdopted(let adopted) = event.event {
          return adopted.component.rawValue == "after"
        }
        return false
      }?.location
    }
    #expect(try located() == EventLocation(file: "ledger.jsonl", line: line))
    let log = CLI.run(["log", "--format", "json"], ledger: ledger.path)
    #expect(log.stdout.contains("\"after\""))
    let check = CLI.run(["check", "--as-of", "2015-04-01"], ledger: ledger.path)
    #expect(!check.stdout.contains("torn-line"), "\(check.stdout)")
    let repair = CLI.run(["repair"], ledger: ledger.path)
    #expect(repair.stdout.hasPrefix("nothing to repair"), "\(repair.stdout)")
    #expect(try located() == EventLocation(file: "ledger.jsonl", line: line))
    return recorded
  }
}
