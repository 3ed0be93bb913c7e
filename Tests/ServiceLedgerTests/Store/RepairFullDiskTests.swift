import Foundation
import Testing

/// `ledger repair` when its side file cannot be written (a full disk; here a file size limit of
/// zero, `ulimit -f 0`, which fails the write the same way and needs no small file system).
@Suite("Repair on a full disk")
struct RepairFullDiskTests {
  @Test("a side file that cannot be written is not left behind, and the message says what to do")
  func noRoomForSideFile() throws {
    let (ledger, _) = try RepairTests.ledger()
    defer { ledger.remove() }
    let valid = ledger.bytes("ledger.jsonl")
    let fragment = Array(#"{"id":"00000000-0000-4000-8000-0000000000ff","at":"2014-"#.utf8)
    try ledger.write("ledger.jsonl", String(decoding: valid + fragment, as: UTF8.self))
    for _ in 1...2 {
      let run = try NoRoom.run(["repair", "--ledger", ledger.path], blocks: 0)
      #expect(run.status == 1, "\(run.stderr)")
      #expect(run.stderr.contains("nothing was moved"), "\(run.stderr)")
      #expect(run.stderr.contains("make room on the disk, then try again"), "\(run.stderr)")
    }
    // No empty side files pile up, one a try; the log is as it was.
    let names = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
    #expect(!names.contains { $0.contains(".torn-") }, "\(names)")
    #expect(ledger.bytes("ledger.jsonl") == valid + fragment)
    // With room, the repair it asked for works.
    let repaired = CLI.run(["repair"], ledger: ledger.path)
    #expect(repaired.exitCode == 0, "\(repaired.stderr)")
    #expect(ledger.bytes("ledger.jsonl") == valid)
  }
}
