import Foundation
import Testing

@testable import ServiceLedger

/// The fix `backdated` suggests can be run where the finding is read: in CI the base is a
/// temporary copy of the target branch on the runner, which the user's machine does not have,
/// so the suggestion names no such folder and says where to learn how to make one.
@Suite("backdated's suggested restamp", .serialized)
struct BackdatedAdviceTests {
  @Test("the suggestion names no CI folder; run with a copy of the target made elsewhere, it fixes")
  func runnableElsewhere() throws {
    let (runnerBase, branch) = try BackdatedTests.branch()
    defer {
      runnerBase.remove()
      branch.remove()
    }
    let check = CLI.run(
      ["check", "--as-of", "2015-01-04", "--base", runnerBase.path, "--rule", "backdated"],
      ledger: branch.path)
    #expect(check.exitCode == 1)
    let findings = check.stdout.split(separator: "\n").filter { $0.contains(": backdated: ") }
    #expect(findings.count == 3, "\(check.stdout)")
    #expect(findings.allSatisfy { !$0.contains(runnerBase.path) }, "\(check.stdout)")
    let command = try #require(
      SuggestedCommandTests.commands(in: String(findings[0])).first, "\(findings[0])")
    #expect(command.hasPrefix("ledger restamp --base BASE "), "\(command)")
    // The finding says where to learn how to make BASE, and that help does say it.
    #expect(findings.allSatisfy { $0.contains("`ledger restamp --help`") }, "\(check.stdout)")
    let help = CLI.run(["restamp", "--help"]).stdout
    #expect(help.contains("git archive origin/main events"), "\(help)")

    // On the user's machine: another copy of the target, wherever they made it.
    let mine = try TemporaryLedger(files: ["ledger.jsonl": runnerBase.text("ledger.jsonl")])
    defer { mine.remove() }
    var words = try SuggestedCommandTests.words(command)
    let base = try #require(words.firstIndex(of: "BASE"))
    words[base] = mine.path
    let restamp = CLI.run(words, now: "2015-01-05T00:00:00Z")
    #expect(restamp.stdout.hasPrefix("restamped 3 line(s) not in the base: "), "\(restamp.stderr)")
    let again = CLI.run(
      ["check", "--as-of", "2015-01-04", "--base", runnerBase.path], ledger: branch.path)
    #expect(again.exitCode == 0, "\(again.stdout)")
  }
}
