import Foundation
import Testing

/// Several `ledger init` of one new folder at once (scripts starting in parallel): each finds
/// the ledger made, none tells its user to move the other's ledger aside.
@Suite("ledger init, several at once (built binary)")
struct ConcurrentInitTests {
  @Test("every init of a new folder at once succeeds, and the folder is one empty ledger")
  func initsAtOnce() throws {
    let parent = try TemporaryLedger()
    defer { parent.remove() }
    for round in 0..<8 {
      let folder = parent.path + "/ledger-\(round)"
      let outcomes = Spawn.concurrently(6) { _ in
        Spawn.run(["init", folder], environment: [:])
      }
      for outcome in outcomes {
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("move it aside"), "\(outcome.stderr)")
      }
      let names = try FileManager.default.contentsOfDirectory(atPath: folder)
      #expect(names == ["ledger.jsonl"])
    }
  }
}
