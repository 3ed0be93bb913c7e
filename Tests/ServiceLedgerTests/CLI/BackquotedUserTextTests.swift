import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// Text the user wrote (a service's name, a value, a file's name) never carries a backquote into
/// a message: there a backquote is the author's, around a command to run. One in a name would
/// pair with the author's and shift every span after it on its line, and a name that holds
/// `` `ledger repair` `` would be taken for a command and given `--ledger`.
@Suite("User text with backquotes in messages")
struct BackquotedUserTextTests {
  /// Names with one backquote, a command in backquotes, and runs of them.
  static let names = ["it`s", "the `ledger repair` desk", "``ledger check`` ` `"]

  /// A ledger and a decoy for `LEDGER_DIR`, the ledger a command without `--ledger` would use.
  struct Ledgers {
    let ledger: TemporaryLedger
    let decoy: TemporaryLedger
    var option: String { " --ledger " + Format.shellPath(ledger.path) }

    init(files: [String: String] = [:]) throws {
      ledger = try TemporaryLedger(files: files)
      decoy = try TemporaryLedger(files: ["ledger.jsonl": ""])
    }

    func remove() {
      ledger.remove()
      decoy.remove()
    }

    /// Records each of `events` (a type and its fields) in the ledger, each with an id of its
    /// own.
    func record(_ events: [[String]]) {
      for (seed, event) in events.enumerated() {
        let run = CLI.run(
          ["record"] + event + ["--ledger", ledger.path], ledger: decoy.path,
          environment: ["LEDGER_SEED": "\(seed + 1)"])
        #expect(run.exitCode == 0, "\(run.stderr)")
      }
    }
  }

  /// The spans of `line` between backquotes, paired left to right as `SuggestedCommands` pairs
  /// them.
  static func spans(_ line: Substring) -> [String] {
    let parts = line.split(separator: "`", omittingEmptySubsequences: false)
    return stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }
  }

  @Test("the user's text is shown with its backquotes as \\u{60}, nothing else changed")
  func rendering() {
    #expect(Format.userText("it`s") == #"it\u{60}s"#)
    #expect(Format.userText("a\u{1B}`") == #"a\u{1B}\u{60}"#)
    #expect(Format.userText("Bookings for prison visits") == "Bookings for prison visits")
    #expect(Format.quoted("be`ta") == #""be\u{60}ta""#)
  }

  @Test(
    "a check finding about a service so named still names the ledger in its command",
    arguments: names)
  func checkFinding(name: String) throws {
    let ledgers = try Ledgers(files: ["ledger.jsonl": ""])
    defer { ledgers.remove() }
    let path = ledgers.ledger.path
    ledgers.record([
      ["service.registered", "service=desk", "name=\(name)", "organisation=OPG"],
      ["phase.entered", "service=desk", "phase=live", "on=2014-03-01"],
    ])
    let run = CLI.run(
      ["check", "--ledger", path, "--rule", "govuk", "--as-of", "2015-03-31"],
      ledger: ledgers.decoy.path)
    #expect(run.exitCode == 1, "\(run.stderr)")
    let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("govuk") })
    #expect(
      line.contains("desk (\(Format.userText(name))) has been live since 2014-03-01"), "\(line)")
    let command =
      "ledger record govuk.transitioned service=desk on=YYYY-MM-DD "
      + "url=https://www.gov.uk/START-PAGE" + ledgers.option
    #expect(Self.spans(line) == [command], "\(line)")
  }

  @Test(
    "a value quoted back in a warning leaves the suggestion after it whole",
    arguments: names)
  func warningValue(name: String) throws {
    // A phase that is not one, in the one line of the log: `ledger services` leaves it out and
    // says so, quoting the value and suggesting `ledger check`.
    let line =
      #"{"id":"00000000-0000-4000-8000-000000000001","at":"2014-01-01T09:00:00Z","by":"p-0001","#
      + #""type":"phase.entered","data":{"service":"desk","phase":"\#(name)","on":"2014-03-01"}}"#
    let ledgers = try Ledgers(files: ["ledger.jsonl": line + "\n"])
    defer { ledgers.remove() }
    let run = CLI.run(["services", "--ledger", ledgers.ledger.path], ledger: ledgers.decoy.path)
    let warning = try #require(
      run.stderr.split(separator: "\n").first { $0.contains("invalid line") }, "\(run.stderr)")
    #expect(warning.contains(Format.quoted(name)), "\(warning)")
    #expect(Self.spans(warning) == ["ledger check" + ledgers.option], "\(warning)")
  }

  @Test("a log file so named leaves the suggestion after it whole", arguments: names)
  func warningFileName(name: String) throws {
    let file = name + ".jsonl"
    let ledgers = try Ledgers(files: [file: "{\"id\":\n"])
    defer { ledgers.remove() }
    let run = CLI.run(["services", "--ledger", ledgers.ledger.path], ledger: ledgers.decoy.path)
    let warning = try #require(
      run.stderr.split(separator: "\n").first { $0.contains("invalid line") }, "\(run.stderr)")
    #expect(warning.contains("/" + Format.userText(file) + ":1"), "\(warning)")
    #expect(Self.spans(warning) == ["ledger check" + ledgers.option], "\(warning)")
  }

  @Test("the board report (Markdown, HTML) and the site show a name so named as text, not code")
  func renderers() throws {
    let ledgers = try Ledgers(files: ["ledger.jsonl": ""])
    defer { ledgers.remove() }
    let path = ledgers.ledger.path
    let name = "the `ledger repair` desk"
    ledgers.record([
      [
        "strategy.published", "strategy=s", "title=S`trategy", "published=2013-01-01",
        #"themes=[{"number":1,"title":"T"}]"#,
      ],
      ["service.registered", "service=desk", "name=\(name)", "organisation=OPG"],
      ["exemplar.designated", "service=desk", "strategy=s", "due=2015-03-31", "note=it`s so"],
      ["phase.entered", "service=desk", "phase=live", "on=2014-03-01"],
    ])
    let report = ["report", "--ledger", path, "--quarter", "2015-Q1", "--format"]
    let markdown = CLI.run(report + ["markdown"], ledger: ledgers.decoy.path).stdout
    #expect(markdown.contains(#"the \`ledger repair\` desk"#))
    // Every backquote Markdown reads as one is the reproducing command's code span.
    let code = markdown.split(separator: "\n").filter { line in
      zip(line, line.dropFirst()).contains { $0 != "\\" && $1 == "`" } || line.first == "`"
    }
    #expect(code.count == 1 && code[0].contains("reproduces these figures"), "\(code)")
    let html = CLI.run(report + ["html"], ledger: ledgers.decoy.path).stdout
    #expect(html.contains("it`s so") && html.components(separatedBy: "<code>").count == 2)
    let site = NSTemporaryDirectory() + "ledger-site-" + UUID().uuidString.lowercased()
    defer { try? FileManager.default.removeItem(atPath: site) }
    let built = CLI.run(
      ["site", "--ledger", path, "--out", site, "--as-of", "2015-03-31"],
      ledger: ledgers.decoy.path)
    #expect(built.exitCode == 0, "\(built.stderr)")
    let home = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
    #expect(home.contains("[1] \(name) under \(name). it`s so</p>"), "\(home)")
    #expect(home.components(separatedBy: "<code>").count == 2)
  }
}
