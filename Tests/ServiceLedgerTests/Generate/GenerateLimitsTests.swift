import Foundation
import Testing

@testable import ServiceLedger

/// `ledger generate` with more services than events writes the events asked for, at once:
/// services beyond the events are never registered, so they are neither counted nor looped
/// over (`--services 9223372036854775807` trapped on an overflow; 100,000,000,000 took hours).
@Suite("Generating with more services than events (built binary)")
struct GenerateLimitsTests {
  @Test("a service count past the events, up to the integer limit, gives the events asked for")
  func servicesPastEvents() throws {
    let parent = try TemporaryLedger()
    defer { parent.remove() }
    for services in ["9223372036854775807", "100000000000"] {
      let folder = parent.path + "/g-" + services
      let result = try Binary.run([
        "generate", "--ledger", folder, "--services", services, "--events", "10",
      ])
      #expect(result.status == 0, "\(result.stderr.prefix(300))")
      #expect(result.stdout.contains("generated 10 events for 10 services"), "\(result.stdout)")
      let lines = try LedgerFolder(path: folder).fileNames().map {
        String(
          decoding: FileManager.default.contents(atPath: folder + "/" + $0) ?? Data(), as: UTF8.self
        )
        .split(separator: "\n").count
      }
      #expect(lines.reduce(0, +) == 10)
    }
    // As many services as events or fewer: the bytes of before.
    var first: [String] = []
    SyntheticLedger(services: 500, events: 100, seed: 1).generate { event, _ in
      first.append(event.line)
    }
    var second: [String] = []
    SyntheticLedger(services: 100, events: 100, seed: 1).generate { event, _ in
      second.append(event.line)
    }
    #expect(first == second && first.count == 100)
  }

  @Test("a file that cannot be written stops generate with the reason, not an error dump")
  func writeFails() throws {
    let parent = try TemporaryLedger()
    defer { parent.remove() }
    // A folder where a log file is to go stands for any failed write, such as a full disk.
    let folder = parent.path + "/g"
    try FileManager.default.createDirectory(
      atPath: folder + "/hmcts.jsonl", withIntermediateDirectories: true)
    let result = try Binary.run([
      "generate", "--ledger", folder, "--services", "5", "--events", "1000",
    ])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("cannot write the ledger: Is a directory; nothing was kept"),
      "\(result.stderr)")
    // The folder in the way is left as it was; the files generate wrote are gone.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["hmcts.jsonl"])
    #expect(!result.stderr.contains("NSCocoaErrorDomain"))
  }
}
