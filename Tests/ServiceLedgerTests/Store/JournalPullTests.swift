import Foundation
import Testing

@testable import ServiceLedger

/// A writer killed after its journal leaves a stale note; a `git pull` then adds lines from
/// elsewhere to the same file. The journal names only the lengths before the batch, so the
/// pulled lines sat where the batch's would have: the journal must never hide them, nor let a
/// writer or `ledger repair` move them aside.
@Suite("A stale journal, then a pull", .serialized)
struct JournalPullTests {
  /// A batch to cut off: two `component.adopted` lines of service a, recorded from `start`.
  static func batch(recordedFrom start: Int) -> [String] {
    var factory = EventFactory()
    factory.start = Timestamp(seconds: start)
    return (0..<2).map { index in
      factory.make(
        .componentAdopted(
          ComponentAdopted(
            service: service("a"), component: ComponentID(unchecked: "b\(index)"),
            on: date("2015-01-02")))
      ).line + "\n"
    }
  }

  /// A teammate's line, as a pull brings it: later than the batch's.
  static let pulled =
    #"{"id":"00000000-0000-4000-8000-0000000000aa","at":"2015-03-01T00:00:00Z","by":"p-2","#
    + #""type":"component.adopted","data":{"service":"a","component":"pulled","on":"2015-01-02"}}"#
    + "\n"

  /// A ledger whose batch append of three lines was killed at `point` (3: after the journal,
  /// before any line; 4: half way through the batch's bytes).
  static func killedAppend(at point: Int) throws -> TemporaryLedger {
    let ledger = try FaultInjectionTests.killedAppend(at: point)
    #expect(ledger.folder.hasFile(AppendJournal.fileName))
    return ledger
  }

  @Test(
    "pulled lines after a stale journal are read, and neither a write nor repair moves them",
    // 3: nothing of the batch was written; 4: half of it was, and the pull replaced the file
    // (as git does once the half-written lines are discarded with `git checkout`).
    arguments: [3, 4])
  func pulledAfterStaleJournal(point: Int) throws {
    for then in ["record", "repair"] {
      let ledger = try Self.killedAppend(at: point)
      defer { ledger.remove() }
      let merged = FaultInjectionTests.registered + Self.pulled
      try ledger.write("ledger.jsonl", merged)
      let read = try ledger.folder.read()
      #expect(read.events.map(\.id.description).last == "00000000-0000-4000-8000-0000000000aa")
      #expect(read.problems.isEmpty, "\(read.problems)")
      let streamed = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
      #expect(streamed.fold.count == 2)
      let log = CLI.run(["log"], ledger: ledger.path)
      #expect(log.stdout.contains("pulled"), "\(log.stdout)")
      let check = CLI.run(["check", "--as-of", "2015-03-02"], ledger: ledger.path)
      #expect(!check.stdout.contains("torn-line"), "\(check.stdout)")
      #expect(check.stdout.contains("stale-journal"), "\(check.stdout)")
      let run =
        then == "record"
        ? CLI.run(
          ["record", "component.adopted", "service=a", "component=mine", "on=2015-01-02"],
          ledger: ledger.path, now: "2015-03-02T00:00:00Z")
        : CLI.run(["repair"], ledger: ledger.path, now: "2015-03-02T00:00:00Z")
      #expect(run.exitCode == 0, "\(then): \(run.stderr)")
      #expect(!run.stdout.contains("unfinished batch"), "\(then): \(run.stdout)")
      #expect(ledger.text("ledger.jsonl").hasPrefix(merged), "\(then)")
      let names = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
      #expect(!names.contains { $0.contains(".torn-") }, "\(then): \(names)")
      #expect(!ledger.folder.hasFile(AppendJournal.fileName), "\(then)")
      #expect(try ledger.folder.readValid().events.count == (then == "record" ? 3 : 2))
    }
  }

  @Test("only a batch's own lines are left out, and all past the length by an older note")
  func onlyTheBatchsLines() throws {
    let registered = FaultInjectionTests.registered
    let batch = Self.batch(recordedFrom: 1_422_000_000)  // before the pulled line
    let journal = AppendJournal(
      lengths: ["ledger.jsonl": registered.utf8.count],
      batches: ["ledger.jsonl": Array(batch.joined().utf8)])
    for (file, note, events) in [
      // The batch's first line, then a torn part of its second: left out.
      (
        registered + batch[0] + batch[1].prefix(20), String(decoding: journal.bytes, as: UTF8.self),
        1
      ),
      // The batch's first line kept (committed), then a pulled line: the file is read whole.
      (registered + batch[0] + Self.pulled, String(decoding: journal.bytes, as: UTF8.self), 3),
      // A note of an older version (lengths only), by that version's rule: all past the length.
      (
        registered + batch[0] + batch[1].prefix(20),
        #"{"files":{"ledger.jsonl":\#(registered.utf8.count)}}"#, 1
      ),
    ] {
      let ledger = try TemporaryLedger(files: ["ledger.jsonl": file])
      defer { ledger.remove() }
      try ledger.write(AppendJournal.fileName, note)
      let read = try ledger.folder.read()
      #expect(read.events.count == events, "\(file)")
      #expect(read.problems.allSatisfy { $0.rule == .tornLine }, "\(read.problems)")
      #expect(CLI.run(["repair"], ledger: ledger.path).exitCode == 0)
      #expect(ledger.text("ledger.jsonl") == (events == 1 ? registered : file))
    }
  }

  @Test("the batch's lines a file ends with are found past lines longer than the batch")
  func batchPastLongerLines() throws {
    let registered = FaultInjectionTests.registered
    let batch = Self.batch(recordedFrom: 1_420_100_000)  // after registered, before pulled
    let note = String(
      decoding: AppendJournal(
        lengths: ["ledger.jsonl": registered.utf8.count],
        batches: ["ledger.jsonl": Array(batch.joined().utf8)]
      ).bytes, as: UTF8.self)
    // Three pulled lines: more bytes than the whole batch.
    let more = ["aa", "ab", "ac"].map {
      Self.pulled.replacingOccurrences(of: "0000000000aa", with: "0000000000" + $0)
    }.joined()
    for (file, events, repaired) in [
      // More pulled bytes than the whole batch, then the batch's: only the batch's are out.
      (registered + more + batch[0] + batch[1].prefix(9), 4, registered + more),
      // A last line longer than the batch, no newline: not the batch's, a torn line.
      (registered + String(repeating: "x", count: 900), 1, registered),
      // The batch's line, then more pulled bytes than it wrote: read whole.
      (registered + batch[0] + more, 5, registered + batch[0] + more),
    ] {
      let ledger = try TemporaryLedger(files: ["ledger.jsonl": file])
      defer { ledger.remove() }
      try ledger.write(AppendJournal.fileName, note)
      let read = try ledger.folder.read()
      #expect(read.events.count == events, "\(read.events)")
      #expect(read.problems.allSatisfy { $0.rule == .tornLine }, "\(read.problems)")
      #expect(CLI.run(["repair"], ledger: ledger.path).exitCode == 0)
      #expect(ledger.text("ledger.jsonl") == repaired)
    }
  }

  @Test(
    "an older version's note, left by a writer killed half way, leaves its batch out after an upgrade",
    arguments: [4, 5, 6])
  func olderNoteAfterUpgrade(point: Int) throws {
    for then in ["log", "record", "repair"] {
      let ledger = try Self.killedAppend(at: point)
      defer { ledger.remove() }
      // The note as the previous release wrote it: each file's length, nothing more.
      let length = FaultInjectionTests.registered.utf8.count
      try ledger.write(AppendJournal.fileName, #"{"files":{"ledger.jsonl":\#(length)}}"#)
      #expect(ledger.text("ledger.jsonl").utf8.count > length)
      #expect(try ledger.folder.read().events.count == 1)
      #expect(try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil).fold.count == 1)
      // The warning says what this note leaves out, which is not what a current one does.
      let check = CLI.run(["check", "--rule", "stale-journal"], ledger: ledger.path)
      #expect(check.stdout.contains("an older version"), "\(check.stdout)")
      #expect(!check.stdout.contains("such as a pull, are read"), "\(check.stdout)")
      let run: CLIRun
      switch then {
      case "log": run = CLI.run(["log"], ledger: ledger.path)
      case "record":
        run = CLI.run(
          ["record", "component.adopted", "service=a", "component=mine", "on=2015-01-02"],
          ledger: ledger.path, now: "2015-03-02T00:00:00Z")
      default: run = CLI.run(["repair"], ledger: ledger.path, now: "2015-03-02T00:00:00Z")
      }
      #expect(run.exitCode == 0, "\(then): \(run.stderr)")
      #expect(!run.stdout.contains("k-0"), "\(then): \(run.stdout)")
      let kept = try ledger.folder.read().events
      #expect(kept.count == (then == "record" ? 2 : 1), "\(then)")
      #expect(!kept.contains { "\($0)".contains("k-") }, "\(then)")
      if then != "log" {
        #expect(ledger.text("ledger.jsonl").hasPrefix(FaultInjectionTests.registered))
        let names = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
        #expect(names.contains { $0.contains(".torn-") }, "\(then): \(names)")
        #expect(!ledger.folder.hasFile(AppendJournal.fileName), "\(then)")
      }
    }
  }

  @Test(
    "a batch's lines that a merge put after pulled lines are still left out, and only they",
    // 4: one whole line of the batch and half of the next; 5: all of it, before its sync.
    arguments: [4, 5])
  func batchAfterPulledLines(point: Int) throws {
    for then in ["record", "repair"] {
      let ledger = try Self.killedAppend(at: point)
      defer { ledger.remove() }
      let registered = FaultInjectionTests.registered
      let batch = String(ledger.text("ledger.jsonl").dropFirst(registered.count))
      // A teammate's line from before the batch's time, so that time order hides nothing.
      let pulled = Self.pulled.replacingOccurrences(of: "2015-03-01", with: "2015-01-15")
      #expect(batch.contains("k-0"))
      // `git stash; git pull; git stash pop` (or `git pull --rebase` of a commit of the cut-off
      // file): the pulled lines come first, the batch's after them.
      try ledger.write("ledger.jsonl", registered + pulled + batch)
      let read = try ledger.folder.read()
      #expect(read.events.count == 2, "\(then): \(read.events)")
      #expect(read.events.last?.id.description == "00000000-0000-4000-8000-0000000000aa")
      #expect(try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil).fold.count == 2)
      let run =
        then == "record"
        ? CLI.run(
          ["record", "component.adopted", "service=a", "component=mine", "on=2015-01-02"],
          ledger: ledger.path, now: "2015-03-02T00:00:00Z")
        : CLI.run(["repair"], ledger: ledger.path, now: "2015-03-02T00:00:00Z")
      #expect(run.exitCode == 0, "\(then): \(run.stderr)")
      #expect(ledger.text("ledger.jsonl").hasPrefix(registered + pulled), "\(then)")
      #expect(!ledger.text("ledger.jsonl").contains("k-0"), "\(then)")
      let names = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
      let side = try #require(names.first { $0.contains(".torn-") }, "\(then): \(names)")
      #expect(ledger.text(side) == batch, "\(then)")
      #expect(try ledger.folder.readValid().events.count == (then == "record" ? 3 : 2))
    }
  }

  @Test("a note whose length falls mid-line leaves nothing out, and check says so, not otherwise")
  func noteThatLeavesNothingOut() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    // An older version's note whose length falls inside the file's only line.
    try ledger.write(AppendJournal.fileName, #"{"files":{"ledger.jsonl":20}}"#)
    let check = CLI.run(["check", "--rule", "stale-journal"], ledger: ledger.path)
    #expect(check.stdout.contains("it leaves nothing out of the log now"), "\(check.stdout)")
    #expect(!check.stdout.contains("everything past it is left out"), "\(check.stdout)")
    // And so it is: the line is read, and repair moves nothing.
    #expect(CLI.run(["services", "--format", "csv"], ledger: ledger.path).stdout.contains("a,A"))
    let repair = CLI.run(["repair"], ledger: ledger.path)
    #expect(!repair.stdout.contains(": moved "), "\(repair.stdout)")
    #expect(ledger.text("ledger.jsonl") == FaultInjectionTests.registered)
  }
}
