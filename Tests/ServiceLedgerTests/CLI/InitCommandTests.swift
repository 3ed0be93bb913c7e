import Foundation
import Testing

/// `ledger init` and `ledger generate` say what is in the way in words, not as a Foundation
/// error dump.
@Suite("ledger init")
struct InitCommandTests {
  @Test("a path that is a file, or under one, is refused with what to do")
  func pathIsAFile() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let file = ledger.path + "/notes.txt"
    try ledger.write("notes.txt", "not a folder\n")
    let onFile = CLI.run(["init", file])
    #expect(onFile.exitCode == 1)
    #expect(
      onFile.stderr.contains("\(file): cannot be created: \(file) is a file, not a folder"),
      "\(onFile.stderr)")
    #expect(!onFile.stderr.contains("NSCocoaErrorDomain"), "\(onFile.stderr)")
    let under = CLI.run(["init", file + "/ledger"])
    #expect(under.exitCode == 1)
    #expect(under.stderr.contains("\(file) is a file, not a folder"), "\(under.stderr)")
    #expect(!under.stderr.contains("NSCocoaErrorDomain"), "\(under.stderr)")
    #expect(ledger.text("notes.txt") == "not a folder\n")
    // `generate` makes its folder the same way.
    let generated = CLI.run(["generate", "--ledger", file + "/ledger", "--events", "10"])
    #expect(generated.exitCode == 1)
    #expect(generated.stderr.contains("\(file) is a file, not a folder"), "\(generated.stderr)")
    #expect(!generated.stderr.contains("NSCocoaErrorDomain"), "\(generated.stderr)")
    let fresh = CLI.run(["init", ledger.path + "/new/ledger"])
    #expect(fresh.exitCode == 0, "\(fresh.stderr)")
    #expect(FileManager.default.fileExists(atPath: ledger.path + "/new/ledger/ledger.jsonl"))
  }
}
