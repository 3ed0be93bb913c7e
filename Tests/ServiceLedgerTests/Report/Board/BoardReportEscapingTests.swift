import Foundation
import Testing

@testable import ServiceLedger

/// Whatever users typed (service names, organisations, titles, notes, people's names) is
/// escaped in every format: it can neither run script nor change the page's structure.
@Suite("Board report: hostile text is escaped")
struct BoardReportEscapingTests {
  static let hostile = #"<script>alert("x")</script> & 'co' | *bold* [link](http://e.x)"#

  /// A ledger whose every free-text field is `hostile`: the service is an exemplar in beta
  /// with a manager, so its name appears in every section, and the exemplar's title and note
  /// (a footnote) are hostile too.
  static func report() -> BoardReport {
    var f = BoardFixture()
    f.strategy(title: hostile, theme: hostile)
    f.action(1, title: hostile, due: "2014-06-30")
    f.register("a", name: hostile)
    f.add(
      .exemplarDesignated(
        ExemplarDesignated(
          service: service("a"), strategy: BoardFixture.strategy, due: date("2015-03-31"),
          on: date("2012-12-20"), exemplar: ExemplarID(unchecked: "x"), title: hostile,
          note: hostile)))
    f.add(.phaseEntered(PhaseEntered(service: service("a"), phase: .beta, on: date("2015-01-05"))))
    f.quarter("a", "2014-10-01", "2014-12-31", total: 200_000, digital: 20_000)
    f.quarter("a", "2015-01-01", "2015-03-31", total: 200_000, digital: 50_000)
    f.add(
      .actionProgressed(
        ActionProgressed(
          strategy: BoardFixture.strategy, action: 1, status: .atRisk, on: date("2015-02-01"),
          note: hostile)))
    f.add(
      .managerAppointed(
        ManagerAppointed(
          service: service("a"), person: PersonID(unchecked: "p-0042"), on: date("2015-01-10"))))
    return f.report(people: PeopleFile(names: [PersonID(unchecked: "p-0042"): hostile]))
  }

  @Test("the markup parser rejects what it should, so the HTML checks mean something")
  func parserIsStrict() {
    #expect(!XHTMLCheck("<p><b>x</p></b>").isWellFormed)
    #expect(!XHTMLCheck("<p>a & b</p>").isWellFormed)
    #expect(XHTMLCheck("<p>a &amp; b &#39;c&#39;</p>").isWellFormed)
  }

  @Test("HTML: entities for < > & \" ', still well-formed, no script element")
  func html() {
    let html = Self.report().html
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"))
    let check = XHTMLCheck(html)
    #expect(check.isWellFormed, "\(check.error ?? "")")
    #expect(check.count("script") == 0 && check.count("a") == 0)
    // The parsed text gives back exactly what was typed, in the title, tables and charts.
    #expect(check.text.components(separatedBy: Self.hostile).count > 5)
    #expect(BoardHTML.escaped("a\u{1}b\u{FFFF}") == #"a\u{1}b\u{FFFF}"#)
  }

  @Test("Markdown: every character Markdown would act on is backslash-escaped")
  func markdown() {
    let markdown = Self.report().markdown
    let escaped =
      #"\<script\>alert("x")\</script\> \& 'co' \| \*bold\* \[link\](http://e.x)"#
    #expect(markdown.contains(escaped))
    #expect(!markdown.contains(Self.hostile))
    // No `<` or `&` reaches a Markdown renderer unescaped, so no HTML and no entity.
    for (before, character) in zip(markdown, markdown.dropFirst())
    where character == "<" || character == "&" {
      #expect(before == "\\", "unescaped \(character)")
    }
    // Every row of a table has as many unescaped `|` as its header: no name split a row.
    var tables: [[Substring]] = [[]]
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("| ") || line.hasPrefix("|-") || line.hasPrefix("| -") {
        tables[tables.count - 1].append(line)
      } else if !(tables.last ?? []).isEmpty {
        tables.append([])
      }
    }
    #expect(tables.filter { !$0.isEmpty }.count >= 5)
    for table in tables where !table.isEmpty {
      #expect(Set(table.map(Self.pipes)).count == 1, "\(table)")
    }
  }

  @Test("JSON: valid, and the text comes back exactly as typed")
  func json() throws {
    let text = Self.report().json.prettyPrinted()
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let exemplars = parsed?["exemplars"] as? [[String: Any]]
    #expect(exemplars?.first?["title"] as? String == Self.hostile)
    let services = exemplars?.first?["services"] as? [[String: Any]]
    #expect(services?.first?["name"] as? String == Self.hostile)
    #expect(services?.first?["note"] as? String == Self.hostile)
    #expect(parsed?["subject"] as? String == Self.hostile)
    #expect(text.contains(#"\"x\""#))
  }

  /// Unescaped `|` in a Markdown table row.
  static func pipes(_ row: Substring) -> Int {
    var count = 0
    var previous: Character = " "
    for character in row {
      if character == "|" && previous != "\\" { count += 1 }
      previous = character
    }
    return count
  }
}
