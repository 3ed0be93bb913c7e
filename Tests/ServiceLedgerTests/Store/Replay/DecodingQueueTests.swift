import Foundation
import Testing

@testable import ServiceLedger

/// The replay's `DecodingQueue` over a log of hundreds of small files: a replay stopped by a
/// file removed mid-way leaves nothing running that the next replay waits for, and replays
/// one after another in one process reuse threads rather than add them.
@Suite("Decoding queue")
struct DecodingQueueTests {
  /// A generated ledger dealt line by line, in `at` order, into `files` files of two blocks
  /// or more each.
  static func dealt(files: Int) throws -> TemporaryLedger {
    var events: [RecordedEvent] = []
    SyntheticLedger(services: 20, events: files * 40, seed: 3).generate { event, _ in
      events.append(event)
    }
    var texts = Array(repeating: "", count: files)
    for (index, event) in events.enumerated() { texts[index % files] += event.line + "\n" }
    let ledger = try TemporaryLedger()
    for (index, text) in texts.enumerated() {
      try ledger.write(String(format: "f%04d.jsonl", index), text)
    }
    return ledger
  }

  /// The threads this process has now.
  static var threads: Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
  }

  @Test(
    "a replay stopped by a file removed mid-way, then replays of hundreds of files, in order",
    .timeLimit(.minutes(5)))
  func removedMidway() throws {
    let ledger = try Self.dealt(files: 300)
    defer { ledger.remove() }
    let whole = try ledger.folder.read()
    #expect(whole.problems.isEmpty)
    let sizes = try FileManager.default.contentsOfDirectory(atPath: ledger.path).map {
      (try FileManager.default.attributesOfItem(atPath: ledger.path + "/" + $0)[.size] as? Int)
        ?? 0
    }
    #expect(sizes.allSatisfy { $0 > 1 << 13 })
    func replay() throws -> [EventID] {
      var ids: [EventID] = []
      _ = try LedgerStream(folder: ledger.folder).replay { ids.append($0.id) }
      return ids
    }
    #expect(try replay() == whole.events.map(\.id))
    let doomed = ledger.path + "/f0299.jsonl"
    let kept = try String(contentsOfFile: doomed, encoding: .utf8)
    var seen = 0
    #expect(throws: LedgerError.self) {
      _ = try LedgerStream(folder: ledger.folder).replay { _ in
        seen += 1
        if seen == 1 { try? FileManager.default.removeItem(atPath: doomed) }
      }
    }
    #expect(seen < whole.events.count)
    try ledger.write("f0299.jsonl", kept)
    // The count is the whole process's, and the other suites run beside this one, starting
    // and ending threads of their own: the fewest over the first and the last rounds are
    // compared, and a thread kept by each replay would be 32 more after the 40 rounds.
    var counts: [Int] = []
    for _ in 0..<40 {
      #expect(try replay() == whole.events.map(\.id))
      counts.append(Self.threads)
    }
    let early = counts[0..<8].min() ?? 0
    let late = counts[32...].min() ?? 0
    #expect(late <= early + 16, "threads: \(counts)")
  }

  @Test("work runs in the order it was added, each piece once, however much waits")
  func order() {
    final class Done: @unchecked Sendable {
      var order: [Int] = []
      let lock = NSLock()
    }
    let done = Done()
    let group = DispatchGroup()
    let queue = DecodingQueue(width: 1)
    for index in 0..<1000 {
      group.enter()
      queue.add {
        done.lock.lock()
        done.order.append(index)
        done.lock.unlock()
        group.leave()
      }
    }
    #expect(group.wait(timeout: .now() + 30) == .success)
    #expect(done.order == Array(0..<1000))
  }
}
