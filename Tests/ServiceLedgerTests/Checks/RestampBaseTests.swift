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

  @Test("a restamp cut off at any write or sync (a full disk) leaves every file as it was")
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
    var point = 1
    while true {
      let faults = FaultInjection(action: .fail, point: point)
      let restamp = LedgerRestamp(folder: branch.folder, faults: faults)
      do {
        _ = try restamp.restamp(from: LedgerBase(path: base.path), now: now)
      } catch {
        #expect(try Self.snapshot(branch) == before, "at point \(point): \(error)")
        let left = try FileManager.default.contentsOfDirectory(atPath: branch.path)
        #expect(!left.contains { $0.contains(".tmp-") }, "\(left)")
        point += 1
        continue
      }
      #expect(faults.count < point)
      break
    }
    #expect(point > 4, "each of two files is written and synced")
    let check = CLI.run(
      ["check", "--as-of", "2015-01-04", "--base", base.path], ledger: branch.path)
    #expect(check.exitCode == 0, "\(check.stdout)")
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
