import Foundation
import Testing

/// `scripts/check-actors.sh` (docs/security.md) on a branch that adds lines to log files whose
/// names git quotes (`héllo.jsonl`) or ends with a tab in a diff (`a b.jsonl`): each added line
/// is checked against its commit's actor and named by its own file and line.
@Suite("scripts/check-actors.sh, on any log file name")
struct CheckActorsScriptTests {
  static var hasGit: Bool { ShellCommand.run(["git", "--version"])?.status == 0 }

  @Test(
    "a right actor passes and a wrong one is named at its file and line",
    .enabled(if: hasGit, "needs git"))
  func oddNames() throws {
    let root = NSTemporaryDirectory() + "ledger-actors-" + UUID().uuidString.lowercased()
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let setup = """
      set -e
      cd "$1"
      git init -q -b main && mkdir -p events .github
      echo 'alice@example.org p-0001' > .github/ledger-actors
      echo '{"id":"1","by":"p-0001"}' > events/ledger.jsonl
      git add -A && git commit -qm base && git checkout -qb feature
      echo '{"id":"2","by":"p-0001"}' > "events/h\u{E9}llo.jsonl"
      echo '{"id":"3","by":"p-0002"}' > "events/a b.jsonl"
      git add -A && git commit -qm change
      bash "$2" main events .github/ledger-actors
      """
    let environment = [
      "HOME": root, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "a",
      "GIT_AUTHOR_EMAIL": "alice@example.org", "GIT_COMMITTER_NAME": "a",
      "GIT_COMMITTER_EMAIL": "alice@example.org",
    ]
    let run = try #require(
      ShellCommand.run(
        ["bash", "-c", setup, "setup", root, packageRoot + "/scripts/check-actors.sh"],
        environment: environment))
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    let errors = run.stdout.split(separator: "\n").filter { $0.hasPrefix("::error") }
    #expect(errors.count == 1, "\(run.stdout)")
    #expect(errors.first?.hasPrefix("::error file=events/a b.jsonl,line=1::") ?? false)
    #expect(errors.first?.hasSuffix("adds a line with by=p-0002") ?? false, "\(errors)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
  }
}
