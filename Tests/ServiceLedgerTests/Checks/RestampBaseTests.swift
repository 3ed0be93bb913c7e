import Foundation
import Testing

@testable import ServiceLedger

/// `ledger restamp --base` against bases that do not match the ledger as `ledger check --base`
/// expects: it agrees with check on what is new, refuses what check calls an `append-only`
/// error, and rewrites no stamp that check does not call `backdated`.
@Suite("Restamp against a base", .serialized)
struct RestampBaseTests {
  /// What every file of `ledger` holds, to see that a refused restamp changed nothing.
  static func snapshot(_ ledger: TemporaryLedger) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try ledger.folder.fileNames() { files[name] = ledger.text(name) }
    return files
  }

  @Test("a file of the base renamed in the ledger: restamp refuses it, as check does")
  func renamedFile() throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    // ledger.jsonl's base lines now sit in merged.jsonl, behind the branch's line.
    try branch.write("merged.jsonl", branch.text("ledger.jsonl"))
    try FileManager.default.removeItem(atPath: branch.path + "/ledger.jsonl")
    let check = CLI.run(
      ["check", "--as-of", "2015-01-04", "--base", base.path], ledger: branch.path)
    #expect(check.stdout.contains("ledger.jsonl is in the base but not in the ledger"))
    let before = try Self.snapshot(branch)
    let restamp = CLI.run(
      ["restamp", "--base", base.path], ledger: branch.path, now: "2015-01-05T00:00:00Z")
    #expect(restamp.exitCode == 1, "\(restamp.stdout)")
    #expect(restamp.stderr.contains("ledger.jsonl is in the base but not in the ledger"))
    #expect(try Self.snapshot(branch) == before)
  }

  @Test("a base whose last line is torn: restamp stamps what check calls backdated, and only it")
  func tornBase() throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    // The target branch has a torn fragment after its last line.
    let fragment = #"{"id":"0000"#
    try base.write("ledger.jsonl", base.text("ledger.jsonl") + fragment)
    let arguments = ["check", "--as-of", "2015-01-04", "--base", base.path]
    let check = CLI.run(arguments + ["--rule", "backdated"], ledger: branch.path)
    #expect(check.stdout.contains("ledger restamp"), "\(check.stdout)")
    let restamp = CLI.run(
      ["restamp", "--base", base.path], ledger: branch.path, now: "2015-01-05T00:00:00Z")
    #expect(restamp.exitCode == 0, "\(restamp.stderr)")
    #expect(!branch.text("ledger.jsonl").contains(fragment))
    let after = CLI.run(arguments, ledger: branch.path)
    #expect(after.exitCode == 0, "\(after.stdout)")
  }

  @Test("a base with no events, or lines already later than the base's: nothing is restamped")
  func nothingBackdated() throws {
    let (base, branch) = try BackdatedTests.branch()
    let empty = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer {
      base.remove()
      branch.remove()
      empty.remove()
    }
    let before = try Self.snapshot(branch)
    let none = CLI.run(
      ["restamp", "--base", empty.path], ledger: branch.path, now: "2015-01-05T00:00:00Z")
    #expect(none.stdout.hasPrefix("nothing to restamp"), "\(none.stdout)\(none.stderr)")
    #expect(try Self.snapshot(branch) == before)
    let first = CLI.run(
      ["restamp", "--base", base.path], ledger: branch.path, now: "2015-01-05T00:00:00Z")
    #expect(first.stdout.hasPrefix("restamped 3 line(s)"), "\(first.stderr)")
    let stamped = try Self.snapshot(branch)
    let again = CLI.run(
      ["restamp", "--base", base.path], ledger: branch.path, now: "2015-01-06T00:00:00Z")
    #expect(again.stdout.hasPrefix("nothing to restamp"), "\(again.stdout)")
    #expect(try Self.snapshot(branch) == stamped)
  }

  /// A ledger of the files of `snapshot`.
  static func ledger(of snapshot: [String: String]) throws -> TemporaryLedger {
    try TemporaryLedger(files: snapshot)
  }

  /// Whether `ledger` holds a temporary file or the note of a cut-off restamp.
  static func hasLeftovers(_ ledger: TemporaryLedger) throws -> Bool {
    try FileManager.default.contentsOfDirectory(atPath: ledger.path).contains {
      $0.contains(".tmp-") || $0 == RestampJournal.fileName
    }
  }

  @Test("a restamp cut off (a full disk) leaves every file as it was, or once noted is finished")
  func cutOff() throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    // team.jsonl registers the service that a new line of ledger.jsonl adopts for: restamping
    // one file and not the other would put the adoption before the registration.
    let before = try Self.snapshot(branch)
    let now = try #require(Timestamp("2015-01-05T00:00:00Z"))
    _ = try LedgerRestamp(folder: branch.folder).restamp(
      from: LedgerBase(path: base.path), now: now)
    let after = try Self.snapshot(branch)
    #expect(after != before)
    var point = 1
    while true {
      let ledger = try Self.ledger(of: before)
      defer { ledger.remove() }
      let faults = FaultInjection(action: .fail, point: point)
      let restamp = LedgerRestamp(folder: ledger.folder, faults: faults)
      do {
        _ = try restamp.restamp(from: LedgerBase(path: base.path), now: now)
      } catch {
        let noted = ledger.folder.hasFile(RestampJournal.fileName)
        if !noted {
          #expect(try Self.snapshot(ledger) == before, "at point \(point): \(error)")
          #expect(try !Self.hasLeftovers(ledger), "at point \(point)")
        }
        _ = try LedgerRepair(folder: ledger.folder).repair(now: now)
        #expect(try Self.snapshot(ledger) == (noted ? after : before), "at point \(point)")
        #expect(try !Self.hasLeftovers(ledger), "at point \(point)")
        point += 1
        continue
      }
      #expect(faults.count < point)
      #expect(try Self.snapshot(ledger) == after)
      break
    }
    #expect(point > 9, "two files written and synced, the note, two renames, its removal")
    let check = CLI.run(
      ["check", "--as-of", "2015-01-04", "--base", base.path], ledger: branch.path)
    #expect(check.exitCode == 0, "\(check.stdout)")
  }

  @Test(
    "a restamp killed anywhere: check warns of its note; repair, record or restamp finishes it",
    arguments: 1...9)
  func killed(point: Int) throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    let before = try Self.snapshot(branch)
    let now = "2015-01-05T00:00:00Z"
    let whole = try Self.ledger(of: before)
    defer { whole.remove() }
    let restamped = CLI.run(["restamp", "--base", base.path], ledger: whole.path, now: now)
    #expect(restamped.exitCode == 0, "\(restamped.stderr)")
    let after = try Self.snapshot(whole)
    try Self.killRestamp(of: branch, base: base, at: point)
    // Killed while the note was written (5), it is there but cut off: nothing to finish.
    let noted = branch.folder.hasFile(RestampJournal.fileName)
    #expect(noted == (5...9).contains(point), "at point \(point)")
    let complete = (6...9).contains(point)
    let check = CLI.run(
      ["check", "--as-of", "2015-01-04", "--rule", "stale-journal"], ledger: branch.path)
    #expect(check.stdout.contains(RestampJournal.fileName) == noted, "\(check.stdout)")
    // Views, which read the files as they are meanwhile, warn of it too.
    let view = CLI.run(["services", "--format", "csv"], ledger: branch.path)
    #expect(view.stderr.contains(RestampJournal.fileName) == noted, "\(view.stderr)")
    // Each way to finish: repair, the next record, restamp itself. (Before the note is down
    // the branch's lines are still backdated, out of order in ledger.jsonl, so a record is
    // refused until restamp has run.)
    let ways = [
      ["repair"], ["restamp", "--base", base.path],
      ["record", "component.adopted", "service=a", "component=w", "on=2015-01-01"],
    ]
    let finish = ways[point % (complete ? 3 : 2)]
    let finished = CLI.run(finish, ledger: branch.path, now: now)
    #expect(finished.exitCode == 0, "at point \(point): \(finished.stderr)")
    #expect(try !Self.hasLeftovers(branch), "at point \(point)")
    if complete {
      #expect(
        (finished.stdout + finished.stderr).contains("a restamp cut off earlier was finished"),
        "\(finished.stdout)\(finished.stderr)")
    }
    var files = try Self.snapshot(branch)
    if finish[0] == "record" {
      // The record's own line, after the restamp's.
      let lines = files["ledger.jsonl", default: ""].split(separator: "\n").map { $0 + "\n" }
      files["ledger.jsonl"] = lines.dropLast().joined()
    }
    if finish[0] == "restamp" || complete {
      #expect(files == after, "at point \(point)")
    } else {
      #expect(files == before, "at point \(point)")
    }
  }

  /// Runs restamp of `branch` against `base` as a process, killed at its `point`-th write,
  /// sync or rename.
  static func killRestamp(of branch: TemporaryLedger, base: TemporaryLedger, at point: Int)
    throws
  {
    let killed = Spawn.run(
      ["restamp", "--base", base.path],
      environment: [
        "LEDGER_DIR": branch.path, "LEDGER_NOW": "2015-01-05T00:00:00Z",
        "LEDGER_TEST_FAULT": "kill:\(point)",
      ])
    #expect(killed.status != 0, "restamp should have been killed at point \(point)")
  }

  @Test(
    "a file or its copy changed after the cut: no file is restamped, and the user is told",
    arguments: ["pulled", "edited copy", "copy swapped for a link"])
  func changedAfterCut(change: String) throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    let before = try Self.snapshot(branch)
    // Killed before the first rename (points: two files written and synced, the note written
    // and synced, then a rename each; ledger.jsonl, the first, is at 7).
    try Self.killRestamp(of: branch, base: base, at: 7)
    #expect(branch.folder.hasFile(RestampJournal.fileName))
    let copy = ".team.jsonl.tmp-restamp"
    let elsewhere = branch.path + "-elsewhere.jsonl"
    defer { unlink(elsewhere) }
    switch change {
    case "pulled":
      // A pull adds a line to team.jsonl (its last, under another id).
      let team = branch.text("team.jsonl")
      let last = team.split(separator: "\n").last.map(String.init) ?? ""
      try branch.write("team.jsonl", team + #"{"id":"ffffffff"# + last.dropFirst(15) + "\n")
    case "edited copy":
      try branch.write(copy, branch.text(copy) + "\n")
    default:
      try Data(branch.text(copy).utf8).write(to: URL(fileURLWithPath: elsewhere))
      unlink(branch.path + "/" + copy)
      #expect(symlink(elsewhere, branch.path + "/" + copy) == 0)
    }
    let team = branch.text("team.jsonl")
    let repair = CLI.run(["repair"], ledger: branch.path)
    #expect(repair.exitCode == 0, "\(repair.stderr)")
    #expect(repair.stdout.contains("could not be finished"), "\(repair.stdout)")
    #expect(repair.stdout.contains("team.jsonl changed after restamp read it"), "\(repair.stdout)")
    #expect(repair.stdout.contains("ledger.jsonl keeps its old stamps too"), "\(repair.stdout)")
    #expect(repair.stdout.contains("ledger restamp --base BASE"), "\(repair.stdout)")
    // Neither file is restamped: ledger.jsonl, whose copy was whole, is as before too.
    #expect(branch.text("ledger.jsonl") == before["ledger.jsonl"])
    #expect(branch.text("team.jsonl") == team)
    #expect(try !Self.hasLeftovers(branch))
  }

  @Test(
    "a note that does not read whole (damaged, or too large to be one) is removed, and said",
    arguments: ["damaged", "large"])
  func damagedNote(kind: String) throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    // Killed between the renames: ledger.jsonl has its new stamps, team.jsonl not yet.
    try Self.killRestamp(of: branch, base: base, at: 8)
    let half = try Self.snapshot(branch)
    let note = branch.path + "/" + RestampJournal.fileName
    if kind == "damaged" {
      try branch.write(RestampJournal.fileName, "garbage\nend\n")
    } else {
      // Sparse: never read, by its size alone.
      #expect(truncate(note, off_t(RestampJournal.maximumSize + 1)) == 0)
    }
    let repair = CLI.run(["repair"], ledger: branch.path)
    #expect(repair.exitCode == 0, "\(repair.stderr)")
    #expect(
      repair.stdout.contains("which does not read as the whole note of a restamp"),
      "\(repair.stdout)")
    #expect(repair.stdout.contains("ledger restamp --base BASE"), "\(repair.stdout)")
    #expect(!repair.stdout.contains("nothing to repair"), "\(repair.stdout)")
    #expect(try Self.snapshot(branch) == half)
    #expect(try !Self.hasLeftovers(branch))
    // Restamp, run again as told, stamps every new line anew.
    let again = CLI.run(["restamp", "--base", base.path], ledger: branch.path)
    #expect(again.exitCode == 0, "\(again.stderr)")
    let check = CLI.run(
      ["check", "--as-of", "2015-01-04", "--base", base.path], ledger: branch.path)
    #expect(check.exitCode == 0, "\(check.stdout)")
  }

  @Test("a file changed after a rename was done: the message says the lines are half restamped")
  func changedAfterARename() throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    // Killed between the renames: ledger.jsonl has its new stamps, team.jsonl not yet.
    try Self.killRestamp(of: branch, base: base, at: 8)
    let stamped = branch.text("ledger.jsonl")
    let team = branch.text("team.jsonl")
    let last = team.split(separator: "\n").last.map(String.init) ?? ""
    try branch.write("team.jsonl", team + #"{"id":"ffffffff"# + last.dropFirst(15) + "\n")
    let repair = CLI.run(["repair"], ledger: branch.path)
    #expect(repair.exitCode == 0, "\(repair.stderr)")
    #expect(repair.stdout.contains("team.jsonl changed after restamp read it"), "\(repair.stdout)")
    #expect(
      repair.stdout.contains(
        "ledger.jsonl already had its new stamps, and keeps them, so the "
          + "branch's lines are half restamped"), "\(repair.stdout)")
    #expect(repair.stdout.contains("ledger restamp --base BASE"), "\(repair.stdout)")
    #expect(branch.text("ledger.jsonl") == stamped)
    #expect(try !Self.hasLeftovers(branch))
  }

  @Test("a folder named like the note is refused with what to do, and nothing is written")
  func noteIsAFolder() throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    let before = try Self.snapshot(branch)
    try FileManager.default.createDirectory(
      atPath: branch.path + "/" + RestampJournal.fileName, withIntermediateDirectories: false)
    for arguments in [["repair"], ["restamp", "--base", base.path]] {
      let run = CLI.run(arguments, ledger: branch.path, now: "2015-01-05T00:00:00Z")
      #expect(run.exitCode == 1, "\(arguments)")
      #expect(
        run.stderr.contains("is a folder, not the note of a cut-off restamp; move it out"),
        "\(run.stderr)")
      #expect(try Self.snapshot(branch) == before)
    }
  }

  @Test("a note of a cut-off restamp parses back; one without its end does not")
  func journalText() {
    let journal = RestampJournal([
      ("a.jsonl", Array("x\n".utf8), Array("y\n".utf8)), ("b.jsonl", [], Array("z\n".utf8)),
    ])
    #expect(RestampJournal.parse(journal.text) == journal)
    #expect(RestampJournal.parse(String(journal.text.dropLast(4))) == nil)
    #expect(RestampJournal.parse("../x.jsonl\t1\t0\t1\t0\nend\n") == nil)
    #expect(RestampJournal.parse("x.jsonl\t1\t0\nend\n") == nil)
    #expect(RestampJournal.parse("end\n") == RestampJournal(files: []))
  }

  @Test("a line of the base that is not valid is named as the base's, not as restamp's doing")
  func invalidBaseLine() throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    // The target branch holds a line that is not JSON (line 3 of its ledger.jsonl).
    let lines = branch.text("ledger.jsonl").split(separator: "\n").map { $0 + "\n" }
    try base.write("ledger.jsonl", lines[0] + lines[1] + "garbage\n")
    try branch.write("ledger.jsonl", lines[0] + lines[1] + "garbage\n" + lines[2...].joined())
    let before = try Self.snapshot(branch)
    let restamp = CLI.run(["restamp", "--base", base.path], ledger: branch.path)
    #expect(restamp.exitCode == 1)
    #expect(
      restamp.stderr.contains("ledger.jsonl:3: a line of the base is not valid"),
      "\(restamp.stderr)")
    #expect(!restamp.stderr.contains("after restamping"))
    #expect(try Self.snapshot(branch) == before)
  }
}
