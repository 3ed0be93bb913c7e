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

  /// The points of `init PARENT/a/b/c`: the folders a, b and c, then the file.
  static let points = 4

  @Test(
    "a disk that fills up at any step leaves no folder behind, and says so",
    arguments: 1...points)
  func fullDisk(point: Int) throws {
    let parent = try TemporaryLedger()
    defer { parent.remove() }
    let target = parent.path + "/a/b/c"
    let run = CLI.run(["init", target], environment: ["LEDGER_TEST_FAULT": "fail:\(point)"])
    #expect(run.exitCode == 1)
    let lines = run.stderr.split(separator: "\n").map(String.init)
    let failed = point == Self.points ? target + "/ledger.jsonl" : target
    #expect(lines.first?.hasPrefix("ledger init: error: \(failed): ") == true, "\(lines)")
    #expect(
      lines.first?.hasSuffix("No space left on device; make room on its disk, then try again")
        == true, "\(lines)")
    #expect(lines.dropFirst().first == "nothing was created", "\(lines)")
    // The folder that was there before is kept; what init made of it is gone.
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    // Once there is room, init makes the ledger.
    let again = CLI.run(["init", target])
    #expect(again.exitCode == 0, "\(again.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["ledger.jsonl"])
  }

  @Test("a folder that was there before, empty, is never removed")
  func existingFolderKept() throws {
    let folder = try TemporaryLedger()
    defer { folder.remove() }
    let run = CLI.run(["init", folder.path], environment: ["LEDGER_TEST_FAULT": "fail:1"])
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("make room on its disk"), "\(run.stderr)")
    var isFolder: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder))
    #expect(isFolder.boolValue)
    // Past the last point nothing fails: the points are the folders made and the file.
    let past = CLI.run(
      ["init", folder.path + "/a/b/c"],
      environment: ["LEDGER_TEST_FAULT": "fail:\(Self.points + 1)"])
    #expect(past.exitCode == 0, "\(past.stderr)")
  }
}
