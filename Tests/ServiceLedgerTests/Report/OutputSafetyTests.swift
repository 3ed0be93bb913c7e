import Foundation
import Testing

@testable import ServiceLedger

/// Whatever a user typed is escaped in every output: HTML, Markdown, CSV (no formula
/// injection) and the terminal (control characters shown, never sent).
@Suite("Output safety")
struct OutputSafetyTests {
  /// Service names that a spreadsheet would run or a terminal would obey.
  static let names = [
    "=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
    "@SUM(A1:A9)", "\tTabbed", "\rReturned", "Pipe | <b>bold</b> *star* [link](x) `code`",
    "Red \u{1B}[31malert\u{1B}[0m \u{7}bell", "Right\u{202E}txt.exe", "Nul\u{0}byte",
  ]

  /// A ledger with one service per hostile name.
  static func ledger() throws -> TemporaryLedger {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    let lines = names.enumerated().map { index, name in
      JSONValue.members([
        "type": .string("service.registered"),
        "data": .members([
          "service": .string("svc-\(index)"), "name": .string(name), "organisation": .string("OPG"),
        ]),
      ]).serialized()
    }
    let run = CLI.run(["append"], ledger: ledger.path, input: lines.joined(separator: "\n"))
    #expect(run.exitCode == 0, "\(run.stderr)")
    return ledger
  }

  /// Control characters other than line feed that made it to the output.
  static func rawControls(_ text: String, allowing allowed: Set<UInt32> = [0x0A]) -> [UInt32] {
    text.unicodeScalars.map(\.value).filter { value in
      !allowed.contains(value)
        && (value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x202E)
    }
  }

  @Test("terminal tables show control characters as escapes", arguments: ["services", "log"])
  func terminal(command: String) throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    let run = CLI.run([command, "--as-of", "2015-04-01"], ledger: ledger.path)
    #expect(run.exitCode == 0)
    #expect(Self.rawControls(run.stdout).isEmpty, "\(Self.rawControls(run.stdout))")
    #expect(run.stdout.contains("Red \\u{1B}[31malert\\u{1B}[0m \\u{7}bell"))
    #expect(run.stdout.contains("Right\\u{202E}txt.exe"))
    #expect(run.stdout.contains("Nul\\u{0}byte"))
  }

  @Test("Markdown escapes table syntax and HTML, keeps each row on one line")
  func markdown() throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    let run = CLI.run(["services", "--format", "markdown"], ledger: ledger.path)
    #expect(Self.rawControls(run.stdout).isEmpty)
    #expect(run.stdout.contains(#"Pipe \| \<b\>bold\</b\> \*star\* \[link\](x) \`code\`"#))
    let rows = run.stdout.split(separator: "\n")
    #expect(rows.count == 2 + Self.names.count)
    #expect(rows.allSatisfy { $0.hasPrefix("| ") && $0.hasSuffix(" |") })
    // Five columns: six unescaped pipes on every row, whatever the names hold.
    let pipes = rows.map {
      $0.filter { $0 == "|" }.count - $0.components(separatedBy: "\\|").count + 1
    }
    #expect(pipes.allSatisfy { $0 == 6 }, "\(pipes)")
  }

  @Test("CSV neutralises text cells a spreadsheet would run as a formula, not numbers")
  func csv() throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    let run = CLI.run(["services", "--format", "csv"], ledger: ledger.path)
    for (index, name) in Self.names.enumerated() {
      let row = try #require(
        run.stdout.components(separatedBy: "\r\n").first { $0.hasPrefix("svc-\(index),") })
      let cell = row.dropFirst("svc-\(index),".count)
      let dangerous = "=+-@\t\r".unicodeScalars.contains(name.unicodeScalars.first ?? " ")
      if dangerous {
        #expect(cell.hasPrefix("'") || cell.hasPrefix("\"'"), "\(name): \(row)")
      } else {
        #expect(!cell.hasPrefix("'") && !cell.hasPrefix("\"'"), "\(name): \(row)")
      }
    }
    var out = ""
    TableData(
      columns: ["TEXT", "NUMBER"],
      rows: [[.text("-5"), .number("-5")], [.text("=1"), .number("+1")]]
    ).renderCSV(into: &out)
    #expect(out == "text,number\r\n'-5,-5\r\n'=1,+1\r\n")
    // A figure is written plain, a negative one with its `-`: a number, not a formula.
    out = ""
    TableData(
      fields: ["DAYS": "days_to_due", "CHANGE": "change_pp"],
      rows: [[.measure(.count(-5)), .measure(.points(-0.0367))]]
    ).renderCSV(into: &out)
    #expect(out == "days_to_due,change_pp\r\n-5,-3.67\r\n")
  }

  @Test("JSON output escapes control characters")
  func json() throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    let run = CLI.run(["services", "--format", "json"], ledger: ledger.path)
    #expect(Self.rawControls(run.stdout, allowing: [0x0A, 0x202E]).isEmpty)
    #expect(run.stdout.contains(#"Red \u001b[31malert"#))
  }

  @Test("error messages quoting input show control characters, never send them")
  func diagnostics() throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    let run = CLI.run(
      ["record", "phase.entered", "service=svc-0", "phase=\u{1B}]0;pwned\u{7}", "on=2014-01-01"],
      ledger: ledger.path)
    #expect(run.exitCode == 1)
    #expect(Self.rawControls(run.stderr).isEmpty)
    #expect(run.stderr.contains(#"\u{1B}]0;pwned\u{7}"#))
    try ledger.write("bad.jsonl", "{\"id\":\"\u{1B}[2J\"}\n")
    let view = CLI.run(["services"], ledger: ledger.path)
    #expect(Self.rawControls(view.stderr).isEmpty, "\(view.stderr)")
  }

  @Test("HTML escaping: no tag, attribute or entity can be opened; controls shown")
  func html() {
    #expect(
      HTML.escaped(#"<script>alert("x")</script> & 'y'"#)
        == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
    #expect(HTML.escaped("a\tb\nc") == "a\tb\nc")
    #expect(HTML.escaped("bell\u{7} nul\u{0} rlo\u{202E}") == #"bell\u{7} nul\u{0} rlo\u{202E}"#)
    #expect(HTML.escaped("Café ✓ 👍🏽") == "Café ✓ 👍🏽")
    #expect(HTML.escaped("&amp;") == "&amp;amp;")
  }
}
