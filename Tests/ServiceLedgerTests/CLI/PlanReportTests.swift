import Foundation
import Testing

@testable import ServiceLedger

/// `ledger report --plan ID` on the OGP pack and on the MoJ strategy read as a plan.
@Suite("Plan report")
struct PlanReportTests {
  static let pack = packageRoot + "/plans/ogp-local"
  static let elKef = "el-kef-action-plan"

  func report(_ arguments: [String], ledger: String = pack) -> CLIRun {
    CLI.run(["report", "--ledger", ledger] + arguments)
  }

  @Test("Markdown: the dissolution, the quarter's progress and the plan's findings")
  func markdown() {
    let run = report(["--plan", Self.elKef, "--quarter", "2023-Q2"])
    #expect(run.exitCode == 0)
    #expect(
      run.stdout.hasPrefix(
        "# Plan report: El Kef open government action plan (OGP Local), 2023-Q2\n"))
    #expect(
      run.stdout.contains("suspended (dissolution of el-kef-municipal-council) since 2023-03-31"))
    #expect(run.stdout.contains("- internal-audit: no progress → in-progress (2023-05-31)\n"))
    #expect(run.stdout.contains("warning: declared-vs-listed:"))
    #expect(run.stdout.contains("warning: plan-outlives-mandate:"))
    let earlier = report(["--plan", Self.elKef, "--quarter", "2022-Q4"])
    #expect(earlier.stdout.contains("Status as of 2022-12-31: reaffirmed since 2022-03-31"))
    #expect(!earlier.stdout.contains("plan-outlives-mandate"))
  }

  @Test("JSON and HTML carry the same plan; an unknown plan fails with the known ones")
  func formats() throws {
    let run = report(["--plan", Self.elKef, "--quarter", "2023-Q2", "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let plan = try #require(object["plan"] as? [String: Any])
    #expect((plan["items"] as? [Any])?.count == 5)
    #expect((object["findings"] as? [Any])?.count == 2)
    #expect((object["previousStatus"] as? [String: Any])?["status"] as? String == "suspended")
    let html = report(["--plan", Self.elKef, "--quarter", "2023-Q2", "--format", "html"])
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(html.stdout.contains("El Kef&#39;s first municipal website"))
    #expect(!html.stdout.contains("<script"))
    let unknown = report(["--plan", "nope", "--quarter", "2023-Q2"])
    #expect(unknown.exitCode == 1)
    #expect(unknown.stderr.contains("the plans are beni-mellal-khenifra-action-plan"))
    #expect(report(["--plan", "No Plan"]).exitCode == 64)
  }

  @Test("the MoJ strategy is a plan too: 11 items past due with nothing recorded, as of 2015-Q1")
  func strategy() {
    let run = report(
      ["--plan", "moj-2012", "--quarter", "2015-Q1"], ledger: packageRoot + "/events")
    #expect(run.exitCode == 0)
    #expect(
      run.stdout.contains(
        "30 of 34 items to deliver: 0 done, 0 overdue, 30 with no progress recorded (11 of them past due)."
      ))
  }
}
