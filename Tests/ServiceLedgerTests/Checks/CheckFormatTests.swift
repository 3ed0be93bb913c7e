import Foundation
import Testing

@testable import ServiceLedger

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("ledger check output formats")
struct CheckFormatTests {
  /// The clean ledger without its service manager and the action's progress, plus an invalid
  /// line: an error, a warning and a data error, with `:`, `,`, `%`, `<` and `&` in a title.
  static func mixed() throws -> CheckReport {
    let fixture = try CheckFixture.clean().dropping("services.jsonl", 3)
      .dropping("strategy.jsonl", 5)
      .appending(
        "services.jsonl",
        CheckFixture.line(
          600, "phase.entered", #"{"service":"visits","phase":"gamma","on":"2015-05-01"}"#))
    return try fixture.report()
  }

  @Test(
    "text, json, github and junit match their golden files",
    arguments: [
      ("text", "mixed.txt"), ("json", "mixed.json"), ("github", "mixed.github.txt"),
      ("junit", "mixed.junit.xml"),
    ])
  func golden(format: String, file: String) throws {
    let report = try Self.mixed()
    var out = ""
    switch format {
    case "json": out = report.json.serialized() + "\n"
    case "github": report.renderGitHub(folder: "events", into: &out)
    case "junit": report.renderJUnit(folder: "events", into: &out)
    default: report.renderText(folder: "events", into: &out)
    }
    try CheckGolden.verify(out, file)
  }

  @Test("GitHub annotations escape messages and properties as the runner expects")
  func gitHubEscaping() {
    #expect(CheckReport.gitHubData("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d")
    #expect(CheckReport.gitHubProperty("dir,x/a:b%.jsonl") == "dir%2Cx/a%3Ab%25.jsonl")
    let report = CheckReport(
      asOf: date("2015-03-31"),
      findings: [
        Finding(
          rule: "malformed", severity: .error, message: "expected ','\nat 100%",
          file: "a,b.jsonl", line: 3, column: 7),
        Finding(rule: "overdue", severity: .warning, message: "late"),
      ])
    var out = ""
    report.renderGitHub(folder: "./events", into: &out)
    #expect(
      out
        == "::error file=events/a%2Cb.jsonl,line=3,col=7,title=malformed::"
        + "expected ','%0Aat 100%25\n"
        + "::warning title=overdue::late\n"
        + "./events: 1 error(s), 1 warning(s) as of 2015-03-31\n")
  }

  @Test("JUnit XML is well formed, escaped, and counts failing rules")
  func junit() throws {
    let report = CheckReport(
      asOf: date("2015-03-31"),
      findings: [
        Finding(
          rule: "kpis", severity: .error, message: "a < b & \"c\"\u{1B}[31m", file: "x.jsonl",
          line: 1),
        Finding(rule: "kpis", severity: .error, message: "second", file: "x.jsonl", line: 2),
        Finding(rule: "overdue", severity: .warning, message: "late <soon>"),
      ], rules: [.kpis, .overdue, .govuk])
    var out = ""
    report.renderJUnit(folder: "events", into: &out)
    #expect(out.contains(#"<testsuites name="ledger check" tests="3" failures="1" errors="0">"#))
    #expect(out.contains("a &lt; b &amp; &quot;c&quot;\\u{1B}[31m"))
    #expect(out.contains("<system-out>events: warning: overdue: late &lt;soon&gt;\n</system-out>"))
    let parser = XMLParser(data: Data(out.utf8))
    let counter = ElementCounter()
    parser.delegate = counter
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
    #expect(counter.counts["testcase"] == 3)
    #expect(counter.counts["failure"] == 2)
  }

  @Test("text shows the column of JSON syntax errors and keeps control characters out")
  func text() {
    let report = CheckReport(
      asOf: date("2015-03-31"),
      findings: [
        Finding(
          rule: "malformed", severity: .error, message: "bad\u{1B}[2J", file: "a.jsonl", line: 3,
          column: 7)
      ])
    var out = ""
    report.renderText(folder: "events/", into: &out)
    #expect(
      out
        == "events/a.jsonl:3:7: error: malformed: bad\\u{1B}[2J\n"
        + "events/: 1 error(s), 0 warning(s) as of 2015-03-31\n"
    )
  }
}

extension CheckFormatTests {
  @Test("a file name with control characters (ignored-file) is shown escaped in every format")
  func controlCharactersInFileNames() throws {
    let name = "\u{1B}]0;pwned\u{7}\u{1B}[31mEVIL.JSONL"
    let report = CheckReport(
      asOf: date("2015-03-31"),
      findings: [
        Finding(
          rule: "ignored-file", severity: .warning, message: "\(name) is never read", file: name)
      ])
    var text = ""
    report.renderText(folder: "events", into: &text)
    var gitHub = ""
    report.renderGitHub(folder: "events", into: &gitHub)
    var junit = ""
    report.renderJUnit(folder: "events", into: &junit)
    for out in [text, gitHub, junit] {
      #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(out)")
      #expect(out.contains("events/\\u{1B}]0;pwned\\u{7}\\u{1B}[31mEVIL.JSONL"), "\(out)")
    }
    let parser = XMLParser(data: Data(junit.utf8))
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
  }

  @Test("a ledger folder whose name has a newline or an escape cannot add a line to any format")
  func controlCharactersInTheFolder() throws {
    let folder = "ci\n::error::injected\u{1B}[31m"
    let report = CheckReport(
      asOf: date("2015-03-31"),
      findings: [
        Finding(
          rule: "torn-line", severity: .error, message: "cut off", file: "ledger.jsonl",
          line: 3)
      ])
    var text = ""
    report.renderText(folder: folder, into: &text)
    var gitHub = ""
    report.renderGitHub(folder: folder, into: &gitHub)
    var junit = ""
    report.renderJUnit(folder: folder, into: &junit)
    for out in [text, gitHub, junit] {
      #expect(!out.unicodeScalars.contains { $0.value == 0x1B }, "\(out)")
      #expect(!out.contains("\n::error::injected"), "\(out)")
    }
    #expect(text.split(separator: "\n").count == 2, "\(text)")
    #expect(gitHub.split(separator: "\n").count == 2, "\(gitHub)")
    let parser = XMLParser(data: Data(junit.utf8))
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
  }
}

/// Counts elements by name while parsing.
final class ElementCounter: NSObject, XMLParserDelegate {
  var counts: [String: Int] = [:]
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    counts[elementName, default: 0] += 1
  }
}
