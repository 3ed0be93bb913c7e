import Foundation
import Testing

@testable import ServiceLedger

/// The HTML report is one self-contained, well-formed, printable file with its charts.
@Suite("Board report: HTML structure")
struct BoardReportHTMLTests {
  static func shippedHTML() throws -> String {
    BoardReport(try shippedLedger.get(), period: ReportPeriod(asOf: date("2015-03-31"))).html
  }

  @Test("well-formed (parses as XML), one document with head, style and body")
  func wellFormed() throws {
    let html = try Self.shippedHTML()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    let check = XHTMLCheck(html)
    #expect(check.isWellFormed, "\(check.error ?? "")")
    #expect(check.count("html") == 1 && check.count("head") == 1 && check.count("body") == 1)
    #expect(check.count("style") == 1)
    #expect(check.count("h1") == 1)
    #expect(check.count("h2") >= 10)
    #expect(check.text.contains("Board report: 2015-Q1"))
  }

  @Test("charts: the scorecard, exemplar and top-service take-up lines, the channel mix")
  func charts() throws {
    let check = XHTMLCheck(try Self.shippedHTML())
    #expect(check.count("svg") == 4)
    #expect(check.count("figure") == 4)
    // Five exemplar lines and five others, each a polyline with circles at its points.
    #expect(check.count("polyline") == 10)
    #expect(check.count("circle") > 40)
    let titles = check.attributes.filter { $0.element == "svg" && $0.name == "role" }
    #expect(titles.count == 4 && titles.allSatisfy { $0.value == "img" })
    #expect(check.text.contains("Take-up over time: the exemplar services"))
    #expect(check.text.contains("The portfolio's channel mix"))
  }

  @Test("nothing external: no scripts, links, fonts, images or URLs to fetch")
  func selfContained() throws {
    let html = try Self.shippedHTML()
    let check = XHTMLCheck(html)
    for name in ["script", "link", "img", "iframe", "object", "embed", "base", "a"] {
      #expect(check.count(name) == 0, "<\(name)>")
    }
    let fetching = check.attributes.filter { ["src", "href", "xlink:href"].contains($0.name) }
    #expect(fetching.isEmpty, "\(fetching.map(\.value))")
    #expect(!html.contains("<script"))
    #expect(!html.contains("url("))
    #expect(!html.contains("@import"))
    #expect(!html.contains("@font-face"))
    let lower = html.lowercased()
    #expect(!lower.contains("src=\"http") && !lower.contains("href=\"http"))
  }

  @Test("printable on A4: page size, whole figures and rows, repeated table headers")
  func printable() throws {
    let html = try Self.shippedHTML()
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains("figure { margin: 3mm 0 4mm; break-inside: avoid;"))
    #expect(html.contains("tr { break-inside: avoid;"))
    #expect(html.contains("thead { display: table-header-group; }"))
  }

  @Test("on a phone: tiles two a row, tables and full-size charts scroll in their own box")
  func narrowScreen() throws {
    let html = try Self.shippedHTML()
    let start = try #require(html.range(of: "@media screen and (max-width: 640px) {"))
    let end = try #require(html[start.upperBound...].range(of: "\n}"))
    let block = html[start.upperBound..<end.lowerBound]
    #expect(block.contains(".tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }"))
    #expect(block.contains("table { display: block; overflow-x: auto; }"))
    #expect(block.contains("figure { overflow-x: auto; }"))
    // The charts keep their drawn size (text 10 and 11 px), rather than shrink to the screen.
    let width = Int(SVGChart.width)
    #expect(block.contains("figure svg { width: \(width)px; max-width: none; }"))
    let check = XHTMLCheck(html)
    let widths = check.attributes.filter { $0.element == "svg" && $0.name == "width" }
    #expect(!widths.isEmpty && widths.allSatisfy { $0.value == "\(width)" })
  }

  @Test("a tile gives its change first, in words when there is none, and no sums to work out")
  func tiles() throws {
    let html = try Self.shippedHTML()
    #expect(html.contains("<p class=\"delta\">no change since 2014-Q4; 16 priority</p>"))
    #expect(html.contains("<p class=\"delta\">-70,450 since 2014-Q4</p>"))
    // Its figure is everything past due, in red: none recorded as late is not none late.
    #expect(
      html.contains(
        "<div class=\"tile alert\"><p class=\"label\">Past their due date</p><p class=\"value\">"
          + "11</p><p class=\"delta\">2 actions, 9 milestones: 0 recorded as late, 11 with no "
          + "progress recorded</p>"))
    #expect(!html.contains("0 + 0") && !html.contains("; 0 since"))
    #expect(
      html.contains(
        "<div class=\"tile\"><p class=\"label\">Standard check errors</p><p class=\"value\">0"
          + "</p><p class=\"delta\">no change since 2014-Q4; 11 warnings</p>"))
    // The standard's errors have a red tile of their own.
    let later = BoardReport(
      try shippedLedger.get(), period: ReportPeriod(asOf: date("2017-09-30"))
    ).html
    #expect(
      later.contains(
        "<p class=\"value\">13</p><p class=\"delta\">3 actions, 10 milestones: 0 recorded as "
          + "late, 13 with no progress recorded</p>"))
    #expect(
      later.contains(
        "<div class=\"tile alert\"><p class=\"label\">Standard check errors</p><p "
          + "class=\"value\">5</p>"))
    // Nothing past due and no errors: a plain tile that says so.
    let early = BoardReport(
      try shippedLedger.get(), period: ReportPeriod(asOf: date("2013-01-31"))
    ).html
    #expect(
      early.contains(
        "<div class=\"tile\"><p class=\"label\">Past their due date</p><p class=\"value\">0"
          + "</p><p class=\"delta\">no action or milestone</p>"), "\(early)")
  }

  @Test("an action with no status reads 'not recorded', as a phase and `ledger actions` do")
  func notRecorded() throws {
    let html = try Self.shippedHTML()
    #expect(html.contains("<td class=\"nowrap\">not recorded</td><td class=\"nowrap\">2015-03-31"))
    #expect(!html.contains(">none recorded<"))
  }

  @Test("a date or quarter in a table is never broken after its hyphens")
  func datesWhole() throws {
    let html = try Self.shippedHTML()
    // The largest movers: a quarter as a column title, a date in a longer cell.
    #expect(html.contains("<th class=\"num\"><span class=\"nowrap\">2014-Q4</span></th>"))
    #expect(html.contains("<td>quarter to <span class=\"nowrap\">2014-12-31</span></td>"))
    #expect(XHTMLCheck(html).isWellFormed)
    #expect(
      BoardHTML.keepingDatesWhole("due 2013-04-30, past; 2015-Q1")
        == "due <span class=\"nowrap\">2013-04-30</span>, past; "
        + "<span class=\"nowrap\">2015-Q1</span>")
    for text in ["12014-12-31", "2014-12-311", "2014-12", "2014-Q", "2014-1-31", "A-2014"] {
      #expect(BoardHTML.keepingDatesWhole(text) == text)
    }
  }

  @Test("SVG coordinates are plain numbers (no thousands separators)")
  func coordinates() throws {
    let check = XHTMLCheck(try Self.shippedHTML())
    let numeric = ["x", "y", "x1", "x2", "y1", "y2", "width", "height", "cx", "cy"]
    for attribute in check.attributes where numeric.contains(attribute.name) {
      #expect(Double(attribute.value) != nil, "\(attribute.element) \(attribute.name)")
    }
    #expect(SVGChart.n(1234.56) == "1234.6")
    #expect(SVGChart.n(-0.04) == "0")
    #expect(SVGChart.n(40) == "40")
  }
}
