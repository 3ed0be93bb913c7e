import Testing

@testable import ServiceLedger

/// The retraction pre-scan finishes a piece's last line by reading on past the piece: a line
/// of many megabytes is read in growing steps and searched a few times (it was 4 KiB at a
/// time, the whole line searched again after each: a 16 MB line took over a minute).
@Suite("RetractionScan: long lines")
struct RetractionScanTests {
  @Test("retractions around a 16 MB line are found", .timeLimit(.minutes(5)))
  func longLine() throws {
    let retraction = { (number: Int, target: String) in
      CheckFixture.line(
        number, "event.retracted", #"{"event":"\#(target)","reason":"entered in error"}"#)
    }
    let first = "00000000-0000-4000-8000-000000000101"
    let second = "00000000-0000-4000-8000-000000000102"
    let ledger = try TemporaryLedger(files: [
      "a.jsonl": retraction(1, first) + "\n" + String(repeating: "{", count: 16 << 20) + "\n"
        + retraction(2, second) + "\n"
    ])
    defer { ledger.remove() }
    let targets = try RetractionScan.targets(
      in: ledger.folder, knownAt: nil, reader: LogFileReader())
    #expect(targets.withdrawn == [EventID(unchecked: first), EventID(unchecked: second)])
    #expect(targets.named == targets.withdrawn)
  }
}
