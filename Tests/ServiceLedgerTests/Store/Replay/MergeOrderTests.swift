import Foundation
import Testing

@testable import ServiceLedger

/// The streamed merge (`MergeOrder`, a heap of files) against the whole-log read, which sorts
/// every event: many files, ties on `at` across files, and lines that go back in time.
@Suite("The merge of many files keeps replay order")
struct MergeOrderTests {
  @Test(
    "random files: the same events in the same order, and the same problems",
    arguments: [1, 2, 3] as [UInt64])
  func agrees(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var factory = EventFactory()
    let registration = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    var files: [String: String] = ["0000.jsonl": registration.line + "\n"]
    var adoption = 0
    for file in 1...40 {
      var seconds = registration.at.seconds + 1 + random.below(50)
      var text = ""
      for _ in 0..<random.below(60) {
        // Mostly forward, often to a second another file uses too, now and then back.
        seconds += random.below(10) == 0 ? -random.below(5) : random.below(3)
        let event = ServiceLedgerTests.adoption(adoption, at: seconds, &factory)
        adoption += 1
        text += event.line + "\n"
      }
      files[String(format: "%04d.jsonl", file)] = text
    }
    let whole = try expectStreamMatchesWhole(files)
    #expect(whole.problems.count > 5)
    #expect(whole.events.count > 500)
  }
}
