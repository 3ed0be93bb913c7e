import Foundation
import Testing

@testable import ServiceLedger

/// One test per plan rule, each on a fixture (Fixtures/plans/RULE.jsonl) whose events quote the
/// sentence that motivates the rule in their `source`.
@Suite("Plan rules")
struct PlanRuleTests {
  /// The findings of `rule` as of `asOf` on the fixture `name`, with only its first `lines`
  /// lines (all when nil), appended through `ledger append` as a user would.
  func findings(
    _ name: String, _ rule: CheckRule, asOf: String = "2023-06-30", lines: Int? = nil,
    adding extra: [String] = []
  ) throws -> [Finding] {
    let path = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/plans/\(name).jsonl"
    var fixture = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    if let lines { fixture = Array(fixture.prefix(lines)) }
    fixture += extra.map { Substring($0) }
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let run = CLI.run(
      ["append"], ledger: ledger.path, input: fixture.joined(separator: "\n") + "\n")
    try #require(run.exitCode == 0, "\(run.stderr)")
    let report = try LedgerCheck(asOf: date(asOf), rules: [rule]).run(ledger.folder)
    return report.findings
  }

  @Test("tracked-cap: six commitments tracked with OGP is one too many; five is the cap")
  func trackedCap() throws {
    let six = try findings("tracked-cap", .trackedCap)
    #expect(six.count == 1)
    #expect(six.first?.severity == .error)
    #expect(six.first?.message.contains("tracks 6 items formally (1, 2, 3, 4, 5, 6)") == true)
    #expect(six.first?.message.contains("only up to five commitments") == true)
    #expect(try findings("tracked-cap", .trackedCap, lines: 13).isEmpty)
  }

  @Test("declared-vs-listed: 17 commitments declared, 5 named; 35 strategies, 1 recorded")
  func declaredVsListed() throws {
    let found = try findings("declared-vs-listed", .declaredVsListed)
    #expect(found.map(\.severity) == [.warning, .warning])
    #expect(
      found.first?.message.contains("declares 17 commitment items; 5 recorded, 12 missing") == true)
    #expect(found.first?.line == 3)
    // A principles document is not a strategy: one of two plans counts.
    #expect(
      found.last?.message.contains("declares 35 plans of form strategy; 1 recorded, 34 missing")
        == true)
    // Before any item is named, all 17 are missing.
    let none = try findings("declared-vs-listed", .declaredVsListed, lines: 3)
    #expect(none.first?.message.contains("0 recorded, 17 missing") == true)
  }

  @Test("plan-outlives-mandate: the council dissolved after the plan was reaffirmed, not before")
  func planOutlivesMandate() throws {
    let found = try findings("plan-outlives-mandate", .planOutlivesMandate)
    // The election of 2021 came while the plan was being drafted: not adopted, no finding.
    #expect(found.count == 1)
    #expect(found.first?.message.contains("ended by dissolution on 2023-03-31") == true)
    #expect(found.first?.message.contains("expire before elections") == true)
    // Before the dissolution nothing is wrong yet.
    #expect(try findings("plan-outlives-mandate", .planOutlivesMandate, asOf: "2022-12-31").isEmpty)
    #expect(try findings("plan-outlives-mandate", .planOutlivesMandate, lines: 6).isEmpty)
  }

  @Test("plan-outlives-mandate: what the finding asks to record can be recorded, and settles it")
  func planOutlivesMandateRemedies() throws {
    let found = try findings("plan-outlives-mandate", .planOutlivesMandate)
    let message = try #require(found.first?.message)
    // A plan is registered once (a retraction does not free its id): a corrected
    // plan.registered would be refused, so the finding must not ask for one.
    #expect(!message.contains("plan.registered"))
    #expect(
      message.contains(
        "if it ended by 2023-03-31, record that with `ledger record plan.status-changed "
          + "plan=el-kef status=expired on=YYYY-MM-DD`"))
    #expect(message.contains("if it was adopted again after, record that with status=reaffirmed"))
    func status(_ status: String, _ on: String) -> String {
      #"{"type":"plan.status-changed","data":{"plan":"el-kef","status":"\#(status)","on":"\#(on)"}}"#
    }
    #expect(
      try findings(
        "plan-outlives-mandate", .planOutlivesMandate, adding: [status("expired", "2023-03-31")]
      ).isEmpty)
    #expect(
      try findings(
        "plan-outlives-mandate", .planOutlivesMandate, adding: [status("reaffirmed", "2023-04-30")]
      ).isEmpty)
    // Suspended is what the views already read from the dissolution; it ends nothing.
    #expect(
      try findings(
        "plan-outlives-mandate", .planOutlivesMandate, adding: [status("suspended", "2023-04-30")]
      ).count == 1)
  }

  @Test("deadline-before-approval: 29.09.11 is before the order of 31 October 2011")
  func deadlineBeforeApproval() throws {
    let found = try findings("deadline-before-approval", .deadlineBeforeApproval)
    #expect(found.count == 1)
    #expect(found.first?.line == 3)
    #expect(
      found.first?.message.contains("is due 2011-09-29 (as printed: 29.09.11), 32 days before")
        == true)
  }

  @Test("parity: 3 government and 1 civil-society member of 4 is not an equal number")
  func parity() throws {
    // 1 and 1, then 2 and 1 of 4 seats: parity is still possible.
    #expect(try findings("parity", .parity, lines: 4).isEmpty)
    #expect(try findings("parity", .parity, lines: 5).isEmpty)
    let found = try findings("parity", .parity)
    #expect(found.count == 1)
    #expect(found.first?.message.contains("3 sit for government and 1 for civil society") == true)
  }

  @Test("assessments-diverge: government says on track, civil society does not")
  func assessmentsDiverge() throws {
    let found = try findings("assessments-diverge", .assessmentsDiverge)
    #expect(found.count == 1)
    #expect(
      found.first?.message.contains(
        "government says on-track (2022-09-30), civil-society says off-track (2022-10-15)") == true)
    #expect(try findings("assessments-diverge", .assessmentsDiverge, asOf: "2022-10-01").isEmpty)
  }

  @Test("a plan's findings: its own, and parity of its organisation's bodies")
  func planScope() throws {
    let path = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/plans/parity.jsonl"
    let plan =
      #"{"type":"plan.registered","data":{"plan":"p","title":"P","organisation":"el-kef-municipality","form":"action-plan"}}"#
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let input = try String(contentsOfFile: path, encoding: .utf8) + plan + "\n"
    try #require(CLI.run(["append"], ledger: ledger.path, input: input).exitCode == 0)
    let registry = PlanRegistry(
      Timeline(try ledger.folder.readValid(), asOf: date("2023-06-30")))
    let found = try #require(registry.plan(withID: PlanID(unchecked: "p")))
    #expect(PlanRules.findings(for: found, in: registry).map(\.rule) == ["parity"])
  }

  @Test("the OGP pack: declared-vs-listed and plan-outlives-mandate, nothing else")
  func pack() throws {
    let report = try LedgerCheck(asOf: date("2023-06-30")).run(
      LedgerFolder(path: packageRoot + "/plans/ogp-local"))
    #expect(
      report.findings.map(\.rule).sorted() == ["declared-vs-listed", "plan-outlives-mandate"])
    #expect(report.findings.allSatisfy { $0.severity == .warning })
  }
}
