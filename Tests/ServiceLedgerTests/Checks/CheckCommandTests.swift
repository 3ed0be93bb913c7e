import Foundation
import Testing

@testable import ServiceLedger

@Suite("ledger check on the command line")
struct CheckCommandTests {
  @Test(
    "exit 0 when clean or only warnings, 1 on an error finding, in every format",
    arguments: [
      "text", "json", "github", "junit",
    ])
  func exitCodes(format: String) throws {
    let clean = try CheckFixture.clean().write()
    defer { clean.remove() }
    let warning = try CheckFixture.clean().dropping("strategy.jsonl", 5).write()
    defer { warning.remove() }
    let error = try CheckFixture.clean().dropping("services.jsonl", 3).write()
    defer { error.remove() }
    let arguments = ["check", "--as-of", "2015-09-30", "--format", format]
    #expect(CLI.run(arguments, ledger: clean.path).exitCode == 0)
    #expect(CLI.run(arguments, ledger: warning.path).exitCode == 0)
    let failing = CLI.run(arguments, ledger: error.path)
    #expect(failing.exitCode == 1)
    #expect(failing.stdout.contains("service-manager"))
    #expect(failing.stderr.isEmpty)
    let ignored = CLI.run(arguments + ["--ignore", "service-manager"], ledger: error.path)
    #expect(ignored.exitCode == 0)
  }

  @Test("--severity error hides warnings, and the summary says so rather than counting none")
  func severity() throws {
    let warning = try CheckFixture.clean().dropping("strategy.jsonl", 5).write()
    defer { warning.remove() }
    let all = CLI.run(["check", "--as-of", "2015-09-30"], ledger: warning.path)
    #expect(all.stdout.contains("strategy.jsonl:2: warning: overdue: action 1 of digital-2013"))
    let errors = CLI.run(
      ["check", "--as-of", "2015-09-30", "--severity", "error"], ledger: warning.path)
    #expect(
      errors.stdout
        == "\(warning.path): 0 error(s) as of 2015-09-30 (warnings not listed: --severity error); ok\n"
    )
  }

  @Test(
    "usage errors exit 64 and say what to do",
    arguments: [
      (["--rule", "gov-uk"], "--rule gov-uk is not a rule; the rules are malformed, torn-line,"),
      (["--ignore", "nope"], "--ignore nope is not a rule; the rules are"),
      (["--severity", "info"], "--severity info is not a level; use error or warning"),
      (["--format", "sarif"], "has no format \"sarif\"; use one of text, json, github, junit"),
      (["--rule", "append-only"], "--rule append-only compares with a base: give --base"),
      (["--base", "/nonexistent/base"], "--base /nonexistent/base: no such file or folder"),
      (["--as-of", "2015-02-30"], "--as-of 2015-02-30 is not a real date"),
    ])
  func usage(arguments: [String], fragment: String) throws {
    let clean = try CheckFixture.clean().write()
    defer { clean.remove() }
    let run = CLI.run(["check"] + arguments, ledger: clean.path)
    #expect(run.exitCode == 64)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(fragment), "\(run.stderr)")
  }

  @Test("help lists every rule with its severity")
  func help() {
    let help = CLI.run(["check", "--help"])
    #expect(help.exitCode == 0)
    for rule in CheckRule.allCases { #expect(help.stdout.contains("  " + rule.rawValue + " ")) }
    #expect(help.stdout.contains("--base DIR_OR_FILE"))
  }

  /// The shipped MoJ ledger copied twice: `base` as on the target branch, `current` to change.
  private func shippedCopies() throws -> (base: String, current: String, remove: () -> Void) {
    let root = NSTemporaryDirectory() + "ledger-ci-" + UUID().uuidString.lowercased()
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for name in ["base", "current"] {
      try FileManager.default.copyItem(atPath: packageRoot + "/events", toPath: root + "/" + name)
    }
    return (
      root + "/base", root + "/current", { try? FileManager.default.removeItem(atPath: root) }
    )
  }

  @Test("acceptance: editing a past event of the shipped ledger fails with what to do instead")
  func editedPastEvent() throws {
    let copies = try shippedCopies()
    defer { copies.remove() }
    let path = copies.current + "/hmcts.jsonl"
    var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(
      String.init)
    lines[1] = lines[1].replacingOccurrences(of: "\"total\":1882828", with: "\"total\":1982828")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let run = CLI.run(
      ["check", "--ledger", copies.current, "--base", copies.base, "--as-of", "2015-03-31"])
    #expect(run.exitCode == 1)
    #expect(
      run.stdout.contains(
        "/hmcts.jsonl:2: error: append-only: line 2 was changed since the base (event "
          + "0950b49d-009f-4883-aa6e-06ff4dd5bd8e (volume.reported): data.total was 1882828, "
          + "now 1982828): lines are never edited; restore it as it was"), "\(run.stdout)")
    #expect(run.stdout.hasSuffix(": 1 error(s), 11 warning(s) as of 2015-03-31\n"))
  }

  @Test("acceptance: a high-volume service moved to beta without a manager fails with the fix")
  func betaWithoutManager() throws {
    let copies = try shippedCopies()
    defer { copies.remove() }
    let record = CLI.run(
      [
        "record", "phase.entered", "service=moj-court-fine-payments", "phase=beta",
        "on=2014-06-01", "--file", "hmcts.jsonl", "--ledger", copies.current,
      ], now: "2026-11-22T09:00:00Z")
    #expect(record.exitCode == 0, "\(record.stderr)")
    let run = CLI.run(
      [
        "check", "--ledger", copies.current, "--base", copies.base, "--as-of", "2015-03-31",
        "--format", "github", "--severity", "error",
      ])
    #expect(run.exitCode == 1)
    let annotations = run.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
    #expect(annotations.count == 3, "\(run.stdout)")
    let manager = try #require(annotations.first { $0.contains("title=service-manager") })
    #expect(manager.contains("/hmcts.jsonl,line=589,title=service-manager::"))
    #expect(
      manager.contains(
        "moj-court-fine-payments (Court fines: payments) has been in beta since 2014-06-01 "
          + "and is a priority service (high-volume: 1,900,000 transactions a year), but has "
          + "no service manager: point 2 of the 26-point Digital by Default Service Standard"))
    #expect(
      manager.hasSuffix(
        "; record the appointment with `ledger record manager.appointed "
          + "service=moj-court-fine-payments person=PERSON-ID on=YYYY-MM-DD --file hmcts.jsonl "
          + "--ledger \(copies.current)`"))
    #expect(annotations.contains { $0.contains("title=assessment::") })
    #expect(annotations.contains { $0.contains("title=assisted-digital::") })
  }

  @Test("the shipped ledger passes as of 2015-03-31, the date .ci/run checks it at")
  func shipped() {
    let run = CLI.run(["check", "--ledger", packageRoot + "/events", "--as-of", "2015-03-31"])
    #expect(run.exitCode == 0, "\(run.stdout)")
    #expect(run.stdout.hasSuffix(": 0 error(s), 11 warning(s) as of 2015-03-31; ok\n"))
  }
}
