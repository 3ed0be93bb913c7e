import Foundation
import Testing

@testable import ServiceLedger

/// A retraction names an earlier event: one naming its own id withdraws nothing that was
/// recorded before it, and is refused like a retraction of an id the log does not hold.
@Suite("A retraction of itself is refused")
struct SelfRetractionTests {
  static let id = "00000000-0000-4000-8000-000000000311"
  static let line = CheckFixture.line(
    0x311, "event.retracted", #"{"event":"\#(id)","reason":"withdraws itself"}"#)

  @Test("ledger check reports it as unknown-reference, at its line")
  func check() throws {
    let fixture = try CheckFixture.clean().appending("services.jsonl", Self.line)
    let findings = try fixture.report().findings
    #expect(findings.map(\.rule) == ["unknown-reference"], "\(findings)")
    let finding = try #require(findings.first)
    #expect(finding.file == "services.jsonl")
    #expect(finding.line == 16)
    #expect(finding.message.contains("retraction's own id"), "\(finding.message)")
  }

  @Test(
    "an append of one is refused, through the cache and the whole log alike, nothing written",
    arguments: [LedgerWriter.Validation.cached, .wholeLog])
  func append(validation: LedgerWriter.Validation) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    // The cache is built and current before the refused append.
    try LedgerWriter(folder: ledger.folder).append(
      FaultInjectionTests.batches("r"), source: "t", validation: .cached)
    let before = ledger.text("ledger.jsonl")
    var factory = EventFactory()
    factory.start = Timestamp(seconds: 1_440_000_000)
    var retraction = factory.make(
      .eventRetracted(
        EventRetracted(event: EventID(unchecked: Self.id), reason: "withdraws itself")))
    retraction.id = EventID(unchecked: Self.id)
    #expect {
      try LedgerWriter(folder: ledger.folder).append(
        [("ledger.jsonl", [retraction])], source: "in.jsonl", validation: validation)
    } throws: { error in
      "\(error)".contains("retraction's own id")
    }
    #expect(ledger.text("ledger.jsonl") == before)
  }
}
