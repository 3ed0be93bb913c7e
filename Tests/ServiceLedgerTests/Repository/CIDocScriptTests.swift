import Foundation
import Testing

/// The scripts of docs/ci.md, run as written against a git repository with a target branch and
/// a feature branch: the base they make holds every file of the target's ledger, whatever its
/// name, so `ledger check --base` and `ledger restamp --base` see what the target holds.
@Suite("The CI scripts of docs/ci.md, run as written", .serialized)
struct CIDocScriptTests {
  static var hasTools: Bool {
    ShellCommand.run(["git", "--version"])?.status == 0
      && ShellCommand.run(["tar", "--version"])?.status == 0
  }

  /// A clone (`work`, on branch `feature`) of a repository whose `main` has a ledger in three
  /// files, two of them named as `git ls-tree` quotes or splits; `feature` records a line in
  /// ledger.jsonl before `main` records one in another file, then merges `main`.
  static func repository() throws -> (root: String, work: String, environment: [String: String]) {
    let root = NSTemporaryDirectory() + "ledger-ci-" + UUID().uuidString.lowercased()
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let bin = (Binary.path as NSString).deletingLastPathComponent
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let environment = [
      "PATH": bin + ":" + path, "HOME": root, "GIT_CONFIG_NOSYSTEM": "1",
      "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
      "GIT_COMMITTER_EMAIL": "t@example.org", "LEDGER_ACTOR": "p-0001",
    ]
    let setup = """
      set -e
      cd "$1"
      git init -q -b main origin && cd origin && echo '.ledger-cache*' > .gitignore
      ledger init events > /dev/null
      ledger record service.registered service=a name=A organisation=OPG > /dev/null
      ledger record service.registered service=b name=B organisation=OPG --file b.jsonl > /dev/null
      mv events/b.jsonl "events/a b.jsonl"
      ledger record service.registered service=c name=C organisation=OPG --file c.jsonl > /dev/null
      mv events/c.jsonl "events/h\u{E9}llo.jsonl"
      git add .gitignore events && git commit -qm base
      cd .. && git clone -q origin work && cd work && git checkout -qb feature
      ledger record component.adopted service=a component=x on=2015-01-01 > /dev/null
      git commit -qam feature
      cd ../origin
      ledger record component.adopted service=c component=y on=2015-01-01 --file c.jsonl > /dev/null
      mv events/c.jsonl tail && cat tail >> "events/h\u{E9}llo.jsonl" && rm tail
      git commit -qam later
      cd ../work && git fetch -q && git merge -q origin/main -m merge
      """
    let run = try #require(
      ShellCommand.run(["bash", "-c", setup, "setup", root], environment: environment))
    #expect(run.status == 0, "\(run.stderr)")
    return (root, root + "/work", environment)
  }

  /// The body of the first fenced block after the line containing `marker`, unindented.
  static func block(after marker: String) throws -> String {
    let text = try String(contentsOfFile: packageRoot + "/docs/ci.md", encoding: .utf8)
    let start = try #require(text.range(of: marker))
    let lines = text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
    let open = try #require(lines.firstIndex { $0.contains("```") })
    let body = lines[(open + 1)...].prefix { !$0.contains("```") }
    let indent = body.first?.prefix { $0 == " " }.count ?? 0
    return body.map { String($0.dropFirst(indent)) }.joined(separator: "\n") + "\n"
  }

  /// Runs `script` with `sh` in `directory`.
  static func shell(_ script: String, in directory: String, _ environment: [String: String])
    -> ShellCommand.Result?
  {
    ShellCommand.run(
      ["sh", "-c", "cd \"$1\" && eval \"$2\"", "sh", directory, script], environment: environment)
  }

  @Test(
    "the first way to get the base gives check every file of the target's ledger",
    .enabled(if: hasTools, "needs git and tar"))
  func archiveWay() throws {
    let (root, work, environment) = try Self.repository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let script = try Self.block(after: "Two ways to get it")
    let run = try #require(Self.shell(script, in: work, environment))
    #expect(!run.stdout.contains("in the base but not in the ledger"), "\(run.stdout)")
    // The feature's line was recorded before main's: backdated, and nothing else.
    let findings = run.stdout.split(separator: "\n").filter { $0.contains("error:") }
    #expect(findings.count == 1 && findings[0].contains("backdated"), "\(run.stdout)")
  }

  @Test(
    "the GitHub Actions steps, then restamp as the finding says: only the feature's line changes",
    .enabled(if: hasTools, "needs git and tar"))
  func gitHubSteps() throws {
    let (root, work, environment) = try Self.repository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let yaml = try Self.block(after: "### GitHub Actions")
    let steps = yaml.components(separatedBy: "run: |\n").dropFirst().map { step in
      step.split(separator: "\n").prefix { $0.hasPrefix("          ") }
        .map { $0.dropFirst(10) }.joined(separator: "\n")
    }
    try #require(steps.count == 2)
    var github = environment
    github["GITHUB_BASE_REF"] = "main"
    github["GITHUB_WORKSPACE"] = work
    github["GITHUB_ENV"] = root + "/github-env"
    let base = try #require(Self.shell("set -e\n" + steps[0], in: work, github))
    #expect(base.status == 0, "\(base.stderr)")
    let settings = try String(contentsOfFile: root + "/github-env", encoding: .utf8)
    let basePath = try #require(settings.split(separator: "=", maxSplits: 1).last)
      .trimmingCharacters(in: .newlines)
    github["LEDGER_BASE"] = basePath
    let check = steps[1].replacingOccurrences(of: ".serviceledger/.build/release/", with: "")
    let first = try #require(Self.shell(check, in: work, github))
    #expect(first.status == 1 && first.stdout.contains("title=backdated"), "\(first.stdout)")
    let restamp = try #require(
      Self.shell("ledger restamp --ledger events --base \"$LEDGER_BASE\"", in: work, github))
    #expect(restamp.stdout.hasPrefix("restamped 1 line(s)"), "\(restamp.stdout)\(restamp.stderr)")
    let second = try #require(Self.shell(check, in: work, github))
    #expect(second.status == 0, "\(second.stdout)")
    let changed = try #require(
      Self.shell("git diff --name-only origin/main -- events", in: work, github))
    #expect(changed.stdout == "events/ledger.jsonl\n", "\(changed.stdout)")
  }
}
