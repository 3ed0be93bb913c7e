import Foundation
import Testing

/// `ledger repair` writes only inside the ledger folder, as appends do.
@Suite("Repair and symbolic links")
struct RepairLinkTests {
  @Test("a torn file reached by a link out of the folder is not cut: repair says what it is")
  func linkOutOfFolder() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let outside = ledger.path + "-outside.jsonl"
    defer { try? FileManager.default.removeItem(atPath: outside) }
    let bytes = Array("another program's data\npartial".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: outside))
    try FileManager.default.createSymbolicLink(
      atPath: ledger.path + "/other.jsonl", withDestinationPath: outside)
    let run = CLI.run(["repair"], ledger: ledger.path)
    #expect(run.exitCode == 1, "\(run.stdout)")
    #expect(
      run.stderr.contains("\(ledger.path)/other.jsonl: is a symbolic link that leads out of"),
      "\(run.stderr)")
    #expect(run.stderr.contains("remove the link"), "\(run.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: outside)) == Data(bytes))
    let names = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
    #expect(!names.contains { $0.contains(".torn-") }, "\(names)")
  }
}
