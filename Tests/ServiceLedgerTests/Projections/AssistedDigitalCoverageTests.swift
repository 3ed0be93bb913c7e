import Foundation
import Testing

@testable import ServiceLedger

@Suite("Assisted-digital coverage")
struct AssistedDigitalCoverageTests {
  static func coverage(_ ledger: FixtureLedger, _ asOf: String) -> AssistedDigitalCoverage {
    let timeline = ledger.timeline(asOf)
    return AssistedDigitalCoverage(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
  }

  static func provide(_ ledger: inout FixtureLedger, _ id: String, on: String) {
    ledger.add(
      .assistedDigitalProvided(
        AssistedDigitalProvided(
          service: service(id), on: date(on), routes: [.phone, .faceToFace], provider: "Partner")))
  }

  @Test(
    "in scope: digital transactions in the annual basis, or beta or live; covered when provided")
  func scopeAndCoverage() {
    var ledger = FixtureLedger()
    for id in ["digital", "paper", "beta", "alpha", "none"] { ledger.register(id) }
    ledger.year("digital", ending: 2014, total: 300_000, digital: 3)
    ledger.year("paper", ending: 2014, total: 500_000, digital: 0)
    ledger.year("beta", ending: 2014, total: 100_000)
    ledger.phase("beta", .beta, on: "2014-01-01")
    ledger.phase("alpha", .alpha, on: "2014-01-01")
    Self.provide(&ledger, "beta", on: "2014-02-01")
    let coverage = Self.coverage(ledger, "2014-03-31")
    #expect(coverage.rows.map(\.service.id.rawValue) == ["digital", "beta"])
    #expect(coverage.uncovered.map(\.service.id.rawValue) == ["digital"])
    #expect(coverage.coverageByCount == 0.5)
    #expect(coverage.coverageByVolume == 0.25)
    #expect(coverage.rows.map(\.expectedNeed) == [54_000, 18_000])
    // Before the provision, neither is covered.
    #expect(Self.coverage(ledger, "2014-01-31").coverageByCount == 0)
  }

  @Test("in scope on digital figures of any period in the latest 12 months of a service's figures")
  func scopeOverAnyPeriod() {
    var ledger = FixtureLedger()
    for id in ["quarter", "old", "zero"] { ledger.register(id) }
    // A 12-month figure without digital, and a quarter inside it with digital transactions.
    ledger.year("quarter", ending: 2015, total: 1000)
    ledger.report("quarter", "2014-10-01", "2014-12-31", total: 250, digital: 25)
    // Digital transactions only in a year that ended before the 12 months to its latest report.
    ledger.year("old", ending: 2013, total: 1000, digital: 100)
    ledger.year("old", ending: 2015, total: 1000)
    // Digital figures of 0.
    ledger.year("zero", ending: 2015, total: 1000, digital: 0)
    ledger.report("zero", "2015-01-01", "2015-03-31", total: 250, digital: 0)
    let coverage = Self.coverage(ledger, "2015-03-31")
    #expect(coverage.rows.map(\.service.id.rawValue) == ["quarter"])
    #expect(coverage.rows.first?.digitalTo == date("2014-12-31"))
    // In scope, though 12-month take-up (and so cost and saving) leaves it out.
    #expect(coverage.rows.first?.annual.digitalTakeUp == nil)
  }

  @Test("a withdrawn provision no longer covers; a service in live stays in scope without data")
  func withdrawn() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.phase("s", .live, on: "2014-01-01")
    Self.provide(&ledger, "s", on: "2014-01-01")
    ledger.add(
      .assistedDigitalWithdrawn(
        AssistedDigitalWithdrawn(service: service("s"), on: date("2015-01-01"))))
    #expect(Self.coverage(ledger, "2014-12-31").uncovered.isEmpty)
    let after = Self.coverage(ledger, "2015-01-01")
    #expect(after.uncovered.map(\.service.id.rawValue) == ["s"])
    #expect(after.coverageByVolume == nil)
    #expect(after.rows.first?.expectedNeed == nil)
  }

  @Test("expected need is 18% of the annual volume, rounded half up, against reported assisted")
  func need() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.report("s", "2013-04-01", "2014-03-31", total: 25, digital: 5, assisted: 2)
    ledger.register("q")
    // A 90-day quarter annualised (× 365 ÷ 90); assisted is scaled the same way.
    ledger.report("q", "2014-01-01", "2014-03-31", total: 900, digital: 90, assisted: 45)
    let rows = Self.coverage(ledger, "2014-03-31").rows
    let s = rows.first { $0.service.id == service("s") }
    #expect(s?.expectedNeed == 5)  // 4.5 rounds up
    #expect(s?.reportedAssisted == 2)
    let q = rows.first { $0.service.id == service("q") }
    #expect(q?.annual.volume == 3650)
    #expect(q?.reportedAssisted == 183)  // 45 × 3650 ÷ 900 = 182.5
    #expect(q?.expectedNeed == 657)
  }

  @Test("real: at 2015-03-31 ten services reported digital transactions in their latest year")
  func shipped() throws {
    let timeline = try shippedTimeline("2015-03-31")
    let coverage = AssistedDigitalCoverage(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
    // The five with a 12-month digital figure over 0, and five with digital figures for a
    // quarter or an earlier 12 months in their latest year: every exemplar service among them.
    #expect(coverage.rows.count == 10)
    let claims = coverage.rows.first { $0.service.id == service("moj-money-claims") }
    #expect(claims?.annual.digitalTakeUp == nil)
    #expect(claims?.digitalTo == date("2014-09-30"))
    let tribunal = coverage.rows.first {
      $0.service.id == service("moj-employment-tribunal-claims")
    }
    #expect(tribunal?.digitalTo == date("2015-03-31"))
    #expect(coverage.coverageByCount == 0)
    let visits = coverage.rows.first { $0.service.id == service("moj-prison-visit-booking") }
    // 18% of 1,183,878 = 213,098.04
    #expect(visits?.expectedNeed == 213_098)
    #expect(visits?.reportedAssisted == nil)
  }
}
