import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// The lines that say what a command did show the ledger's path, and any file the user named,
/// escaped as errors and the check's summary show them: a newline in a folder's name never
/// starts a line of its own, and an escape never reaches the terminal.
@Suite("Paths in success lines", .serialized)
struct SuccessLinePathTests {
  /// A name with an escape sequence that sets the terminal's title, and a newline.
  static let name = "l\u{1B}]0;title\u{7}\nx"

  /// A folder under the temporary directory holding `name`, removed by `remove()`.
  struct Work {
    let root = NSTemporaryDirectory() + "ledger-lines-" + UUID().uuidString.lowercased()
    var ledger: String { root + "/" + SuccessLinePathTests.name }

    init() throws {
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  /// Expects `run` to have succeeded with one terminal-safe line on stdout that shows `path`
  /// escaped.
  static func expectOneSafeLine(
    _ run: CLIRun, showing path: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(run.exitCode == 0, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(
      run.stdout.filter { $0 == "\n" }.count == 1, "\(run.stdout)", sourceLocation: sourceLocation)
    #expect(
      Format.terminalSafeLines(run.stdout) == run.stdout, "\(run.stdout)",
      sourceLocation: sourceLocation)
    #expect(
      run.stdout.contains(Format.terminalSafe(path)), "\(run.stdout)",
      sourceLocation: sourceLocation)
  }

  @Test("init, record and append say where on one line, the path escaped")
  func initRecordAppend() throws {
    let work = try Work()
    defer { work.remove() }
    let created = CLI.run(["init", work.ledger])
    Self.expectOneSafeLine(created, showing: work.ledger)
    #expect(created.stdout.hasPrefix("created an empty ledger at "))
    let again = CLI.run(["init"], ledger: work.ledger)
    Self.expectOneSafeLine(again, showing: work.ledger)
    #expect(again.stdout.hasSuffix(" is already a ledger; nothing changed\n"))

    let recorded = CLI.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG"],
      ledger: work.ledger)
    Self.expectOneSafeLine(recorded, showing: work.ledger + "/ledger.jsonl")
    #expect(recorded.stdout.hasPrefix("recorded service.registered "))

    let input = work.ledger + ".in"
    try Data().write(to: URL(fileURLWithPath: input))
    let nothing = CLI.run(["append", input], ledger: work.ledger)
    Self.expectOneSafeLine(nothing, showing: input)
    #expect(nothing.stdout.hasPrefix("nothing to append: "))
    let line =
      #"{"type":"service.registered","data":{"service":"b","name":"B","organisation":"OPG"}}"#
    try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: input))
    // An id of its own: the seeded id of this time is the recorded line's.
    let appended = CLI.run(
      ["append", input], ledger: work.ledger, environment: ["LEDGER_SEED": ""])
    Self.expectOneSafeLine(appended, showing: work.ledger + "/ledger.jsonl")
    #expect(appended.stdout.hasPrefix("appended 1 event(s) to "))
  }

  @Test("import, generate, restamp and repair say what they did on one line, the path escaped")
  func otherWriters() throws {
    let work = try Work()
    defer { work.remove() }
    let generated = CLI.run(
      ["generate", "--ledger", work.ledger, "--services", "2", "--events", "40"])
    Self.expectOneSafeLine(generated, showing: work.ledger)

    let repaired = CLI.run(["repair"], ledger: work.ledger)
    Self.expectOneSafeLine(repaired, showing: work.ledger)
    #expect(repaired.stdout.hasPrefix("nothing to repair in "))

    let unchanged = CLI.run(["restamp", "--base", work.ledger], ledger: work.ledger)
    Self.expectOneSafeLine(unchanged, showing: work.ledger)
    #expect(unchanged.stdout.hasPrefix("nothing to restamp: "))

    let csv = work.root + "/" + Self.name + ".csv"
    try FileManager.default.copyItem(
      atPath: sourceDataRoot + "/moj-transactions-explorer.csv", toPath: csv)
    let imported = CLI.run(["import", "transactions-explorer", csv], ledger: work.ledger)
    Self.expectOneSafeLine(imported, showing: csv)
    #expect(imported.stdout.contains(" into " + Format.terminalSafe(work.ledger) + ": "))
  }

  @Test("repair's list of what it moved keeps one line per move")
  func repairMoves() throws {
    let work = try Work()
    defer { work.remove() }
    #expect(CLI.run(["init", work.ledger]).exitCode == 0)
    try Data(#"{"id":"00000000-0000-4000-8000-0000000000ff","at":"2014-"#.utf8)
      .write(to: URL(fileURLWithPath: work.ledger + "/ledger.jsonl"))
    let run = CLI.run(["repair"], ledger: work.ledger)
    #expect(run.exitCode == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 2, "\(run.stdout)")
    #expect(lines.first?.hasPrefix(Format.terminalSafe(work.ledger) + "/ledger.jsonl:1: ") == true)
    #expect(Format.terminalSafeLines(run.stdout) == run.stdout)
  }
}

/// The store's errors show paths escaped too: `ledger` prints them line by line, keeping the
/// line breaks of the message itself.
@Suite("Paths in error lines")
struct ErrorLinePathTests {
  @Test("no ledger, an unreadable settings file and a bad log name the folder on one line")
  func storeErrors() throws {
    let work = try SuccessLinePathTests.Work()
    defer { work.remove() }
    let missing = CLI.run(["services"], ledger: work.ledger)
    #expect(missing.exitCode == 1)
    #expect(missing.stderr.filter { $0 == "\n" }.count == 1, "\(missing.stderr)")
    #expect(missing.stderr.contains("no ledger at \(Format.terminalSafe(work.ledger)):"))
    #expect(Format.terminalSafeLines(missing.stderr) == missing.stderr)

    #expect(CLI.run(["init", work.ledger]).exitCode == 0)
    try Data("{".utf8).write(to: URL(fileURLWithPath: work.ledger + "/roles.json"))
    let roles = CLI.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG"],
      ledger: work.ledger)
    #expect(roles.exitCode != 0)
    #expect(roles.stderr.filter { $0 == "\n" }.count == 1, "\(roles.stderr)")
    #expect(roles.stderr.contains(Format.terminalSafe(work.ledger + "/roles.json")))

    try FileManager.default.removeItem(atPath: work.ledger + "/roles.json")
    try Data("not json\n".utf8).write(to: URL(fileURLWithPath: work.ledger + "/ledger.jsonl"))
    let invalid = CLI.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG"],
      ledger: work.ledger)
    #expect(invalid.exitCode != 0)
    // The list of bad lines is one line each, every one naming the folder escaped.
    let lines = invalid.stderr.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix(Format.terminalSafe(work.ledger) + "/ledger.jsonl:1") })
    #expect(!invalid.stderr.contains("\nx/ledger.jsonl"), "\(invalid.stderr)")
  }
}
