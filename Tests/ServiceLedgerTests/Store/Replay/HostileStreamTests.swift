import Foundation
import Testing

@testable import ServiceLedger

/// The streamed replay against the whole-log read on files shaped to trip the background
/// decoding (`FileFeed`) and the small first blocks (`FileCursor`): empty files, a file that is
/// only a torn line, lines longer than a block, bad lines between good ones, and many tiny files.
@Suite("The streamed replay of hostile files agrees with the whole-log read")
struct HostileStreamTests {
  @Test("odd files: the same events, problems and file states", arguments: [4, 5] as [UInt64])
  func agrees(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var factory = EventFactory()
    let registration = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    var files: [String: String] = [
      "0000.jsonl": registration.line + "\n", "0001.jsonl": "", "0002.jsonl": "{\"torn\":",
    ]
    var adoption = 0
    for file in 3..<300 {
      var text = ""
      var seconds = registration.at.seconds + 1 + random.below(20)
      for _ in 0..<random.below(file % 10 == 0 ? 40 : 3) {
        seconds += random.below(3)
        let event = ServiceLedgerTests.adoption(adoption, at: seconds, &factory)
        adoption += 1
        // Now and then a line longer than several blocks, or a bad line.
        switch random.below(12) {
        case 0:
          text +=
            event.line.replacingOccurrences(
              of: "{", with: "{\"pad\":\"" + String(repeating: "x", count: 9000) + "\",")
            + "\n"
        case 1: text += "not json\n"
        default: text += event.line + "\n"
        }
      }
      if random.below(8) == 0 { text += "{\"cut\":" }
      files[String(format: "%04d.jsonl", file)] = text
    }
    let whole = try expectStreamMatchesWhole(files)
    #expect(whole.events.count > 300)
    #expect(whole.problems.count > 20)
  }

  /// A cut-off append's journal ending a file well past its first (small) blocks, on a line
  /// boundary and mid-line, with a 4 KiB block size: the blocks grow up to the end it sets.
  @Test("a journal cutting a file of many blocks")
  func journalPastFirstBlocks() throws {
    let (probe, _) = try RepairTests.ledger(events: 400)
    let committed = probe.bytes("ledger.jsonl")
    probe.remove()
    let breaks = committed.indices.filter { committed[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    #expect(committed.count > 40_000)
    for length in [breaks[60], breaks[150] + 9, breaks[399] - 1, committed.count] {
      let (ledger, _) = try RepairTests.ledger(events: 400)
      defer { ledger.remove() }
      try ledger.write(
        AppendJournal.fileName,
        String(
          decoding: AppendJournal(
            lengths: ["ledger.jsonl": length],
            batches: ["ledger.jsonl": Array(committed.dropFirst(length))]
          ).bytes, as: UTF8.self))
      let read = try ledger.folder.read()
      var stream = LedgerStream(folder: ledger.folder)
      stream.blockSize = 4096
      var count = 0
      let summary = try stream.replay { _ in count += 1 }
      #expect(count == read.events.count, "length \(length)")
      #expect(summary.problems == read.problems, "length \(length)")
      #expect(summary.files == read.files, "length \(length)")
    }
  }

  /// Two files of many blocks, one truncated and one replaced while the merge is in their
  /// first blocks (their next blocks are read only when the merge asks): each is an error
  /// naming the file, not a hang (the truncated one was read as ending where it was cut, with
  /// no cache key and nothing said).
  @Test("files truncated or replaced mid-replay", .timeLimit(.minutes(5)))
  func changedWhileReplaying() throws {
    var factory = EventFactory()
    let registration = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    var texts = ["a.jsonl": registration.line + "\n", "b.jsonl": ""]
    for index in 0..<600 {
      texts[index % 2 == 0 ? "a.jsonl" : "b.jsonl", default: ""] +=
        factory.make(
          .componentAdopted(
            ComponentAdopted(
              service: service("a"), component: ComponentID(unchecked: "c\(index)"),
              on: date("2014-01-01")))
        ).line + "\n"
    }
    for replacing in [false, true] {
      let ledger = try TemporaryLedger(files: texts)
      defer { ledger.remove() }
      var stream = LedgerStream(folder: ledger.folder)
      stream.blockSize = 4096
      var count = 0
      let replay = Result { () throws(LedgerError) in
        try stream.replay { _ in
          count += 1
          guard count == 1 else { return }
          if replacing {
            try? ledger.write("b.tmp", texts["b.jsonl"] ?? "")
            _ = rename(ledger.path + "/b.tmp", ledger.path + "/b.jsonl")
          } else {
            _ = truncate(ledger.path + "/a.jsonl", 0)
          }
        }
      }
      let file = ledger.path + (replacing ? "/b.jsonl" : "/a.jsonl")
      guard case .failure(let error) = replay else {
        Issue.record("\(file) was changed mid-replay, and the replay ended with no error")
        continue
      }
      #expect(error.description.hasPrefix(file + ": "), "\(error)")
      #expect(
        error.description.contains(
          replacing
            ? "was replaced while it was being read" : "was made shorter while it was being read"),
        "\(error)")
    }
  }
}
