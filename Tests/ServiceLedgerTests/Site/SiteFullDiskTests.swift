import Foundation
import Testing

/// `ledger site` onto a full disk (here a file size limit, `NoRoom`): the message gives the
/// system's words, and the earlier site is left whole.
@Suite("A site onto a full disk (built binary)")
struct SiteFullDiskTests {
  @Test("a page that cannot be written says why in the system's words; the earlier site stays")
  func pageWithoutRoom() throws {
    let parent = try TemporaryLedger()
    defer { parent.remove() }
    let out = parent.path + "/site"
    let arguments = [
      "site", "--ledger", packageRoot + "/events", "--as-of", "2015-03-31", "--out", out,
    ]
    let earlier = CLI.run(arguments)
    #expect(earlier.exitCode == 0, "\(earlier.stderr)")
    let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
    // Files of at most 8 blocks (4 or 8 KiB): the home page is larger.
    let run = try NoRoom.run(arguments, blocks: 8)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains("cannot write: File too large"), "\(run.stderr)")
    #expect(!run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
    #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == index)
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
  }
}
