import Foundation
import Testing

/// `ledger generate` that cannot write the whole ledger (a full disk; here a file size limit)
/// leaves nothing that would read as a smaller ledger.
@Suite("Generating onto a full disk (built binary)")
struct GenerateFullDiskTests {
  @Test("what was written goes, and the folder too when generate made it")
  func nothingKept() throws {
    let parent = try TemporaryLedger()
    defer { parent.remove() }
    let existing = parent.path + "/empty"
    try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: false)
    for folder in [parent.path + "/new", existing] {
      // Five files of some 100 KiB each, under a limit of 32 or 64 KiB a file.
      let run = try NoRoom.run(
        ["generate", "--ledger", folder, "--services", "10", "--events", "2500"], blocks: 64)
      #expect(run.status == 1, "\(run.stderr)")
      #expect(run.stderr.contains("cannot write the ledger: File too large"), "\(run.stderr)")
      #expect(run.stderr.contains("raise the limit, then try again"), "\(run.stderr)")
      #expect(run.stderr.contains("nothing was kept"), "\(run.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: parent.path + "/new"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: existing).isEmpty)
  }
}
