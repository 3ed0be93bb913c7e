import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#endif

/// `--out` never destroys what it names: links stay links (the file they lead to is replaced
/// whole), FIFOs are written through, not replaced, and nothing is written inside the ledger
/// folder.
@Suite("Writing --out", .serialized)
struct OutputFileTests {
  static func report(_ out: String, ledger: TemporaryLedger) -> CLIRun {
    CLI.run(["report", "--quarter", "2015-Q1", "--out", out], ledger: ledger.path)
  }

  @Test("a path inside the ledger folder is refused, however it is spelled or linked")
  func insideLedger() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let outside = ledger.path + "-out"
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: outside) }
    try FileManager.default.createDirectory(
      atPath: ledger.path + "/sub", withIntermediateDirectories: true)
    #expect(symlink(ledger.path + "/ledger.jsonl", outside + "/to-log.md") == 0)
    #expect(symlink(ledger.path, outside + "/to-folder") == 0)
    let before = try FileManager.default.contentsOfDirectory(atPath: ledger.path).sorted()
    for out in [
      ledger.path + "/report.md", ledger.path + "/ledger.jsonl", ledger.path + "/new.jsonl",
      ledger.path + "/sub/report.md", ledger.path + "/sub/../x.jsonl", outside + "/to-log.md",
      outside + "/to-folder/r.md", ledger.path,
    ] {
      let run = Self.report(out, ledger: ledger)
      #expect(run.exitCode == 1, "\(out)")
      #expect(run.stderr.contains("is inside the ledger folder"), "\(out): \(run.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: ledger.path).sorted() == before)
    #expect(ledger.bytes("ledger.jsonl").isEmpty)
  }

  @Test("a symbolic link is written through and stays a link; a broken one is refused")
  func links() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let outside = ledger.path + "-out"
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: outside) }
    try Data("old".utf8).write(to: URL(fileURLWithPath: outside + "/real.md"))
    #expect(symlink("real.md", outside + "/link.md") == 0)
    let run = Self.report(outside + "/link.md", ledger: ledger)
    #expect(run.exitCode == 0, "\(run.stderr)")
    let kind = try FileManager.default.attributesOfItem(atPath: outside + "/link.md")[.type]
    #expect(kind as? FileAttributeType == .typeSymbolicLink)
    let text = try String(contentsOfFile: outside + "/real.md", encoding: .utf8)
    #expect(text.hasPrefix("# Board report: 2015-Q1"))
    #expect(symlink("gone.md", outside + "/broken.md") == 0)
    let broken = Self.report(outside + "/broken.md", ledger: ledger)
    #expect(broken.stderr.contains("is a symbolic link to nothing"), "\(broken.stderr)")
    #expect(!FileManager.default.fileExists(atPath: outside + "/gone.md"))
  }

  @Test("a link's file that cannot be written again (a full disk) keeps the earlier output")
  func linkWithoutRoom() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let outside = ledger.path + "-out"
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: outside) }
    let earlier = "# the report as the board read it\n"
    try Data(earlier.utf8).write(to: URL(fileURLWithPath: outside + "/real.md"))
    #expect(symlink("real.md", outside + "/link.md") == 0)
    // No file may grow past 0 bytes: the new report cannot be written anywhere.
    let run = try NoRoom.run(
      ["report", "--quarter", "2015-Q1", "--ledger", ledger.path, "--out", outside + "/link.md"],
      blocks: 0)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains(outside + "/real.md"), "\(run.stderr)")
    let kept = try String(contentsOfFile: outside + "/real.md", encoding: .utf8)
    #expect(kept == earlier)
    let kind = try FileManager.default.attributesOfItem(atPath: outside + "/link.md")[.type]
    #expect(kind as? FileAttributeType == .typeSymbolicLink)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: outside).sorted() == [
        "link.md", "real.md",
      ])
    // With room, the file is replaced and the link still leads to it.
    let roomy = Self.report(outside + "/link.md", ledger: ledger)
    #expect(roomy.exitCode == 0, "\(roomy.stderr)")
    let written = try String(contentsOfFile: outside + "/real.md", encoding: .utf8)
    #expect(written.hasPrefix("# Board report: 2015-Q1"))
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: outside + "/link.md") == "real.md")
  }

  @Test("a folder, or a link to one, is refused with what to give instead, and left as it was")
  func folder() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let outside = ledger.path + "-out"
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: outside) }
    try Data("mine".utf8).write(to: URL(fileURLWithPath: outside + "/notes.txt"))
    #expect(symlink(outside, ledger.path + "-link") == 0)
    defer { unlink(ledger.path + "-link") }
    for out in [outside, outside + "/", ledger.path + "-link"] {
      let run = Self.report(out, ledger: ledger)
      #expect(run.exitCode == 1, "\(out)")
      #expect(
        run.stderr.contains("\(out): is a folder; give a file in it with --out"),
        "\(out): \(run.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["notes.txt"])
  }

  @Test("a FIFO is written into, not replaced", .timeLimit(.minutes(5)))
  func fifo() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let fifo = ledger.path + "-out.fifo"
    #expect(mkfifo(fifo, 0o644) == 0)
    defer { unlink(fifo) }
    let received = Capture()
    let reader = Thread {
      guard let handle = FileHandle(forReadingAtPath: fifo) else { return }
      received.text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
      try? handle.close()
    }
    reader.start()
    let run = Self.report(fifo, ledger: ledger)
    #expect(run.exitCode == 0, "\(run.stderr)")
    while !reader.isFinished { usleep(1000) }
    #expect(received.text.hasPrefix("# Board report: 2015-Q1"))
    var status = stat()
    #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
  }

  #if os(Linux)
    @Test("/dev/stdout leading to a pipe is written into: a link with no path that opens")
    func pipeThroughProcLink() throws {
      let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
      defer { ledger.remove() }
      var ends: [Int32] = [0, 0]
      #expect(pipe(&ends) == 0)
      defer { close(ends[0]) }
      // Like `/dev/stdout` under `| less`: `/proc/self/fd/N` leads to `pipe:[…]`, no path.
      let out = "/proc/self/fd/\(ends[1])"
      let run = Self.report(out, ledger: ledger)
      close(ends[1])
      #expect(run.exitCode == 0, "\(run.stderr)")
      let received = FileHandle(fileDescriptor: ends[0]).readDataToEndOfFile()
      #expect(String(decoding: received, as: UTF8.self).hasPrefix("# Board report: 2015-Q1"))
    }
  #endif
}
