import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#endif

/// Writers killed (SIGKILL) at random moments, in a loop: after each kill the log is valid, or
/// has only a torn line or an unfinished batch that `ledger repair` moves aside; every complete
/// line is a valid event; a batch is in the log whole or not at all; repair deletes no byte.
@Suite("Killed writers (built binary)", .serialized)
struct KillTests {
  static let iterations = 30
  static let batchSize = 150

  /// Kill outcomes, for the summary line.
  struct Tally {
    var untouched = 0
    var journalOnly = 0
    var complete = 0
    var rolledBack = 0
    var tornMoved = 0
  }

  @Test("SIGKILL at random moments, 30 times", .timeLimit(.minutes(5)))
  func killLoop() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer {
      ledger.remove()
      for iteration in 0..<(1000 + Self.iterations) {
        try? FileManager.default.removeItem(atPath: ledger.path + "-input-\(iteration).jsonl")
      }
    }
    let environment = ["LEDGER_DIR": ledger.path, "LEDGER_ACTOR": "p-1", "PATH": "/usr/bin:/bin"]
    let registered = Spawn.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG"],
      environment: environment)
    try #require(registered.status == 0, "\(registered.stderr)")
    var random = SplitMix64(seed: 0x6B69_6C6C)
    var tally = Tally()
    var duration = 0.0
    var count = 1
    for iteration in 0..<Self.iterations {
      let isBatch = iteration % 3 != 2
      let size = isBatch ? Self.batchSize : 1
      let arguments = try Self.writerArguments(ledger, iteration: iteration, size: size)
      if iteration % 10 == 0 {
        // Calibrate the kill window on a full run; it becomes the next iteration's baseline.
        let start = Date()
        let calibration = Spawn.run(
          try Self.writerArguments(ledger, iteration: 1000 + iteration, size: Self.batchSize),
          environment: environment)
        try #require(calibration.status == 0, "\(calibration.stderr)")
        duration = Date().timeIntervalSince(start)
        count += Self.batchSize
      }
      let (process, _) = try Spawn.start(arguments, environment: environment)
      if iteration % 2 == 0 {
        Thread.sleep(forTimeInterval: duration * 1.2 * Double(random.index(1000)) / 1000)
      } else {
        // Aim at the write itself: wait until the writer leaves its journal or the file grows,
        // then kill within the next millisecond.
        Self.waitForWriting(ledger, process: process, deadline: Date() + 1 + duration * 10)
        usleep(UInt32(random.index(1000)))
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()

      let before = try Self.allBytes(ledger)
      let read = try ledger.folder.read()
      #expect(
        read.problems.allSatisfy { $0.rule == .tornLine }, "\(iteration): \(read.problems)")
      let journal = ledger.folder.hasFile(AppendJournal.fileName)
      if !read.problems.isEmpty || journal {
        let repair = CLI.run(["repair"], ledger: ledger.path)
        #expect(repair.exitCode == 0, "\(repair.stderr)")
        if repair.stdout.contains("unfinished batch") { tally.rolledBack += 1 }
        if repair.stdout.contains("torn last line") { tally.tornMoved += 1 }
      }
      #expect(try Self.allBytes(ledger) == before, "repair must not lose or add a byte")
      let after = try ledger.folder.readValid()
      let added = after.events.filter { event in
        guard case .componentAdopted(let adopted) = event.event else { return false }
        return adopted.component.rawValue.hasPrefix("k\(iteration)-")
      }.count
      #expect(added == 0 || added == size, "\(iteration): \(added) of \(size) events written")
      #expect(after.events.count == count + added)
      count = after.events.count
      if added == size {
        tally.complete += 1
      } else if read.problems.isEmpty {
        if journal { tally.journalOnly += 1 } else { tally.untouched += 1 }
      }
    }
    print(
      "kill test: \(Self.iterations) kills: \(tally.untouched) before writing, "
        + "\(tally.journalOnly) after the journal but before any line, "
        + "\(tally.complete) after a complete append, \(tally.rolledBack) unfinished batches "
        + "rolled back, \(tally.tornMoved) torn lines moved; \(count) events")
  }

  /// Returns once `ledger.jsonl` grows or the append journal appears (or the process ends, or
  /// the deadline passes).
  static func waitForWriting(_ ledger: TemporaryLedger, process: Process, deadline: Date) {
    let journal = ledger.path + "/" + AppendJournal.fileName
    let log = ledger.path + "/ledger.jsonl"
    var status = stat()
    let start = stat(log, &status) == 0 ? status.st_size : 0
    while process.isRunning, Date() < deadline {
      if access(journal, F_OK) == 0 { return }
      if stat(log, &status) == 0, status.st_size != start { return }
      usleep(20)
    }
  }

  /// `ledger append FILE` of `size` new events (or `ledger record` for one).
  static func writerArguments(_ ledger: TemporaryLedger, iteration: Int, size: Int) throws
    -> [String]
  {
    if size == 1 {
      return [
        "record", "component.adopted", "service=a", "component=k\(iteration)-0", "on=2014-01-01",
      ]
    }
    let lines = (0..<size).map { index in
      #"{"type":"component.adopted","data":{"service":"a","component":"k\#(iteration)-\#(index)","#
        + #""on":"2014-01-01"}}"#
    }
    let input = ledger.path + "-input-\(iteration).jsonl"
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: input))
    return ["append", input]
  }

  /// The bytes of every file in the folder but the journal, concatenated in name order
  /// (log files and side files): repair only moves bytes between them.
  static func allBytes(_ ledger: TemporaryLedger) throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: ledger.path)
      .filter { $0 != AppendJournal.fileName }
      .map { ledger.bytes($0).count }
      .reduce(0, +)
  }
}
