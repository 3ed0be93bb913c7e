import Foundation
import Testing

@testable import ServiceLedger

/// A repeated event id is a `duplicate-id` whatever else is wrong with the line: a copy of an
/// earlier line appended at the end of a file also breaks its time order, and the replay leaves
/// such a line out before looking at its id.
@Suite("A copied line is a duplicate id")
struct RepeatedIDTests {
  /// A base of two events, and a branch of it with a new line and then a copy of the base's
  /// first line appended to `file`.
  static func branch(copyTo file: String) throws -> (base: TemporaryLedger, branch: TemporaryLedger)
  {
    let base = try TemporaryLedger(files: ["ledger.jsonl": ""])
    func record(_ ledger: TemporaryLedger, _ now: String, _ fields: [String], file: String? = nil) {
      let run = CLI.run(
        ["record"] + fields + (file.map { ["--file", $0] } ?? []), ledger: ledger.path, now: now,
        environment: ["LEDGER_SEED": ""])
      #expect(run.exitCode == 0, "\(run.stderr)")
    }
    record(
      base, "2015-01-01T00:00:00Z",
      ["service.registered", "service=a", "name=A", "organisation=OPG"])
    record(
      base, "2015-01-02T00:00:00Z",
      ["component.adopted", "service=a", "component=z", "on=2015-01-01"])
    let branch = try TemporaryLedger(files: ["ledger.jsonl": base.text("ledger.jsonl")])
    record(
      branch, "2015-01-03T00:00:00Z",
      ["component.adopted", "service=a", "component=y", "on=2015-01-01"], file: file)
    let copy = try #require(base.text("ledger.jsonl").split(separator: "\n").first)
    try branch.write(file, branch.text(file) + copy + "\n")
    return (base, branch)
  }

  @Test(
    "check reports a base line copied to the end of a file as duplicate-id, with or without --base",
    arguments: ["ledger.jsonl", "team.jsonl"])
  func copiedLine(_ file: String) throws {
    let (base, branch) = try Self.branch(copyTo: file)
    defer {
      base.remove()
      branch.remove()
    }
    let copyLine = file == "ledger.jsonl" ? 4 : 2
    for arguments in [["--base", base.path], []] {
      let check = CLI.run(
        ["check", "--as-of", "2015-01-04", "--rule", "duplicate-id"] + arguments,
        ledger: branch.path)
      #expect(check.exitCode == 1, "\(check.stdout)")
      let findings = check.stdout.split(separator: "\n").filter { $0.contains("duplicate-id") }
      #expect(findings.count == 1, "\(check.stdout)")
      #expect(findings.first?.contains("\(file):\(copyLine)") == true, "\(check.stdout)")
      #expect(findings.first?.contains("ledger.jsonl:1") == true, "\(check.stdout)")
      // Every rule: the line is both, and each rule says so.
      let all = CLI.run(["check", "--as-of", "2015-01-04"] + arguments, ledger: branch.path)
      #expect(all.stdout.contains("duplicate-id"), "\(all.stdout)")
      #expect(all.stdout.contains("time-order"), "\(all.stdout)")
    }
    // The base itself, and the branch without the copy, have no duplicate.
    let clean = CLI.run(
      ["check", "--as-of", "2015-01-04", "--rule", "duplicate-id", "--base", base.path],
      ledger: base.path)
    #expect(clean.exitCode == 0, "\(clean.stdout)")
  }

  @Test("the line holding the id is found whatever its layout; the writer's is read by its start")
  func layouts() throws {
    let id = "6f9b6dae-6f4c-47a8-8ac2-ce17a5794a3b"
    let line =
      #"{"id":"\#(id)","at":"2015-01-01T00:00:00Z","by":"a","type":"#
      + #""service.registered","data":{"service":"a","name":"A","organisation":"OPG"}}"#
    #expect(
      line.utf8.withContiguousStorageIfAvailable {
        RepeatedIDs.leadingID(UnsafeRawBufferPointer($0))?.rawValue
      } == id)
    // The same event with its keys in another order: no id at its start, so it is decoded.
    let reordered =
      #"{"at":"2015-01-01T00:00:00Z","id":"\#(id)","by":"a","type":"#
      + #""service.registered","data":{"service":"a","name":"A","organisation":"OPG"}}"#
    #expect(
      reordered.utf8.withContiguousStorageIfAvailable {
        RepeatedIDs.leadingID(UnsafeRawBufferPointer($0))
      } == .some(nil))
    let copy =
      #"{"id":"\#(id)","at":"2014-12-31T00:00:00Z","by":"a","type":"#
      + #""component.adopted","data":{"service":"a","component":"z","on":"2015-01-01"}}"#
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": reordered + "\n" + copy + "\n"])
    defer { ledger.remove() }
    let check = CLI.run(
      ["check", "--as-of", "2015-01-04", "--rule", "duplicate-id"], ledger: ledger.path)
    #expect(check.exitCode == 1, "\(check.stdout)")
    #expect(check.stdout.contains("ledger.jsonl:2: error: duplicate-id"), "\(check.stdout)")
    #expect(check.stdout.contains("(ledger.jsonl:1)"), "\(check.stdout)")
  }

  @Test(
    "a line copied 40,000 times is reported at each copy, naming the first, in linear time",
    .timeLimit(.minutes(5)))
  func manyCopies() throws {
    let registered = FaultInjectionTests.registered
    let later =
      #"{"id":"00000000-0000-4000-8000-0000000000fe","at":"2015-01-02T00:00:00Z","by":"p-1","#
      + #""type":"component.adopted","data":{"service":"a","component":"z","on":"2015-01-01"}}"#
      + "\n"
    let copies = 40_000
    let ledger = try TemporaryLedger(
      files: ["ledger.jsonl": registered + later + String(repeating: registered, count: copies)])
    defer { ledger.remove() }
    // Every copy is out of time order: the lines the replay names.
    let timeOrder = (3..<(3 + copies)).map { line in
      LedgerProblem(rule: .timeOrder, file: "ledger.jsonl", line: line, message: "")
    }
    let problems = try RepeatedIDs.problems(ledger.folder, timeOrder: timeOrder)
    #expect(problems.count == copies)
    #expect(problems.allSatisfy { $0.rule == .duplicateID })
    #expect(problems.map(\.line) == Array(3..<(3 + copies)))
    let more = " and \(copies - 1) more)"
    #expect(problems.allSatisfy { $0.message.contains("(ledger.jsonl:1" + more) })
  }
}
