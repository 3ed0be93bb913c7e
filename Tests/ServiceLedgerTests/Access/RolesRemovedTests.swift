import Foundation
import Testing

@testable import ServiceLedger

/// A branch that deletes `roles.json` would turn `not-authorised` off for itself: against a
/// base that has one, `ledger check --base` reports the removal and checks the branch's new
/// lines against the base's roles (it reported the removal alone, and let every line pass).
@Suite("A branch that removes roles.json")
struct RolesRemovedTests {
  @Test("check --base reports roles.json removed, and the new line the base's roles refuse")
  func removed() throws {
    let base = try RolesTests.ledger()
    defer { base.remove() }
    let branch = try TemporaryLedger(files: ["ledger.jsonl": base.text("ledger.jsonl")])
    defer { branch.remove() }
    // p-0042 may record only about moj-a; without roles.json anything is accepted.
    let run = RolesTests.record(
      branch, by: "p-0042", ["component.adopted", "service=moj-b", "component=x", "on=2015-01-01"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let arguments = ["check", "--as-of", "2015-01-04", "--base", base.path]
    let check = CLI.run(arguments + ["--rule", "not-authorised"], ledger: branch.path)
    #expect(check.exitCode == 1, "\(check.stdout)")
    let findings = check.stdout.split(separator: "\n").filter { $0.contains("not-authorised") }
    #expect(findings.count == 2, "\(check.stdout)")
    let finding = try #require(findings.first { $0.contains("roles.json: error") })
    #expect(finding.contains("\(branch.path)/roles.json: error: not-authorised: "), "\(finding)")
    #expect(finding.contains("the base has roles.json and the ledger does not"), "\(finding)")
    #expect(finding.contains("checked against the base's roles.json"), "\(finding)")
    #expect(finding.contains("restore it"), "\(finding)")
    // The base's roles are in force: p-0042 may record about moj-a only.
    let refused = try #require(findings.first { $0.contains("ledger.jsonl:3: ") }, "\(findings)")
    #expect(refused.contains("p-0042 may not record component.adopted"), "\(refused)")
    #expect(refused.contains("the base's roles.json gives p-0042: moj-a"), "\(refused)")
    // Restored, the same branch is checked under the roles, and its line refused.
    try branch.write("roles.json", RolesTests.roles)
    let restored = CLI.run(arguments + ["--rule", "not-authorised"], ledger: branch.path)
    #expect(restored.exitCode == 1)
    #expect(!restored.stdout.contains("does not have roles.json"), "\(restored.stdout)")
    #expect(restored.stdout.contains("p-0042 may not record component.adopted"))
    #expect(restored.stdout.contains(": roles.json gives p-0042: moj-a"), "\(restored.stdout)")
  }

  @Test(
    "without --base, or when neither has roles.json, a ledger without roles.json is checked as before"
  )
  func unchanged() throws {
    let base = try RolesTests.ledger()
    defer { base.remove() }
    let branch = try TemporaryLedger(files: ["ledger.jsonl": base.text("ledger.jsonl")])
    defer { branch.remove() }
    let alone = CLI.run(["check", "--as-of", "2015-01-04"], ledger: branch.path)
    #expect(alone.exitCode == 0, "\(alone.stdout)")
    try FileManager.default.removeItem(atPath: base.folder.path(of: "roles.json"))
    let neither = CLI.run(
      ["check", "--as-of", "2015-01-04", "--base", base.path], ledger: branch.path)
    #expect(neither.exitCode == 0, "\(neither.stdout)")
  }
}
