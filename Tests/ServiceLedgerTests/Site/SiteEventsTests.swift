import Foundation
import Testing

@testable import ServiceLedger

/// The site of the shipped ledger, `events/`, as `make site` builds it.
@Suite("Site: the shipped ledger")
struct SiteEventsTests {
  static let asOf = "2017-09-30"

  /// The site of `events/` as of `asOf`, with the ledger's files, built from a fresh read.
  static func build(knownAt: Timestamp? = nil) throws -> [SitePage] {
    let folder = LedgerFolder(path: packageRoot + "/events")
    let ledger = try folder.read()
    var files: [String: [UInt8]] = [:]
    for name in try folder.fileNames() { files[name] = try folder.bytes(of: name) }
    return try Site(ledger, asOf: date(asOf), knownAt: knownAt, files: files).pages()
  }

  static let pages: [SitePage] = (try? build()) ?? []

  @Test("every page parses, every internal link and anchor resolves, nothing is outside")
  func linksResolve() throws {
    let pages = Self.pages
    try #require(pages.count > 50)
    let check = SiteCheck(pages)
    #expect(check.problems.isEmpty, "\(check.problems.prefix(10))")
    #expect(check.parsed.count == pages.filter(\.isHTML).count)
    // Each page kind is there.
    let paths = Set(pages.map(\.path))
    for path in [
      "index.html", "services.html", "organisations.html", "plans.html", "reports.html",
      "downloads.html", "plans/moj-2012.html", "organisations/hmcts.html",
      "reports/2015-Q1.html", "downloads/priorities.csv", "downloads/channel-shift.json",
      "downloads/ledger/hmcts.jsonl",
    ] {
      #expect(paths.contains(path), "\(path)")
    }
  }

  @Test("building twice gives the same bytes, and so does the footer's command later")
  func deterministic() throws {
    let again = try Self.build()
    #expect(again == Self.pages)
    let home = try #require(Self.pages.first { $0.path == "index.html" })
    let text = String(decoding: home.bytes, as: UTF8.self)
    let marker = "ledger site --as-of \(Self.asOf) --known-at "
    let start = try #require(text.range(of: marker))
    let knownAt = try #require(Timestamp(String(text[start.upperBound...].prefix { $0 != "<" })))
    #expect(try Self.build(knownAt: knownAt) == Self.pages)
    // A second earlier, the site is another one.
    let earlier = Timestamp(seconds: knownAt.seconds - 1, nanoseconds: knownAt.nanoseconds)
    #expect(try Self.build(knownAt: earlier) != Self.pages)
  }

  @Test("every service has a page whose figures are those of priorities and channel-shift")
  func figuresMatchTheViews() throws {
    let check = SiteCheck(Self.pages)
    let priorities = try Self.view("priorities")
    let shift = try Self.view("channel-shift")
    let services = try #require(Self.array(priorities, "services"))
    #expect(services.count == 26)
    let services2 = try #require(Self.array(shift, "services"))
    var checked = 0
    for (json, keys) in [
      (services, [("annualVolume", "annual-volume"), ("digitalTakeUp", "digital-take-up")]),
      (
        services2,
        [
          ("latestTakeUp", "latest-take-up"), ("changeFromPrevious", "change-from-previous"),
          ("changeSinceFirst", "change-since-first"), ("cost", "cost"), ("saving", "saving"),
          ("quarterTakeUp", "quarter-take-up"), ("quarterChange", "quarter-change"),
          ("stale", "stale"), ("costStale", "cost-stale"),
        ]
      ),
    ] {
      for row in json {
        guard case .string(let id) = Self.member(row, "service") else {
          Issue.record("a row without a service")
          continue
        }
        let path = "services/\(id).html"
        try #require(check.parsed[path] != nil, "no page for \(id)")
        for (key, figure) in keys {
          let expected = Self.member(row, key) ?? .null
          let shown = check.value(ofID: figure, on: path)
          // A flag is shown only when it is set.
          if expected == .null || expected == .bool(false) {
            #expect(shown == nil, "\(id) \(key): shown \(shown ?? "")")
          } else {
            #expect(shown == expected.serialized(), "\(id) \(key)")
            checked += 1
          }
        }
      }
    }
    #expect(checked > 80)
  }

  @Test("each archived report is `ledger report --known-at` byte for byte, plus the site's links")
  func reportsReproduce() throws {
    let page = try #require(Self.pages.first { $0.path == "reports/2015-Q1.html" })
    let text = String(decoding: page.bytes, as: UTF8.self)
    let marker = "ledger report --quarter 2015-Q1 --known-at "
    let start = try #require(text.range(of: marker))
    let knownAt = String(text[start.upperBound...].prefix { $0 != " " })
    let run = CLI.run([
      "report", "--ledger", packageRoot + "/events", "--quarter", "2015-Q1", "--known-at",
      knownAt, "--format", "html",
    ])
    #expect(run.exitCode == 0)
    // The site's commands leave out --ledger, as its own rebuild command does.
    let report = run.stdout.replacingOccurrences(
      of: "ledger report --ledger \(packageRoot)/events ", with: "ledger report ")
    var stripped = text
    let nav = try #require(stripped.range(of: "<nav aria-label=\"Site\" class=\"meta\""))
    let end = try #require(stripped[nav.lowerBound...].range(of: "</nav>\n"))
    stripped.removeSubrange(nav.lowerBound..<end.upperBound)
    #expect(stripped == report)
  }

  @Test("the services table lists every service once, sortable, with scope and captions")
  func servicesTable() throws {
    let page = try #require(Self.pages.first { $0.path == "services.html" })
    let check = try #require(SiteCheck([page]).parsed["services.html"])
    #expect(check.count("tr") == 27)
    #expect(check.count("caption") == 1 && check.count("script") == 1)
    let scopes = check.attributes.filter { $0.name == "scope" }
    #expect(scopes.filter { $0.value == "col" }.count == 8)
    #expect(scopes.filter { $0.value == "row" }.count == 26)
  }

  @Test("without the script the table is complete, in the order of `ledger priorities`")
  func servicesInPriorityOrder() throws {
    let page = try #require(Self.pages.first { $0.path == "services.html" })
    let text = String(decoding: page.bytes, as: UTF8.self)
    let body = try #require(text.range(of: "<tbody>"))
    let linked = text[body.upperBound...].components(
      separatedBy: "<th scope=\"row\"><a href=\"services/"
    )
    .dropFirst().map { String($0.prefix { $0 != "." }) }
    let services = try #require(Self.array(try Self.view("priorities"), "services"))
    let order = services.compactMap { row -> String? in
      guard case .string(let id) = Self.member(row, "service") else { return nil }
      return id
    }
    #expect(linked == order)
    // The filters are hidden until the script shows them; the script fits in its CDATA.
    #expect(text.contains("<form id=\"filters\" class=\"filters\" hidden=\"hidden\">"))
    #expect(!SiteScript.js.contains("]]>") && !SiteScript.js.contains("</"))
  }

  @Test("a figure nobody gave never reads 'none', and a stale take-up window is marked")
  func missingFigures() throws {
    let page = try #require(Self.pages.first { $0.path == "services/moj-money-claims.html" })
    let text = String(decoding: page.bytes, as: UTF8.self)
    // Money claims: no phase recorded, no 12-month digital figure (so no take-up or cost), no
    // channel but the total reported since 2014-09-30, its latest quarter 3 years old.
    #expect(text.contains("<dt>Phase</dt><dd><span class=\"none\">not recorded</span></dd>"))
    #expect(
      text.contains(
        "<dt>Estimated cost a year</dt><dd><span class=\"none\">not known</span></dd>"))
    #expect(text.contains("12.9%</data> (quarter to 2014-09-30, stale)"))
    #expect(text.contains("12.9%</data> (quarterly to 2014-09-30, stale)"))
    #expect(text.contains("data-label=\"Digital\"><span class=\"none\">not reported</span>"))
    #expect(!text.contains("data-label=\"Digital\"><span class=\"none\">none</span>"))
    #expect(!text.contains("</span> recorded"))
    // The services table: money claims has no 12-month or quarterly trend to show.
    let table = try #require(Self.pages.first { $0.path == "services.html" })
    let cells = String(decoding: table.bytes, as: UTF8.self)
    #expect(cells.contains("data-label=\"Phase\"><span class=\"none\">not recorded</span>"))
    #expect(cells.contains("<span class=\"none\">not known</span>"))
    #expect(!cells.contains("<span class=\"none\">none</span></td><td data-label=\"Trend\""))
    #expect(!cells.contains("data-label=\"Phase\"><span class=\"none\">none</span>"))
    // Its latest take-up, three years old beside this year's volume, says so.
    #expect(cells.contains("12.9%</data> <span class=\"note\">to 2014-09-30, stale</span>"))
  }

  @Test("the index of reports gives each take-up with the number of services it is over")
  func reportsIndexTakeUp() throws {
    let page = try #require(Self.pages.first { $0.path == "reports.html" })
    let text = String(decoding: page.bytes, as: UTF8.self)
    // 2015-Q2 to 2015-Q3: 38.0% to 21.2%, as two services left the figure.
    #expect(text.contains("38.0% <span class=\"note\">over 7 services</span>"))
    #expect(text.contains("21.2% <span class=\"note\">over 5 services</span>"))
  }

  /// Runs a view on `events/` as of `asOf` and parses its JSON.
  static func view(_ name: String) throws -> JSONValue {
    let run = CLI.run([
      name, "--ledger", packageRoot + "/events", "--as-of", asOf, "--format", "json",
    ])
    try #require(run.exitCode == 0, "\(run.stderr)")
    return try JSONParser.parse(run.stdout)
  }

  static func member(_ value: JSONValue, _ key: String) -> JSONValue? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
  }

  static func array(_ value: JSONValue, _ key: String) -> [JSONValue]? {
    guard case .array(let items) = member(value, key) else { return nil }
    return items
  }
}
