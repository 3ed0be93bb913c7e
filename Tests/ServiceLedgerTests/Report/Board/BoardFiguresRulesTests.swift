import Testing

@testable import ServiceLedger

/// Given events, how the 2015-Q1 report names, compares and qualifies its figures.
@Suite("Board report: named figures, scope and stale figures from events")
struct BoardFiguresRulesTests {
  /// Service `q` with quarterly digital figures and a 12-month total without one; `y` with
  /// 12-month figures only, its latest ending 2014-09-30 (stale at 2015-03-31).
  static func fixture() -> BoardFixture {
    var f = BoardFixture()
    f.register("q", name: "Quarterly")
    f.register("y", name: "Yearly")
    f.add(
      .volumeReported(
        VolumeReported(
          service: service("q"), from: date("2014-04-01"), to: date("2015-03-31"), total: 4000)))
    f.quarter("q", "2014-10-01", "2014-12-31", total: 1000, digital: 100)
    f.quarter("q", "2015-01-01", "2015-03-31", total: 1000, digital: 300)
    f.quarter("y", "2012-10-01", "2013-09-30", total: 1000, digital: 100)
    f.quarter("y", "2013-10-01", "2014-09-30", total: 1000, digital: 200)
    return f
  }

  @Test("data quality says a service has quarterly digital figures but no 12-month one")
  func quarterOnly() {
    let report = Self.fixture().report()
    #expect(report.quality.digitalElsewhere.map(\.service.id) == [service("q")])
    #expect(
      report.qualityItems.contains(
        "Of these, 1 has a digital figure for another period (their latest, as take-up): "
          + "Quarterly 30.0% for the quarter to 2015-03-31."))
    // The tables say the same: no 12-month take-up, a latest-quarter one.
    let figures = report.takeUp(of: service("q"))
    #expect(figures.twelveMonth == nil && figures.latestQuarter?.takeUp == 0.3)
    // It is in assisted-digital scope on its quarterly figures.
    #expect(report.current.coverage.rows.map(\.service.id).contains(service("q")))
  }

  @Test("a change names its figure and window, and never sets a quarter against 12 months")
  func movements() {
    var f = Self.fixture()
    // `y`'s first quarterly figure: its latest is now a quarter, its previous a 12-month one.
    f.quarter("y", "2015-01-01", "2015-03-31", total: 250, digital: 100)
    let report = f.report()
    let moves = Dictionary(
      uniqueKeysWithValues: report.changes.takeUpMovements.map { ($0.service.id, $0) })
    #expect(moves[service("y")]?.span == .quarterly)
    #expect(moves[service("y")]?.previous == nil)
    let items = report.changeSections.first { $0.title == "Take-up" }?.items ?? []
    #expect(
      items.contains("Yearly, latest-quarter take-up: first figure, 40.0% (quarter to 2015-03-31)"))
    #expect(
      items.contains(
        "Quarterly, latest-quarter take-up: 10.0% (quarter to 2014-12-31) → 30.0% (quarter to "
          + "2015-03-31), +20.0 pp"))
  }

  @Test("a stale figure is marked in the tables and counted in the headline")
  func stale() {
    let report = Self.fixture().report()
    #expect(report.headlines.staleTransactions == 1000)
    #expect(report.headlines.takeUpTransactions == 1000)
    #expect(report.headlines.staleCost == report.headlines.cost)
    #expect(
      report.summary.contains(
        "1,000 of those transactions a year (100.0%) rest on stale figures, 6 months or more "
          + "old at 2015-03-31: Yearly (to 2014-09-30)."))
    let row = report.costTable.rows.first
    #expect(row?[2].text == "2014-09-30 (stale)")
  }

  @Test("a share that is nearly all, or nearly none, never reads 100.0% or 0.0%")
  func nearlyAll() {
    var f = Self.fixture()
    // A current service of 10 transactions beside `y`'s 1,000,000 stale ones.
    f.register("c", name: "Current")
    f.quarter("y", "2013-10-01", "2014-09-30", total: 1_000_000, digital: 200_000)
    f.quarter("c", "2014-04-01", "2015-03-31", total: 10, digital: 1)
    let report = f.report()
    #expect(report.headlines.staleCost < report.headlines.cost)
    #expect(
      report.summary.contains(
        "1,000,000 of those transactions a year (over 99.9%) rest on stale figures, 6 months "
          + "or more old at 2015-03-31: Yearly (to 2014-09-30)."))
    #expect(report.summary.contains { $0.contains(" of that cost (over 99.9%) and ") })
    #expect(!report.summary.contains { $0.contains("100.0%") })
    #expect(BoardReport.share(1, of: 10_000) == "under 0.1%")
    #expect(BoardReport.share(0, of: 10_000) == "0.0%")
    #expect(BoardReport.share(10_000, of: 10_000) == "100.0%")
  }

  @Test("a take-up change over other services says which services came and went")
  func otherServices() throws {
    var f = BoardFixture()
    f.register("a", name: "Stays")
    f.register("b", name: "Leaves")
    f.quarter("a", "2014-01-01", "2014-12-31", total: 1000, digital: 100)
    f.quarter("a", "2014-04-01", "2015-03-31", total: 1000, digital: 200)
    f.quarter("b", "2014-01-01", "2014-12-31", total: 1000, digital: 900)
    // `b`'s latest 12 months give no digital count: it leaves 12-month take-up.
    f.add(
      .volumeReported(
        VolumeReported(
          service: service("b"), from: date("2014-04-01"), to: date("2015-03-31"), total: 1000)))
    let report = f.report()
    #expect(report.previousHeadlines.takeUp == 0.5 && report.headlines.takeUp == 0.2)
    #expect(
      report.summary.contains(
        "12-month take-up is 20.0%: 200 of the 1,000 transactions a year of the 1 service with "
          + "a 12-month digital figure were digital, -30.0 pp since 2014-Q4, but over other "
          + "services: 1 had a 12-month digital figure then and not now (Leaves)."))
    #expect(
      report.summary.contains(
        "That service handles 50.0% of the 2,000 transactions a year of all 2 services with "
          + "volumes; the other has no 12-month digital figure and is left out of take-up, cost "
          + "and saving."))
    #expect(report.html.contains("-30.0 pp since 2014-Q4, over other services (2 then, 1 now)"))
    // Over the same services, the change stands alone.
    var same = BoardFixture()
    same.register("a", name: "Stays")
    same.quarter("a", "2014-01-01", "2014-12-31", total: 1000, digital: 100)
    same.quarter("a", "2014-04-01", "2015-03-31", total: 1000, digital: 200)
    let report2 = same.report()
    #expect(report2.takeUpServicesMoved == nil)
    // A service that gains a 12-month digital figure: "has one now".
    var gains = same
    gains.register("c", name: "Joins")
    gains.quarter("c", "2014-04-01", "2015-03-31", total: 1000, digital: 500)
    #expect(
      gains.report().summary.first?.hasSuffix(
        "but over other services: 1 had none then and has one now (Joins).") == true)
    #expect(report2.summary.first?.hasSuffix("+10.0 pp since 2014-Q4.") == true)
  }
}
