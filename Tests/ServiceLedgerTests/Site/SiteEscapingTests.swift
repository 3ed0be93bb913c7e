import Foundation
import Testing

@testable import ServiceLedger

/// Whatever people typed reaches every page escaped, and restatements, retractions and
/// organisations whose names are not plain ASCII still get pages and working links.
@Suite("Site: hostile names, restatements and retractions")
struct SiteEscapingTests {
  static let hostile = #"<script>alert("x")</script> & 'co' "><img src=x onerror=alert(1)>"#
  /// Right-to-left override, then Unicode that is fine as it is.
  static let unicode = "\u{202E}evil\u{202C} Ærøskøbing – 日本の裁判所"

  static func ledger() -> (Ledger, restated: RecordedEvent, retracted: RecordedEvent) {
    var f = BoardFixture()
    f.strategy(title: hostile, theme: hostile)
    f.action(1, title: hostile, due: "2014-06-30")
    f.add(
      .serviceRegistered(
        ServiceRegistered(
          service: service("a"), name: hostile, organisation: hostile, url: "javascript:alert(1)",
          description: hostile)))
    f.add(
      .serviceRegistered(
        ServiceRegistered(service: service("b"), name: unicode, organisation: unicode)))
    f.add(
      .serviceRegistered(
        ServiceRegistered(service: service("c"), name: "Plain", organisation: "<>")))
    f.add(
      .exemplarDesignated(
        ExemplarDesignated(
          service: service("a"), strategy: BoardFixture.strategy, due: date("2015-03-31"),
          on: date("2012-12-20"))))
    let restated = f.quarter("a", "2014-10-01", "2014-12-31", total: 200_000, digital: 20_000)
    f.quarter("a", "2014-10-01", "2014-12-31", total: 210_000, digital: 21_000)
    f.quarter("a", "2015-01-01", "2015-03-31", total: 200_000, digital: 50_000)
    let retracted = f.quarter("b", "2015-01-01", "2015-03-31", total: 5, digital: 1)
    f.add(.eventRetracted(EventRetracted(event: retracted.id, reason: hostile)))
    f.add(
      .managerAppointed(
        ManagerAppointed(
          service: service("a"), person: PersonID(unchecked: "p-0042"), on: date("2015-01-10"))))
    return (f.ledger, restated, retracted)
  }

  static func pages() throws -> [SitePage] {
    try Site(
      ledger().0, asOf: date("2015-03-31"),
      people: PeopleFile(names: [PersonID(unchecked: "p-0042"): hostile])
    ).pages()
  }

  @Test("the checker finds broken links, missing anchors and outside references")
  func checkerIsStrict() {
    func page(_ path: String, _ body: String) -> SitePage {
      SitePage(path: path, text: "<html><body>\(body)</body></html>")
    }
    let problems = SiteCheck([
      page("index.html", "<a href=\"missing.html\">x</a><a href=\"b/c.html#nowhere\">y</a>"),
      page("b/c.html", "<a href=\"../index.html\">z</a><a href=\"https://example.org/\">w</a>"),
      page("d.html", "<img src=\"x.png\"/><a href=\"/index.html\">v</a><p>a & b</p>"),
    ]).problems
    // Two for the outside link: it is neither relative nor inside the site.
    #expect(problems.count == 7, "\(problems)")
    for expected in [
      "has no page missing.html", "no anchor #nowhere", "refers outside", "<img src",
      "not relative",
      "d.html: line",
    ] {
      #expect(problems.contains { $0.contains(expected) }, "\(expected)")
    }
    #expect(SiteCheck([page("index.html", "<a href=\"#top\" id=\"top\">x</a>")]).problems.isEmpty)
    #expect(
      SiteCheck([page("index.html", "<p id=\"a\">x</p><p id=\"a\">y</p>")]).problems.count == 1)
  }

  @Test("every page parses, links resolve, no script runs from the ledger's text")
  func escaped() throws {
    let pages = try Self.pages()
    let check = SiteCheck(pages)
    #expect(check.problems.isEmpty, "\(check.problems.prefix(10))")
    for page in pages where page.isHTML {
      let text = String(decoding: page.bytes, as: UTF8.self)
      let parsed = try #require(check.parsed[page.path])
      // Only the services table's own script; no element from the ledger's text.
      #expect(parsed.count("img") == 0, "\(page.path)")
      #expect(parsed.count("script") == (page.path == "services.html" ? 1 : 0), "\(page.path)")
      #expect(!text.contains("<script>alert"), "\(page.path)")
      #expect(!text.contains("\u{202E}"), "\(page.path): a raw right-to-left override")
    }
    let home = try #require(check.parsed["services/a.html"])
    #expect(home.text.contains(Self.hostile))
    #expect(!home.attributes.contains { $0.value.contains("javascript") })
  }

  @Test("organisations get distinct pages whatever their names")
  func organisations() throws {
    let paths = Set(try Self.pages().map(\.path))
    #expect(paths.contains("organisations/script-alert-x-script-co-img-src-x-onerror-alert-1.html"))
    #expect(paths.contains("organisations/evil-r-sk-bing.html"))
    #expect(paths.contains("organisations/organisation.html"))
    #expect(
      SitePath.slugs(for: ["A B", "a-b", ""]) == ["A B": "a-b", "a-b": "a-b-2", "": "organisation"])
  }

  @Test("services and organisations with very long names get pages a folder can hold")
  func longNames() throws {
    var f = BoardFixture()
    let id = String(repeating: "s", count: 300)
    let organisation = String(repeating: "Org ", count: 120)
    for (service, name) in [(id, organisation), (id + "t", organisation + "2"), ("short", "O")] {
      f.add(
        .serviceRegistered(
          ServiceRegistered(
            service: ServiceID(unchecked: service), name: "N", organisation: name)))
    }
    let pages = try Site(f.ledger, asOf: date("2015-03-31")).pages()
    let check = SiteCheck(pages)
    #expect(check.problems.isEmpty, "\(check.problems.prefix(5))")
    let names = pages.flatMap { $0.path.split(separator: "/") }
    #expect(names.allSatisfy { $0.utf8.count <= 255 }, "\(names.map(\.utf8.count).max() ?? 0)")
    #expect(pages.filter { $0.path.hasPrefix("services/") }.count == 3)
    #expect(pages.filter { $0.path.hasPrefix("organisations/") }.count == 3)
    #expect(pages.contains { $0.path == "services/short.html" })
  }

  @Test("restated and retracted events are shown as such and link to each other")
  func restatements() throws {
    let (_, restated, retracted) = Self.ledger()
    let pages = try Self.pages()
    let a = try #require(pages.first { $0.path == "services/a.html" })
    let text = String(decoding: a.bytes, as: UTF8.self)
    #expect(text.contains("<h2>Restated figures</h2>"))
    let item = try #require(text.range(of: "<li id=\"\(SitePath.anchor(restated.id))\">"))
    let rest = text[item.upperBound...]
    let end = try #require(rest.range(of: "</li>"))
    #expect(rest[..<end.lowerBound].contains("Restated</span>: replaced by"))
    let b = try #require(pages.first { $0.path == "services/b.html" })
    let bText = String(decoding: b.bytes, as: UTF8.self)
    #expect(bText.contains("<li id=\"\(SitePath.anchor(retracted.id))\">"))
    #expect(bText.contains("Retracted</span> by"))
    // The retracted report counts nowhere: b has no volume as of the date.
    #expect(bText.contains("No volume reported as of 2015-03-31."))
  }

  @Test("phases and managers are listed by the date they hold from, not the order recorded")
  func standardRecordByDate() throws {
    var f = BoardFixture()
    f.register("a")
    f.add(.phaseEntered(PhaseEntered(service: service("a"), phase: .beta, on: date("2014-05-01"))))
    f.add(.phaseEntered(PhaseEntered(service: service("a"), phase: .alpha, on: date("2013-06-01"))))
    f.add(
      .managerAppointed(
        ManagerAppointed(
          service: service("a"), person: PersonID(unchecked: "p-0042"), on: date("2014-01-10"))))
    let page = try #require(
      try Site(f.ledger, asOf: date("2015-03-31")).pages().first { $0.path == "services/a.html" })
    let text = String(decoding: page.bytes, as: UTF8.self)
    let details = text.components(separatedBy: "<td data-label=\"Detail\">").dropFirst()
      .map { String($0.prefix { $0 != "<" }) }
    #expect(details == ["entered alpha", "p-0042 appointed as service-manager", "entered beta"])
  }
}
