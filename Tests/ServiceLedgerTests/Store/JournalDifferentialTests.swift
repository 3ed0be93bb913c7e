import Foundation
import Testing

@testable import ServiceLedger

/// A cut-off append's journal pointing anywhere in a file, and torn tails of any length: the
/// streamed replay must leave out and report exactly what the whole-log read does.
@Suite("Journals and torn tails: streamed replay against the whole-log read")
struct JournalDifferentialTests {
  /// The streamed replay's events and problems equal the whole-log read's.
  static func expectAgreement(_ ledger: TemporaryLedger, _ label: String) throws {
    let read = try ledger.folder.read()
    let streamed = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
    #expect(streamed.fold.count == read.events.count, "\(label)")
    #expect(streamed.problems == read.problems, "\(label)")
  }

  @Test("a journal whose length is 0, a line boundary, mid-line, the end or past it")
  func journalLengths() throws {
    let (probe, _) = try RepairTests.ledger(events: 4)
    let committed = probe.bytes("ledger.jsonl")
    probe.remove()
    let breaks = committed.indices.filter { committed[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    let lengths = [0, 1, breaks[0] - 1] + breaks + [breaks[1] + 7, committed.count + 9]
    for length in lengths {
      for tail in ["", "{\"id\":", "x\n{\"torn"] {
        let (ledger, _) = try RepairTests.ledger(events: 4)
        defer { ledger.remove() }
        try ledger.write("ledger.jsonl", String(decoding: committed, as: UTF8.self) + tail)
        // The journal of a batch that wrote what follows `length`.
        let file = committed + Array(tail.utf8)
        let journal = AppendJournal(
          lengths: ["ledger.jsonl": length, "gone.jsonl": 3],
          batches: ["ledger.jsonl": Array(file.dropFirst(length)), "gone.jsonl": [10]])
        try ledger.write(AppendJournal.fileName, String(decoding: journal.bytes, as: UTF8.self))
        try Self.expectAgreement(ledger, "length \(length), tail \(tail.debugDescription)")
      }
    }
  }

  @Test("torn last lines of 1 byte, exactly 1 MiB and 3 MiB: read, streamed and repaired alike")
  func tornTails() throws {
    for size in [1, 1 << 20, (1 << 20) - 1, (1 << 20) + 1, 3 << 20] {
      let (ledger, _) = try RepairTests.ledger(events: 3)
      defer { ledger.remove() }
      let committed = ledger.bytes("ledger.jsonl")
      let torn = [UInt8](repeating: UInt8(ascii: "a"), count: size)
      try ledger.write("ledger.jsonl", String(decoding: committed + torn, as: UTF8.self))
      try Self.expectAgreement(ledger, "torn \(size)")
      let outcome = try LedgerRepair(folder: ledger.folder).repair(
        now: Timestamp(seconds: 1_500_000_000))
      #expect(outcome.moves.map(\.line) == [4], "torn \(size)")
      #expect(outcome.moves.map(\.byteCount) == [size], "torn \(size)")
      #expect(ledger.bytes("ledger.jsonl") == committed, "torn \(size)")
    }
  }
}
