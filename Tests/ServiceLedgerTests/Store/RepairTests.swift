import Foundation
import Testing

@testable import ServiceLedger

/// Torn writes and cut-off batches, simulated byte by byte, and `ledger repair`.
@Suite("Torn writes and ledger repair")
struct RepairTests {
  static let now = "2015-04-01T09:00:00Z"

  /// A ledger with one service and `count` component events in ledger.jsonl.
  static func ledger(events count: Int = 2) throws -> (TemporaryLedger, [RecordedEvent]) {
    var factory = EventFactory()
    var events = [
      factory.make(
        .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG"))
      )
    ]
    for index in 1..<max(count, 1) {
      events.append(
        factory.make(
          .componentAdopted(
            ComponentAdopted(
              service: service("a"), component: ComponentID(unchecked: "c\(index)"),
              on: date("2014-01-01")))))
    }
    let text = events.map { $0.line + "\n" }.joined()
    return (try TemporaryLedger(files: ["ledger.jsonl": text]), events)
  }

  @Test("a log file whose name is as long as a file name may be is repaired all the same")
  func longName() throws {
    // 249 bytes: NAME.jsonl.torn-TIME would pass the 255 bytes a file name may have.
    let name = String(repeating: "a", count: 243) + ".jsonl"
    let ledger = try TemporaryLedger(files: [:])
    defer { ledger.remove() }
    let recorded = CLI.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG", "--file", name],
      ledger: ledger.path, now: Self.now)
    #expect(recorded.exitCode == 0, "\(recorded.stderr)")
    let valid = ledger.bytes(name)
    try ledger.write(name, String(decoding: valid + Array(#"{"id":"0"#.utf8), as: UTF8.self))
    for attempt in 0..<2 {
      let run = CLI.run(["repair"], ledger: ledger.path, now: "2015-04-02T09:00:00Z")
      #expect(run.exitCode == 0, "\(run.stderr)")
      #expect(ledger.bytes(name) == valid)
      let sides = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
        .filter { $0.contains(".jsonl.torn-") }
      #expect(sides.count == attempt + 1, "\(sides)")
      #expect(sides.allSatisfy { $0.utf8.count <= 255 && $0.hasPrefix("aaaa") }, "\(sides)")
      // Torn again, repaired at the same time: the second side file gets a name of its own.
      try ledger.write(name, String(decoding: valid + Array(#"{"id":"1"#.utf8), as: UTF8.self))
    }
  }

  @Test("a torn last line is moved to a side file; the log is valid and appends work again")
  func tornLine() throws {
    let (ledger, _) = try Self.ledger()
    defer { ledger.remove() }
    let valid = ledger.bytes("ledger.jsonl")
    let fragment = Array(#"{"id":"00000000-0000-4000-8000-0000000000ff","at":"2014-"#.utf8)
    try ledger.write("ledger.jsonl", String(decoding: valid + fragment, as: UTF8.self))
    let refused = CLI.run(
      ["record", "phase.entered", "service=a", "phase=beta", "on=2014-03-01"],
      ledger: ledger.path)
    #expect(refused.exitCode == 1)
    // The repair it suggests is of this ledger, named as LEDGER_DIR named it.
    #expect(refused.stderr.contains("run `ledger repair --ledger \(ledger.path)`"))

    let run = CLI.run(["repair"], ledger: ledger.path, now: Self.now)
    #expect(run.exitCode == 0, "\(run.stderr)")
    let side = "ledger.jsonl.torn-20150401T090000Z"
    #expect(
      run.stdout.hasPrefix(
        "\(ledger.path)/ledger.jsonl:3: moved the torn last line (\(fragment.count) bytes) to "
          + "\(ledger.path)/\(side)\n"))
    #expect(run.stdout.contains("nothing was deleted"))
    #expect(run.stderr.isEmpty)
    #expect(ledger.bytes("ledger.jsonl") == valid)
    #expect(ledger.bytes(side) == fragment)
    #expect(try ledger.folder.fileNames() == ["ledger.jsonl"])
    #expect(try ledger.folder.readValid().events.count == 2)
    let again = CLI.run(
      ["record", "phase.entered", "service=a", "phase=beta", "on=2014-03-01"],
      ledger: ledger.path, now: "2015-04-02T09:00:00Z")
    #expect(again.exitCode == 0, "\(again.stderr)")
  }

  @Test("repair finds a torn line and its line number across blocks: a long log, a long fragment")
  func tornLineAcrossBlocks() throws {
    // Over 1 MiB of lines before the tear and a fragment of 2.5 MiB: the file is read in
    // blocks from both ends (`FileTail`), never whole.
    let (ledger, _) = try Self.ledger(events: 6_000)
    defer { ledger.remove() }
    let valid = ledger.bytes("ledger.jsonl")
    #expect(valid.count > 1 << 20)
    let fragment =
      Array(#"{"id":"00000000-0000-4000-8000-0000000000ff","data":""#.utf8)
      + [UInt8](repeating: UInt8(ascii: "x"), count: 5 << 19)
    try ledger.write("ledger.jsonl", String(decoding: valid + fragment, as: UTF8.self))
    let run = CLI.run(["repair"], ledger: ledger.path, now: Self.now)
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasPrefix(
        "\(ledger.path)/ledger.jsonl:6001: moved the torn last line (\(fragment.count) bytes)"),
      "\(run.stdout)")
    #expect(ledger.bytes("ledger.jsonl") == valid)
    #expect(ledger.bytes("ledger.jsonl.torn-20150401T090000Z") == fragment)
  }

  @Test("repair is listed in help, has its own help, and takes no arguments")
  func help() {
    #expect(CLI.run(["help"]).stdout.contains("  repair "))
    let help = CLI.run(["repair", "--help"])
    #expect(help.exitCode == 0)
    #expect(help.stdout.hasPrefix("ledger repair [--ledger DIR]"))
    #expect(CLI.run(["repair", "now"]).exitCode == 64)
  }

  @Test("a clean ledger: nothing to repair, exit 0, no file touched")
  func nothingToRepair() throws {
    let (ledger, _) = try Self.ledger()
    defer { ledger.remove() }
    let before = ledger.bytes("ledger.jsonl")
    let run = CLI.run(["repair"], ledger: ledger.path)
    #expect(run.exitCode == 0)
    #expect(run.stdout == "nothing to repair in \(ledger.path)\n")
    #expect(ledger.bytes("ledger.jsonl") == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: ledger.path) == ["ledger.jsonl"])
  }

  @Test(
    "every torn file is repaired; a file that is only a fragment becomes empty; names never clash")
  func severalFiles() throws {
    let (ledger, _) = try Self.ledger()
    defer { ledger.remove() }
    let valid = ledger.text("ledger.jsonl")
    try ledger.write("ledger.jsonl", valid + "{\"id\"")
    try ledger.write("team.jsonl", "{\"id\":\"0")
    try ledger.write("ledger.jsonl.torn-20150401T090000Z", "an older fragment")
    let run = CLI.run(["repair"], ledger: ledger.path, now: Self.now)
    #expect(run.exitCode == 0)
    #expect(run.stdout.contains("ledger.jsonl:3: moved the torn last line (5 bytes)"))
    #expect(run.stdout.contains("ledger.jsonl.torn-20150401T090000Z-2\n"))
    #expect(run.stdout.contains("team.jsonl:1: moved the torn last line (8 bytes)"))
    #expect(ledger.text("ledger.jsonl.torn-20150401T090000Z") == "an older fragment")
    #expect(ledger.text("ledger.jsonl.torn-20150401T090000Z-2") == "{\"id\"")
    #expect(ledger.text("team.jsonl.torn-20150401T090000Z") == "{\"id\":\"0")
    #expect(ledger.bytes("team.jsonl").isEmpty)
    #expect(ledger.text("ledger.jsonl") == valid)
    #expect(try ledger.folder.read().problems.isEmpty)
  }

  @Test("other problems are left alone and reported on stderr")
  func otherProblems() throws {
    let (ledger, _) = try Self.ledger()
    defer { ledger.remove() }
    try ledger.write("bad.jsonl", "not json\n")
    let run = CLI.run(["repair"], ledger: ledger.path)
    #expect(run.exitCode == 0)
    #expect(run.stdout.hasPrefix("nothing to repair"))
    #expect(run.stderr.contains("1 invalid line(s) remain"))
    #expect(ledger.text("bad.jsonl") == "not json\n")
  }

  @Test("a batch cut off part way is not part of the log until repair moves it all aside")
  func unfinishedBatch() throws {
    let (ledger, events) = try Self.ledger(events: 2)
    defer { ledger.remove() }
    let committed = ledger.bytes("ledger.jsonl")
    // What a writer killed between its write and the end of the append leaves: the journal
    // with the old lengths, and the batch's lines (here two whole ones and a torn third).
    var factory = EventFactory()
    factory.start = Timestamp(seconds: events[1].at.seconds + 100)
    let batch = (0..<3).map { index in
      factory.make(
        .componentAdopted(
          ComponentAdopted(
            service: service("a"), component: ComponentID(unchecked: "new\(index)"),
            on: date("2014-01-01"))))
    }
    let lines = Array(batch.map { $0.line + "\n" }.joined().utf8.dropLast(10))
    try ledger.write(
      AppendJournal.fileName,
      String(
        decoding: AppendJournal(
          lengths: ["ledger.jsonl": committed.count, "b.jsonl": 0],
          batches: [
            "ledger.jsonl": Array(batch.map { $0.line + "\n" }.joined().utf8),
            "b.jsonl": Array((batch[0].line + "\n").utf8),
          ]
        ).bytes, as: UTF8.self))
    try ledger.write("ledger.jsonl", String(decoding: committed + lines, as: UTF8.self))
    try ledger.write("b.jsonl", batch[0].line + "\n")

    let read = try ledger.folder.read()
    #expect(read.events.count == 2, "no event of the unfinished batch is replayed")
    #expect(read.problems.map(\.rule) == [.tornLine, .tornLine])
    #expect(read.problems.map(\.line) == [1, 3])
    #expect(
      read.problems.last?.message.contains("an append was cut off: the last 3 line(s)") == true)
    let check = CLI.run(["check", "--as-of", "2015-04-01"], ledger: ledger.path)
    #expect(check.stdout.contains("ledger.jsonl:3: error: torn-line: an append was cut off"))
    // Streamed, as every view replays: the same events and problems, and no cache of a log
    // that is waiting for repair.
    let streamed = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
    #expect(streamed.fold.count == 2)
    #expect(streamed.problems == read.problems)
    #expect(!ledger.folder.hasFile(ReplayCache.fileName))

    let run = CLI.run(["repair"], ledger: ledger.path, now: Self.now)
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(run.stdout.contains("b.jsonl:1: moved an unfinished batch (1 line(s)"))
    #expect(run.stdout.contains("ledger.jsonl:3: moved an unfinished batch (3 line(s)"))
    #expect(run.stdout.contains("removed \(ledger.path)/\(AppendJournal.fileName)"))
    #expect(ledger.bytes("ledger.jsonl") == committed)
    #expect(ledger.bytes("ledger.jsonl.torn-20150401T090000Z") == lines)
    #expect(ledger.bytes("b.jsonl").isEmpty)
    #expect(!ledger.folder.hasFile(AppendJournal.fileName))
    #expect(try ledger.folder.readValid().events.count == 2)
  }

  @Test("a journal left with nothing after it, or unreadable, changes no read and is removed")
  func staleJournal() throws {
    for journal in [#"{"files":{"ledger.jsonl":5}}"#, #"{"files":{"ledger.js"#, ""] {
      let (ledger, _) = try Self.ledger()
      defer { ledger.remove() }
      let before = ledger.bytes("ledger.jsonl")
      try ledger.write(AppendJournal.fileName, journal)
      #expect(try ledger.folder.read().problems.isEmpty, "\(journal)")
      let run = CLI.run(["repair"], ledger: ledger.path)
      #expect(run.exitCode == 0)
      #expect(run.stdout.hasPrefix("removed "), "\(run.stdout)")
      #expect(ledger.bytes("ledger.jsonl") == before)
      #expect(!ledger.folder.hasFile(AppendJournal.fileName))
    }
  }

  @Test("appends leave no journal behind, whether they succeed or are rejected")
  func noJournalLeft() throws {
    let (ledger, _) = try Self.ledger()
    defer { ledger.remove() }
    let good = (1...3).map { index in
      #"{"type":"component.adopted","data":{"service":"a","component":"x\#(index)","on":"2014-01-01"}}"#
    }
    let ok = CLI.run(["append"], ledger: ledger.path, input: good.joined(separator: "\n"))
    #expect(ok.exitCode == 0, "\(ok.stderr)")
    #expect(!ledger.folder.hasFile(AppendJournal.fileName))
    let before = ledger.bytes("ledger.jsonl")
    let bad = good.map { $0.replacingOccurrences(of: "\"x", with: "\"y") } + ["{}"]
    let rejected = CLI.run(["append"], ledger: ledger.path, input: bad.joined(separator: "\n"))
    #expect(rejected.exitCode == 1)
    #expect(!ledger.folder.hasFile(AppendJournal.fileName))
    #expect(ledger.bytes("ledger.jsonl") == before)
  }
}
