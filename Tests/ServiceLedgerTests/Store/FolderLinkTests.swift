import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#endif

/// Two `*.jsonl` names of the folder for one file (a symbolic link to another log file, or a
/// hard link) would have its lines read twice: every command that reads the folder refuses it,
/// naming both, and writes nothing.
@Suite("Two names of the folder for one log file")
struct FolderLinkTests {
  static let commands = [
    ["services"], ["log"], ["check", "--as-of", "2015-01-02"], ["repair"],
    ["record", "component.adopted", "service=a", "component=x", "on=2015-01-01"],
    ["restamp", "--base", "."],
  ]

  @Test(
    "a link to another log file of the folder, or a hard link, is refused by every command",
    arguments: ["symbolic", "hard"])
  func refused(_ kind: String) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FolderEntriesTests.registration])
    defer { ledger.remove() }
    let alias = ledger.path + "/alias.jsonl"
    if kind == "symbolic" {
      #expect(symlink("ledger.jsonl", alias) == 0)
    } else {
      #expect(link(ledger.path + "/ledger.jsonl", alias) == 0)
    }
    for command in Self.commands {
      var command = command
      if command.last == "." { command[command.count - 1] = ledger.path }
      let run = CLI.run(command, ledger: ledger.path)
      #expect(run.exitCode == 1, "\(command): \(run.stdout)")
      #expect(run.stderr.contains("lines would be read twice"), "\(command): \(run.stderr)")
      if kind == "symbolic" {
        #expect(
          run.stderr.contains("\(alias): is the same file as ledger.jsonl (a symbolic link"),
          "\(command): \(run.stderr)")
        #expect(run.stderr.contains("remove alias.jsonl"), "\(command): \(run.stderr)")
      } else {
        #expect(
          run.stderr.contains("/ledger.jsonl: is the same file as alias.jsonl (a hard link"),
          "\(command): \(run.stderr)")
        #expect(run.stderr.contains("remove one of the two names"), "\(command): \(run.stderr)")
      }
    }
    #expect(ledger.text("ledger.jsonl") == FolderEntriesTests.registration)
    let names = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
    #expect(!names.contains { $0.contains(".torn-") }, "\(names)")
  }

  @Test("a link to a file of the folder that is not itself a log file is read once, by its name")
  func linkToOtherFile() throws {
    let ledger = try TemporaryLedger(files: ["store.data": FolderEntriesTests.registration])
    defer { ledger.remove() }
    #expect(symlink("store.data", ledger.path + "/ledger.jsonl") == 0)
    #expect(try ledger.folder.fileNames() == ["ledger.jsonl"])
    let run = CLI.run(["check", "--as-of", "2015-01-02"], ledger: ledger.path)
    #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
    #expect(try ledger.folder.readValid().events.count == 1)
  }

  @Test(
    "the two names are shown escaped: a newline or an escape in one stays on the error's line",
    arguments: ["symbolic", "hard"])
  func namesEscaped(_ kind: String) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FolderEntriesTests.registration])
    defer { ledger.remove() }
    // Sorted before ledger.jsonl, so that it is the name kept for a hard link.
    let alias = "\u{1B}[2Jfake\nledger: ok.jsonl"
    if kind == "symbolic" {
      #expect(symlink("ledger.jsonl", ledger.path + "/" + alias) == 0)
    } else {
      #expect(link(ledger.path + "/ledger.jsonl", ledger.path + "/" + alias) == 0)
    }
    let run = CLI.run(["log"], ledger: ledger.path)
    #expect(run.exitCode == 1)
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    #expect(!run.stderr.contains("\u{1B}"), "\(run.stderr)")
    #expect(run.stderr.contains(#"\u{1B}[2Jfake\u{A}ledger: ok.jsonl"#), "\(run.stderr)")
  }
}
