import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#endif

/// Only regular files are read as log files: FIFOs, devices, folders and broken links named
/// `*.jsonl` are findings, never a hang; files the log never reads are findings too; a writer
/// never writes through a link out of the folder; what killed processes left is cleaned up.
@Suite("What the ledger folder holds besides log files", .serialized)
struct FolderEntriesTests {
  static let registration =
    #"{"id":"00000000-0000-4000-8000-000000000001","at":"2015-01-01T00:00:00Z","by":"p-1","#
    + #""type":"service.registered","data":{"service":"a","name":"A","organisation":"OPG"}}"#
    + "\n"

  /// A ledger with one registration and every kind of entry that is not a log file.
  static func hostileFolder() throws -> TemporaryLedger {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": registration])
    #expect(mkfifo(ledger.path + "/fifo.jsonl", 0o644) == 0)
    #expect(symlink("/dev/zero", ledger.path + "/zero.jsonl") == 0)
    #expect(symlink("/dev/null", ledger.path + "/null.jsonl") == 0)
    #expect(symlink("nowhere.jsonl", ledger.path + "/gone.jsonl") == 0)
    #expect(symlink("loop.jsonl", ledger.path + "/loop.jsonl") == 0)
    try FileManager.default.createDirectory(
      atPath: ledger.path + "/dir.jsonl", withIntermediateDirectories: false)
    for name in ["x.JSONL", ".h.jsonl", "ledger.jsonl.bak", "team.jsonl~", "old.Jsonl"] {
      try ledger.write(name, registration)
    }
    try ledger.write("ledger.jsonl.torn-20150101T000000Z", "{")
    return ledger
  }

  @Test(
    "views, record, check and repair finish and read the regular files only",
    .timeLimit(.minutes(5)))
  func noHang() throws {
    let ledger = try Self.hostileFolder()
    defer { ledger.remove() }
    #expect(try ledger.folder.fileNames() == ["ledger.jsonl"])
    for command in [
      ["priorities", "--as-of", "2015-01-01"], ["services"], ["log"],
      ["report", "--quarter", "2015-Q1"], ["managers"],
    ] {
      let run = CLI.run(command, ledger: ledger.path)
      #expect(run.exitCode == 0, "\(command): \(run.stderr)")
    }
    let recorded = CLI.run(
      ["record", "component.adopted", "service=a", "component=x", "on=2015-01-01"],
      ledger: ledger.path)
    #expect(recorded.stdout.contains("ledger.jsonl:2"), "\(recorded.stderr)")
    let check = CLI.run(["check", "--as-of", "2015-01-01"], ledger: ledger.path)
    let notFiles = check.stdout.split(separator: "\n").filter { $0.contains("not-a-file") }
    #expect(notFiles.count == 6, "\(check.stdout)")
    for (name, kind) in [
      ("fifo.jsonl", "a FIFO"), ("zero.jsonl", "a device"), ("null.jsonl", "a device"),
      ("gone.jsonl", "a symbolic link to nothing"), ("loop.jsonl", "a symbolic link to nothing"),
      ("dir.jsonl", "a folder"),
    ] {
      #expect(notFiles.contains { $0.contains("error: not-a-file: \(name) is \(kind)") })
    }
    let ignored = check.stdout.split(separator: "\n").filter { $0.contains("ignored-file") }
    #expect(
      Set(ignored.compactMap { $0.split(separator: ":").first?.split(separator: "/").last })
        == ["x.JSONL", ".h.jsonl", "ledger.jsonl.bak", "team.jsonl~", "old.Jsonl"])
    #expect(check.exitCode == 1)
    let repair = CLI.run(["repair"], ledger: ledger.path)
    #expect(repair.exitCode == 0, "\(repair.stderr)")
  }

  @Test("a view says on stderr which *.jsonl entries it left out unread, as check does")
  func viewsWarn() throws {
    let ledger = try Self.hostileFolder()
    defer { ledger.remove() }
    for command in [
      ["priorities", "--as-of", "2015-01-01"], ["services", "--format", "json"], ["log"],
      ["report", "--quarter", "2015-Q1", "--format", "json"],
    ] {
      let run = CLI.run(command, ledger: ledger.path)
      #expect(run.exitCode == 0, "\(command): \(run.stderr)")
      for (name, kind) in [
        ("fifo.jsonl", "a FIFO"), ("gone.jsonl", "a symbolic link to nothing"),
        ("dir.jsonl", "a folder"),
      ] {
        #expect(
          run.stderr.contains(
            "ledger: warning: \(ledger.path): \(name) is \(kind)"),
          "\(command): \(run.stderr)")
      }
      #expect(run.stderr.contains("not read as part of the log"), "\(command): \(run.stderr)")
    }
    // A folder of regular log files only: nothing to say.
    let clean = try TemporaryLedger(files: ["ledger.jsonl": Self.registration])
    defer { clean.remove() }
    #expect(CLI.run(["services"], ledger: clean.path).stderr.isEmpty)
  }

  @Test("a file whose name is not UTF-8 is named as such, not as missing or not a file")
  func nameNotUTF8() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registration])
    defer { ledger.remove() }
    // `café.jsonl` in Latin-1: the byte 0xE9 alone is not UTF-8.
    let raw = Array((ledger.path + "/caf").utf8) + [0xE9] + Array(".jsonl".utf8) + [0]
    let descriptor = open(raw.map { CChar(bitPattern: $0) }, O_CREAT | O_WRONLY, 0o644)
    #expect(descriptor >= 0)
    close(descriptor)
    let check = CLI.run(["check", "--as-of", "2015-01-01"], ledger: ledger.path)
    let line = check.stdout.split(separator: "\n").first { $0.contains("not-a-file") }
    #expect(
      line?.hasSuffix(
        "error: not-a-file: caf\u{FFFD}.jsonl is named in bytes that are not UTF-8 (each shown "
          + "as \u{FFFD}), so it is not read as part of the log; rename it (`ls -b` shows its "
          + "bytes) to a name in letters, digits, '.', '_' and '-' ending .jsonl") == true,
      "\(check.stdout)")
    #expect(check.exitCode == 1)
  }

  @Test(
    "record --file refuses a FIFO, a device, a broken link and a link out of the folder",
    .timeLimit(.minutes(5)))
  func writeTargets() throws {
    let ledger = try Self.hostileFolder()
    defer { ledger.remove() }
    let outside = ledger.path + "-outside.jsonl"
    defer { try? FileManager.default.removeItem(atPath: outside) }
    let other = ledger.path + "-other.jsonl"
    defer { try? FileManager.default.removeItem(atPath: other) }
    try Data().write(to: URL(fileURLWithPath: outside))
    try Data().write(to: URL(fileURLWithPath: other))
    #expect(symlink(outside, ledger.path + "/out.jsonl") == 0)
    // To a file of its own: two links to one file are refused before any is written to.
    #expect(
      symlink(
        "../" + URL(fileURLWithPath: other).lastPathComponent,
        ledger.path + "/relative.jsonl") == 0)
    for (file, says) in [
      ("fifo.jsonl", "is a FIFO (named pipe), not a regular file"),
      ("zero.jsonl", "leads out of the ledger folder"),
      ("gone.jsonl", "is a symbolic link to nothing"),
      ("dir.jsonl", "is a folder, not a regular file"),
      ("out.jsonl", "leads out of the ledger folder"),
      ("relative.jsonl", "leads out of the ledger folder"),
    ] {
      let run = CLI.run(
        [
          "record", "component.adopted", "service=a", "component=c", "on=2015-01-01",
          "--file", file,
        ],
        ledger: ledger.path)
      #expect(run.exitCode == 1, "\(file)")
      #expect(run.stderr.contains(says), "\(file): \(run.stderr)")
      #expect(run.stderr.contains("nothing was written"), "\(file): \(run.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: ledger.path + "/nowhere.jsonl"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: outside)).isEmpty)
    // A link to a regular file in the folder is a way to name a log file: allowed (one to
    // another log file is not: `FolderLinkTests`).
    try ledger.write("store.data", "")
    #expect(symlink("store.data", ledger.path + "/alias.jsonl") == 0)
    #expect(try ledger.folder.fileNames().contains("alias.jsonl"))
  }

  @Test("check reports a stale journal; the next write removes it and the cache's temporaries")
  func staleJournalAndTemporaries() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registration])
    defer { ledger.remove() }
    try ledger.write(
      AppendJournal.fileName, #"{"files":{"ledger.jsonl":\#(Self.registration.utf8.count)}}"#)
    try ledger.write(ReplayCache.fileName + ".tmp-99999999", "partial")
    try ledger.write(ReplayCache.validatorFileName + ".tmp-99999998", "partial")
    try ledger.write(".ledger.jsonl.tmp-restamp", "partial")
    let check = CLI.run(["check", "--as-of", "2015-01-01"], ledger: ledger.path)
    #expect(check.stdout.contains("warning: stale-journal"), "\(check.stdout)")
    let recorded = CLI.run(
      ["record", "component.adopted", "service=a", "component=x", "on=2015-01-01"],
      ledger: ledger.path)
    #expect(recorded.exitCode == 0, "\(recorded.stderr)")
    let left = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
    #expect(!left.contains { $0.contains(".tmp-") || $0 == AppendJournal.fileName }, "\(left)")
    let again = CLI.run(["check", "--as-of", "2015-01-01"], ledger: ledger.path)
    #expect(!again.stdout.contains("stale-journal"))
  }

  @Test("a folder in the journal's place is named as such by record and repair, with what to do")
  func journalFolder() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registration])
    defer { ledger.remove() }
    try FileManager.default.createDirectory(
      atPath: ledger.path + "/" + AppendJournal.fileName + "/inside",
      withIntermediateDirectories: true)
    for command in [
      ["record", "component.adopted", "service=a", "component=x", "on=2015-01-01"], ["repair"],
    ] {
      let run = CLI.run(command, ledger: ledger.path)
      #expect(run.exitCode == 1, "\(command): \(run.stderr)")
      #expect(
        run.stderr.contains(
          "\(AppendJournal.fileName): is a folder, not the note of a cut-off append; move it out "
            + "of the ledger folder, then try again"), "\(command): \(run.stderr)")
    }
    #expect(ledger.text("ledger.jsonl") == Self.registration)
  }

  @Test(
    "more log files than the process may open: 600 files under `ulimit -n 128`",
    .timeLimit(.minutes(5)))
  func manyFiles() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registration])
    defer { ledger.remove() }
    for index in 0..<600 {
      let hex = String(index + 2, radix: 16)
      try ledger.write(
        "team-\(index).jsonl",
        #"{"id":"00000000-0000-4000-8000-"# + String(repeating: "0", count: 12 - hex.count) + hex
          + #"","at":"2015-01-02T00:00:00Z","by":"p-1","type":"component.adopted","#
          + #""data":{"service":"a","component":"c\#(index)","on":"2015-01-01"}}"# + "\n")
    }
    for arguments in [
      "priorities --as-of 2015-01-01", "log --format json",
      "record component.adopted service=a component=last on=2015-01-02",
    ] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "ulimit -n 128 && exec \"$0\" \(arguments)", Spawn.binary]
      process.environment = [
        "LEDGER_DIR": ledger.path, "LEDGER_ACTOR": "p-1", "LEDGER_NOW": "2015-02-01T00:00:00Z",
      ]
      let out = Pipe()
      let err = Pipe()
      process.standardOutput = out
      process.standardError = err
      try process.run()
      let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(arguments): \(error)")
      if arguments.hasPrefix("log") { #expect(text.contains("c599")) }
    }
  }
}
