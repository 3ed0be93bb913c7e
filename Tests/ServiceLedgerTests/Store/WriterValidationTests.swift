import Foundation
import Testing

@testable import ServiceLedger

/// The writer's one path, checked against the replay cache or against the whole log: the same
/// bytes, the same file states and the same rejections either way.
@Suite("Writer: cached and whole-log validation agree")
struct WriterValidationTests {
  /// Two ledgers with the same lines; the cache is built in each by the first append.
  static func pair() throws -> (TemporaryLedger, TemporaryLedger) {
    (
      try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered]),
      try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    )
  }

  @Test("a two-file batch, then a single event: identical files and states")
  func sameBytes() throws {
    let (cached, whole) = try Self.pair()
    defer {
      cached.remove()
      whole.remove()
    }
    var factory = EventFactory()
    factory.start = Timestamp(seconds: 1_440_000_000)
    var later = factory.make(
      .componentAdopted(
        ComponentAdopted(
          service: service("a"), component: ComponentID(unchecked: "later"),
          on: date("2015-06-01"))))
    later.id = EventID(unchecked: "00000000-0000-4000-8000-0000000000aa")
    for batches in [FaultInjectionTests.batches("a"), [("b.jsonl", [later])]] {
      let viaCache = try LedgerWriter(folder: cached.folder).append(
        batches, source: "t", validation: .cached)
      let viaLog = try LedgerWriter(folder: whole.folder).append(
        batches, source: "t", validation: .wholeLog)
      #expect(viaCache == viaLog)
    }
    #expect(cached.folder.hasFile(ReplayCache.fileName))
    for file in ["ledger.jsonl", "b.jsonl"] { #expect(cached.bytes(file) == whole.bytes(file)) }
    #expect(try cached.folder.readValid().events.count == 6)
  }

  @Test("an unknown service and an at going back are rejected alike, nothing written")
  func sameRejections() throws {
    let (cached, whole) = try Self.pair()
    defer {
      cached.remove()
      whole.remove()
    }
    // The cache is built and current before the rejected appends.
    try LedgerWriter(folder: cached.folder).append(
      FaultInjectionTests.batches("n"), source: "t", validation: .cached)
    try LedgerWriter(folder: whole.folder).append(
      FaultInjectionTests.batches("n"), source: "t", validation: .wholeLog)
    var factory = EventFactory()
    factory.start = Timestamp(seconds: 1_440_000_000)
    var unknown = factory.make(
      .componentAdopted(
        ComponentAdopted(
          service: service("nowhere"), component: ComponentID(unchecked: "x"),
          on: date("2015-01-02"))))
    unknown.id = EventID(unchecked: "00000000-0000-4000-8000-0000000000aa")
    // Later than every line, but going back within the batch.
    let backwards = (0..<2).map { index in
      var event = factory.make(
        .componentAdopted(
          ComponentAdopted(
            service: service("a"), component: ComponentID(unchecked: "late-\(index)"),
            on: date("2015-01-02"))))
      event.id = EventID(unchecked: "00000000-0000-4000-8000-0000000000b\(index)")
      return event
    }
    for (batches, says) in [
      ([("ledger.jsonl", [unknown])], "service nowhere is not registered"),
      ([("ledger.jsonl", Array(backwards.reversed()))], "is not later than"),
    ] {
      var messages: [String] = []
      for (ledger, validation) in [
        (cached, LedgerWriter.Validation.cached), (whole, .wholeLog),
      ] {
        let before = ledger.bytes("ledger.jsonl")
        do {
          try LedgerWriter(folder: ledger.folder).append(
            batches, source: "in.jsonl", validation: validation)
          Issue.record("\(validation) accepted \(batches)")
        } catch {
          messages.append("\(error)")
        }
        #expect(ledger.bytes("ledger.jsonl") == before)
      }
      #expect(messages.count == 2)
      #expect(Set(messages).count == 1, "\(messages)")
      #expect(messages.allSatisfy { $0.contains(says) }, "\(messages)")
    }
  }

  @Test(
    "failing at each point of a cached append leaves every log byte as it was",
    arguments: 1...9)
  func failAt(point: Int) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    let writer = LedgerWriter(
      folder: ledger.folder, faults: FaultInjection(action: .fail, point: point))
    #expect {
      try writer.append(FaultInjectionTests.batches("f"), source: "t", validation: .cached)
    } throws: { error in
      "\(error)".contains("No space left on device") && "\(error)".hasSuffix("nothing was written")
    }
    #expect(ledger.text("ledger.jsonl") == FaultInjectionTests.registered)
    #expect(!ledger.folder.hasFile("b.jsonl"))
    #expect(!ledger.folder.hasFile(AppendJournal.fileName))
    try FaultInjectionTests.recordReadRepair(ledger)
  }
}
