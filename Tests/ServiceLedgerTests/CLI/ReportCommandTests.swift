import Foundation
import Testing

@testable import ServiceLedger

@Suite("ledger report")
struct ReportCommandTests {
  static let formats = ["markdown", "json", "html"]
  /// When the shipped ledger was recorded: its last event.
  static let shippedAt = "2026-11-21T09:02:00.000009Z"

  /// A copy of the shipped ledger to append to.
  static func copyOfShipped() throws -> TemporaryLedger {
    let source = packageRoot + "/events"
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: source)
    where name.hasSuffix(".jsonl") {
      files[name] = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
    }
    return try TemporaryLedger(files: files)
  }

  @Test("--known-at: recording anything later does not change a byte, in any format")
  func knownAtIsStable() throws {
    let ledger = try Self.copyOfShipped()
    defer { ledger.remove() }
    let arguments = ["report", "--quarter", "2015-Q1", "--known-at", Self.shippedAt]
    let before = Self.formats.map { CLI.run(arguments + ["--format", $0], ledger: ledger.path) }
    #expect(before.allSatisfy { $0.exitCode == 0 && $0.stderr.isEmpty })
    // Later facts about the quarter itself (valid time before 2015-03-31): a phase, a
    // restatement, an action done, a new service; and a line that is not JSON at all.
    let later = [
      ["phase.entered", "service=moj-prison-visit-booking", "phase=live", "on=2015-02-01"],
      [
        "volume.reported", "service=moj-prison-visit-booking", "from=2015-01-01",
        "to=2015-03-31", "total=300000", "digital=200000",
      ],
      ["action.progressed", "strategy=moj-2012", "action=6", "status=done", "on=2013-04-15"],
      [
        "service.registered", "service=moj-new", "name=New", "organisation=HMCTS",
        "on=2015-01-15",
      ],
    ]
    for (index, fields) in later.enumerated() {
      // A second apart: the seeded ids depend on the recording time.
      let run = CLI.run(
        ["record"] + fields, ledger: ledger.path, now: "2026-11-22T10:00:0\(index)Z")
      #expect(run.exitCode == 0, "\(run.stderr)")
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ledger.path + "/noms.jsonl"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{not json}\n".utf8))
    try handle.close()
    for (format, old) in zip(Self.formats, before) {
      let again = CLI.run(arguments + ["--format", format], ledger: ledger.path)
      #expect(again.exitCode == 0)
      #expect(Array(again.stdout.utf8) == Array(old.stdout.utf8), "\(format) changed")
    }
    // Without --known-at the same command sees the new facts.
    let now = CLI.run(["report", "--quarter", "2015-Q1"], ledger: ledger.path)
    #expect(now.stdout != before[0].stdout)
    #expect(now.stdout.contains("Bookings for prison visits: no phase → live (2015-02-01)"))
    #expect(now.stdout.contains("1 invalid line of the log left out"))
    #expect(now.stderr.contains("1 invalid line(s)"))
  }

  @Test("--out writes the file whole through a temporary file in the same folder")
  func out() throws {
    let folder = try TemporaryLedger()
    defer { folder.remove() }
    let events = packageRoot + "/events"
    let path = folder.path + "/2015-Q1.html"
    try folder.write("2015-Q1.html", "an older report")
    let stdout = CLI.run(["report", "--quarter", "2015-Q1", "--format", "html"], ledger: events)
    let run = CLI.run(
      ["report", "--quarter", "2015-Q1", "--format", "html", "--out", path], ledger: events)
    #expect(run.exitCode == 0)
    #expect(run.stdout == "wrote the 2015-Q1 report to \(path)\n")
    #expect(folder.text("2015-Q1.html") == stdout.stdout)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(left == ["2015-Q1.html"], "\(left)")
  }

  @Test("--out into a missing folder fails and creates nothing")
  func outFails() throws {
    let folder = try TemporaryLedger()
    defer { folder.remove() }
    let run = CLI.run(
      ["report", "--quarter", "2015-Q1", "--out", folder.path + "/missing/r.md"],
      ledger: packageRoot + "/events")
    #expect(run.exitCode == 1)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("missing/r.md: cannot create"), "\(run.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test("without a date: the last complete quarter before LEDGER_NOW")
  func defaultQuarter() {
    let run = CLI.run(["report"], ledger: packageRoot + "/events", now: "2015-04-20T10:00:00Z")
    #expect(run.stdout.hasPrefix("# Board report: 2015-Q1\n"))
    let inside = CLI.run(
      ["report", "--as-of", "2015-02-15", "--format", "json"], ledger: packageRoot + "/events")
    #expect(inside.stdout.contains(#""label": "2015-02-15""#))
    #expect(inside.stdout.contains(#""previousEnd": "2014-12-31""#))
  }

  @Test(
    "bad options are usage errors",
    arguments: [
      (["report", "--quarter", "2015-Q5"], "--quarter 2015-Q5 is not a calendar quarter"),
      (["report", "--quarter", "2015-Q1", "--as-of", "2015-03-31"], "not both"),
      (["report", "--format", "table"], "has no format \"table\""),
      (["report", "2015-Q1"], "report takes no arguments"),
      (["report", "--as-of", "2015-02-30"], "--as-of 2015-02-30 is not a real date"),
      (["report", "--out", ""], "--out needs a file name"),
    ])
  func usageErrors(arguments: [String], fragment: String) {
    let run = CLI.run(arguments, ledger: packageRoot + "/events")
    #expect(run.exitCode == 64)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(fragment), "\(run.stderr)")
  }

  @Test("an empty ledger gives a report that says so, in every format")
  func empty() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    for format in Self.formats {
      let run = CLI.run(
        ["report", "--quarter", "2015-Q1", "--format", format], ledger: ledger.path)
      #expect(run.exitCode == 0)
      #expect(run.stderr.isEmpty)
      if format == "html" { #expect(XHTMLCheck(run.stdout).isWellFormed) }
    }
    let markdown = CLI.run(["report", "--quarter", "2015-Q1"], ledger: ledger.path).stdout
    #expect(markdown.contains("The ledger is empty."))
    #expect(markdown.contains("No strategy is published as of 2015-03-31."))
  }

  @Test("the README's excerpt of the 2015-Q1 report is how the report begins, line for line")
  func readme() throws {
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    let block = try #require(readme.components(separatedBy: "```markdown\n").dropFirst().first)
    let excerpt = try #require(block.components(separatedBy: "```").first)
    let report = CLI.run(["report", "--quarter", "2015-Q1"], ledger: packageRoot + "/events")
    // The reproduce command names the ledger as given; the README's is `make report`'s.
    let text = report.stdout.replacingOccurrences(of: packageRoot + "/events", with: "events")
    // "begins": the excerpt is the report's first lines, none left out or reordered.
    #expect(excerpt.split(separator: "\n").count >= 10)
    #expect(text.hasPrefix(excerpt), "README's excerpt is not how the report begins")
  }

  @Test("help lists the command and explains the default quarter")
  func help() {
    #expect(CLI.run(["help"]).stdout.contains("report "))
    let help = CLI.run(["report", "--help"]).stdout
    #expect(help.contains("--quarter YYYY-Qn") && help.contains("--out FILE"))
    #expect(help.contains("last complete quarter before today"))
    // --out writes a link or device through and refuses the ledger folder (OutputFile).
    #expect(help.contains("written through; never inside the ledger folder"))
  }
}
