import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ledger folder or file that cannot be used is named with the system's reason and what to
/// check, never with Foundation's error dump. Tests run as root, whom permission bits do not
/// stop: the mapping is checked with the `errno` a non-root user gets, and the path through
/// the code with failures root gets too.
@Suite("Folder access errors")
struct FolderAccessErrorTests {
  @Test("permission denied names the path and says what to check", arguments: [EACCES, EPERM])
  func permission(code: Int32) {
    let error = FileIO.error("/srv/ledger", code: code, action: "cannot list the folder")
    let words = String(cString: strerror(code))
    #expect(
      error.description
        == "/srv/ledger: cannot list the folder: \(words); check the permissions of /srv/ledger "
        + "and of the folders above it (`ls -ld /srv/ledger`): the user running ledger must be "
        + "allowed to read it, and to write to it for a command that writes")
  }

  @Test(
    "the command to look at the permissions runs as shown for any path",
    arguments: [
      ("my ledger", "`ls -ld 'my ledger'`"), ("it's/x.jsonl", #"`ls -ld 'it'\''s/x.jsonl'`"#),
      ("-events", "`ls -ld ./-events`"), ("/srv/ledger", "`ls -ld /srv/ledger`"),
    ])
  func permissionCommandQuoted(path: String, command: String) {
    let error = FileIO.error(path, code: EACCES)
    #expect(error.description.contains("(\(command)): the user running ledger"), "\(error)")
  }

  @Test("the `ledger init` that a missing ledger suggests runs as shown for any path")
  func initCommandQuoted() {
    #expect(
      LedgerError.noLedger(path: "my ledger").description
        == "no ledger at my ledger: create one with `ledger init --ledger 'my ledger'` or name "
        + "another with --ledger DIR (or LEDGER_DIR)")
    #expect(
      LedgerError.noLedger(path: "-events").description.contains(
        "`ledger init --ledger ./-events`"))
    #expect(
      LedgerError.noLedger(path: "events").description.contains("`ledger init --ledger events`"))
  }

  @Test("other errors keep the system's words")
  func otherErrors() {
    #expect(FileIO.error("/a/b.jsonl", code: EIO).description == "/a/b.jsonl: Input/output error")
    #expect(
      FileIO.error("/a", code: ELOOP).description
        == "/a: Too many levels of symbolic links; a symbolic link on the path leads round in a "
        + "loop: give the real path")
  }

  @Test("a folder path that cannot be followed gives the reason, not 'no ledger'")
  func loopingPath() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let loop = ledger.path + "/loop"
    #expect(symlink("loop", loop) == 0)
    #expect(throws: FileIO.error(loop, code: ELOOP)) { try LedgerFolder(path: loop).names() }
    let run = CLI.run(["priorities"], ledger: loop)
    #expect(run.exitCode == 1)
    #expect(
      run.stderr
        == "ledger priorities: error: \(loop): Too many levels of symbolic links; a symbolic "
        + "link on the path leads round in a loop: give the real path\n")
    let record = CLI.run(
      ["record", "phase.entered", "service=a", "phase=beta", "on=2014-01-01"], ledger: loop)
    #expect(record.stderr.contains("\(loop): Too many levels of symbolic links"))
  }

  @Test("a missing folder, or one under a file, is still 'no ledger'")
  func missing() throws {
    let ledger = try TemporaryLedger(files: ["file": ""])
    defer { ledger.remove() }
    for path in [ledger.path + "/none", ledger.path + "/file/sub"] {
      #expect(throws: LedgerError.noLedger(path: path)) { try LedgerFolder(path: path).names() }
    }
  }

  @Test("a file given for the ledger's folder is named as such, not advised `ledger init`")
  func fileForFolder() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let file = ledger.folder.path(of: "ledger.jsonl")
    for command in [
      ["priorities"], ["check"],
      ["record", "phase.entered", "service=a", "phase=beta", "on=2014-01-01"],
    ] {
      let run = CLI.run(command, ledger: file)
      #expect(run.exitCode == 1)
      #expect(
        run.stderr.contains(
          "\(file): is a regular file, not a ledger folder: give the folder that holds the "
            + "ledger's *.jsonl files with --ledger DIR (or LEDGER_DIR)\n"), "\(run.stderr)")
    }
  }

  @Test("init names what is in the way of ledger.jsonl instead of replacing it")
  func initInTheWay() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let file = ledger.folder.path(of: "ledger.jsonl")
    #expect(mkfifo(file, 0o644) == 0)
    let run = CLI.run(["init", ledger.path])
    #expect(run.exitCode == 1)
    #expect(
      run.stderr
        == "ledger init: error: \(file): cannot be created: a FIFO (named pipe) of that name is "
        + "in the way; move it aside or use another folder\nnothing was created\n")
    var status = stat()
    #expect(lstat(file, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
  }

  @Test("the folder's names are every entry but . and .., hidden ones included")
  func listing() throws {
    let ledger = try TemporaryLedger(files: ["a.jsonl": "", ".hidden": "", "b": ""])
    defer { ledger.remove() }
    try FileManager.default.createDirectory(
      atPath: ledger.path + "/sub", withIntermediateDirectories: false)
    #expect(try Set(ledger.folder.names()) == ["a.jsonl", ".hidden", "b", "sub"])
  }
}
