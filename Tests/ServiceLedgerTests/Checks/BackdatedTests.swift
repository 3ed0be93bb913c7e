import Foundation
import Testing

@testable import ServiceLedger

/// `ledger check --base` fails new lines stamped before the base's latest `at` (`backdated`),
/// and `ledger restamp --base` gives them new stamps in their order.
@Suite("Backdated lines and restamp", .serialized)
struct BackdatedTests {
  static let freshIDs = ["LEDGER_SEED": ""]

  /// A base with a registration, and a branch of it with two new lines in two files written
  /// before a third line landed in the base.
  static func branch() throws -> (base: TemporaryLedger, branch: TemporaryLedger) {
    let base = try TemporaryLedger(files: ["ledger.jsonl": ""])
    func record(_ ledger: TemporaryLedger, _ now: String, _ fields: [String], file: String? = nil) {
      let run = CLI.run(
        ["record"] + fields + (file.map { ["--file", $0] } ?? []), ledger: ledger.path, now: now,
        environment: freshIDs)
      #expect(run.exitCode == 0, "\(run.stderr)")
    }
    record(
      base, "2015-01-01T00:00:00Z",
      ["service.registered", "service=a", "name=A", "organisation=OPG"])
    let branch = try TemporaryLedger(files: ["ledger.jsonl": base.text("ledger.jsonl")])
    record(
      branch, "2015-01-02T00:00:00Z",
      ["service.registered", "service=b", "name=B", "organisation=OPG"], file: "team.jsonl")
    record(
      branch, "2015-01-02T00:00:01Z",
      ["component.adopted", "service=b", "component=x", "on=2015-01-01"], file: "team.jsonl")
    record(
      branch, "2015-01-02T00:00:02Z",
      ["component.adopted", "service=b", "component=y", "on=2015-01-01"])
    record(
      base, "2015-01-03T00:00:00Z",
      ["component.adopted", "service=a", "component=z", "on=2015-01-01"])
    // The branch brings in the base's new line (a merge), keeping its own after it.
    let mine = branch.text("ledger.jsonl").split(separator: "\n").dropFirst()
    try branch.write(
      "ledger.jsonl", base.text("ledger.jsonl") + mine.map { $0 + "\n" }.joined())
    return (base, branch)
  }

  @Test(
    "check --base reports every new line stamped before the base's latest, and restamp fixes them")
  func backdatedThenRestamped() throws {
    let (base, branch) = try Self.branch()
    defer {
      base.remove()
      branch.remove()
    }
    let arguments = ["check", "--as-of", "2015-01-04", "--base", base.path]
    let check = CLI.run(arguments + ["--rule", "backdated"], ledger: branch.path)
    #expect(check.exitCode == 1)
    let lines = check.stdout.split(separator: "\n").filter { $0.contains("backdated") }
    #expect(lines.count == 3, "\(check.stdout)")
    #expect(lines.allSatisfy { $0.contains("`ledger restamp --base BASE --ledger ") })
    let baseBytes = base.text("ledger.jsonl")
    let restamp = CLI.run(
      ["restamp", "--base", base.path], ledger: branch.path, now: "2015-01-05T00:00:00Z")
    #expect(
      restamp.stdout
        == "restamped 3 line(s) not in the base: \(branch.path)/ledger.jsonl (1), "
        + "\(branch.path)/team.jsonl (2)\n", "\(restamp.stderr)")
    #expect(branch.text("ledger.jsonl").hasPrefix(baseBytes))
    let after = CLI.run(arguments, ledger: branch.path)
    #expect(!after.stdout.contains("backdated") && !after.stdout.contains("append-only"))
    let events = try branch.folder.readValid().events
    #expect(
      events.suffix(3).map(\.at.description) == [
        "2015-01-05T00:00:00Z", "2015-01-05T00:00:00.000001Z", "2015-01-05T00:00:00.000002Z",
      ])
    #expect(events.suffix(3).map { $0.event.service?.rawValue } == ["b", "b", "b"])
    let again = CLI.run(
      ["restamp", "--base", base.path], ledger: branch.path, now: "2015-01-06T00:00:00Z")
    // Already later than the base's latest: not stamped again.
    #expect(again.stdout.hasPrefix("nothing to restamp"), "\(again.stdout)")
    let clean = CLI.run(["restamp", "--base", branch.path], ledger: branch.path)
    #expect(clean.stdout.hasPrefix("nothing to restamp"))
  }

  @Test("restamp rewrites a log file whose name is as long as a file name may be")
  func restampLongName() throws {
    // 249 bytes: `.NAME.tmp-restamp` beside it would pass the 255 a file name may have.
    let name = String(repeating: "t", count: 243) + ".jsonl"
    let base = try TemporaryLedger(files: [:])
    let branch = try TemporaryLedger(files: [:])
    defer {
      base.remove()
      branch.remove()
    }
    let first = CLI.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG", "--file", name],
      ledger: branch.path, now: "2015-01-01T00:00:00Z", environment: Self.freshIDs)
    #expect(first.exitCode == 0, "\(first.stderr)")
    let later = CLI.run(
      ["record", "service.registered", "service=b", "name=B", "organisation=OPG"],
      ledger: base.path, now: "2015-01-02T00:00:00Z", environment: Self.freshIDs)
    #expect(later.exitCode == 0, "\(later.stderr)")
    try branch.write("ledger.jsonl", base.text("ledger.jsonl"))
    let restamp = CLI.run(
      ["restamp", "--base", base.path], ledger: branch.path, now: "2015-01-03T00:00:00Z")
    #expect(restamp.stdout.hasPrefix("restamped 1 line(s) not in the base: "), "\(restamp.stderr)")
    #expect(branch.text(name).contains(#""at":"2015-01-03T00:00:00Z""#))
    let left = try FileManager.default.contentsOfDirectory(atPath: branch.path)
    #expect(!left.contains { $0.contains(".tmp-") }, "\(left)")
  }

  @Test("restamp refuses a file whose base lines changed, and changes nothing")
  func restampRefusesEdits() throws {
    let (base, branch) = try Self.branch()
    defer {
      base.remove()
      branch.remove()
    }
    let edited = branch.text("ledger.jsonl").replacingOccurrences(of: "\"A\"", with: "\"AA\"")
    try branch.write("ledger.jsonl", edited)
    let team = branch.text("team.jsonl")
    let run = CLI.run(["restamp", "--base", base.path], ledger: branch.path)
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("does not begin with its copy in the base"), "\(run.stderr)")
    #expect(branch.text("ledger.jsonl") == edited && branch.text("team.jsonl") == team)
  }
}

/// A base given as one file stands for the ledger's file of its name alone.
@Suite("A base of one file")
struct SingleFileBaseTests {
  @Test("check and restamp compare only the ledger's file of the base's name")
  func comparesItsFileAlone() throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    let file = base.path + "/ledger.jsonl"
    let check = CLI.run(
      ["check", "--as-of", "2015-01-04", "--base", file, "--rule", "backdated"],
      ledger: branch.path)
    let lines = check.stdout.split(separator: "\n").filter { $0.contains("backdated") }
    // team.jsonl's two new lines are outside the base; ledger.jsonl's one is in it.
    #expect(lines.count == 1 && lines[0].contains("ledger.jsonl:3:"), "\(check.stdout)")
    let team = branch.text("team.jsonl")
    let restamp = CLI.run(
      ["restamp", "--base", file], ledger: branch.path, now: "2015-01-05T00:00:00Z")
    #expect(
      restamp.stdout == "restamped 1 line(s) not in the base: \(branch.path)/ledger.jsonl (1)\n",
      "\(restamp.stderr)")
    #expect(branch.text("team.jsonl") == team)
    #expect(branch.text("ledger.jsonl").contains(#""at":"2015-01-05T00:00:00Z""#))
    let again = CLI.run(["check", "--as-of", "2015-01-04", "--base", file], ledger: branch.path)
    #expect(!again.stdout.contains("backdated") && !again.stdout.contains("append-only"))
  }

  @Test(
    "a copy under another name is a missing file that says how to name it, and restamp refuses it")
  func renamedCopy() throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    try base.write("copy.jsonl", base.text("ledger.jsonl"))
    let copy = base.path + "/copy.jsonl"
    let check = CLI.run(["check", "--as-of", "2015-01-04", "--base", copy], ledger: branch.path)
    #expect(check.exitCode == 1)
    #expect(check.stdout.contains("copy.jsonl is in the base but not in the ledger"))
    #expect(check.stdout.contains("compared with the ledger's file of the same name"))
    // Located at the ledger, not at a path of it that never was.
    #expect(!check.stdout.contains("/copy.jsonl:"), "\(check.stdout)")
    let github = CLI.run(
      ["check", "--as-of", "2015-01-04", "--base", copy, "--format", "github"], ledger: branch.path)
    #expect(github.stdout.contains("::error title=append-only::copy.jsonl is in the base"))
    #expect(!github.stdout.contains("copy.jsonl,"), "\(github.stdout)")
    #expect(!check.stdout.contains("backdated"), "\(check.stdout)")
    let files = (branch.text("ledger.jsonl"), branch.text("team.jsonl"))
    let restamp = CLI.run(["restamp", "--base", copy], ledger: branch.path)
    #expect(restamp.exitCode == 1)
    #expect(restamp.stderr.contains("the ledger has no file named copy.jsonl"), "\(restamp.stderr)")
    #expect((branch.text("ledger.jsonl"), branch.text("team.jsonl")) == files)
  }
}
