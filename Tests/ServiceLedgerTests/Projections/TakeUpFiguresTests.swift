import Foundation
import Testing

@testable import ServiceLedger

@Suite("Take-up figures: 12-month and latest-quarter, each with its window")
struct TakeUpFiguresTests {
  static func figures(_ ledger: FixtureLedger, _ asOf: String) -> TakeUpFigures {
    let volumes = ledger.volumes(asOf)
    return TakeUpFigures(
      annual: volumes.annualVolume(of: service("s")), reports: volumes.reports[service("s")] ?? [])
  }

  @Test("12-month take-up is the annual volume's; latest-quarter take-up the latest quarter's")
  func twoFigures() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.year("s", ending: 2015, total: 1000, digital: 200)
    ledger.report("s", "2014-10-01", "2014-12-31", total: 250, digital: 50)
    ledger.report("s", "2015-01-01", "2015-03-31", total: 250, digital: 100)
    let figures = Self.figures(ledger, "2015-03-31")
    #expect(figures.twelveMonth == 0.2)
    #expect(figures.annualFrom == date("2014-04-01") && figures.annualTo == date("2015-03-31"))
    #expect(figures.latestQuarter?.takeUp == 0.4)
    #expect(figures.previousQuarter?.takeUp == 0.2)
    #expect(abs((figures.quarterChange ?? 0) - 0.2) < 1e-12)
  }

  @Test("quarterly digital figures without a 12-month one: latest-quarter take-up only")
  func quarterOnly() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.year("s", ending: 2015, total: 1000)
    ledger.report("s", "2014-10-01", "2014-12-31", total: 250, digital: 50)
    // A later quarter without a digital figure leaves the latest-quarter figure as it was.
    ledger.report("s", "2015-01-01", "2015-03-31", total: 250)
    let figures = Self.figures(ledger, "2015-03-31")
    #expect(figures.twelveMonth == nil)
    #expect(figures.latestQuarter?.to == date("2014-12-31"))
    #expect(figures.quarterChange == nil)
  }

  @Test("a 12-month series is never latest-quarter take-up")
  func yearsOnly() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.year("s", ending: 2014, total: 1000, digital: 100)
    ledger.year("s", ending: 2015, total: 1000, digital: 300)
    let figures = Self.figures(ledger, "2015-03-31")
    #expect(figures.twelveMonth == 0.3)
    #expect(figures.latestQuarter == nil)
  }

  @Test("windows in words")
  func windows() {
    #expect(
      TakeUpFigures.window(from: date("2014-04-01"), to: date("2015-03-31"))
        == "12 months to 2015-03-31")
    #expect(
      TakeUpFigures.window(from: date("2015-01-01"), to: date("2015-03-31"))
        == "quarter to 2015-03-31")
    #expect(
      TakeUpFigures.window(from: date("2014-06-01"), to: date("2015-03-31"))
        == "2014-06-01 to 2015-03-31")
  }

  @Test("a service with more than half the digital transactions is named, with take-up without it")
  func dominant() {
    var ledger = FixtureLedger()
    for id in ["big", "small", "paper"] { ledger.register(id) }
    ledger.year("big", ending: 2015, total: 1000, digital: 900)
    ledger.year("small", ending: 2015, total: 3000, digital: 300)
    ledger.year("paper", ending: 2015, total: 5000)
    let timeline = ledger.timeline("2015-03-31")
    let shift = ChannelShift(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline),
      unitCosts: .benchmark)
    #expect(shift.portfolioDigital == 1200)
    #expect(shift.portfolioTakeUp == 0.3)
    let dominant = shift.dominant
    #expect(dominant?.row.service.id == service("big"))
    #expect(dominant?.share == 0.75)
    #expect(dominant?.takeUpWithout == 0.1)
    #expect(dominant?.volumeWithout == 3000)
    // At half or less, none is named.
    ledger.year("small", ending: 2015, total: 3000, digital: 900)
    let even = ledger.timeline("2015-03-31")
    #expect(
      ChannelShift(
        asOf: even.asOf, catalogue: Catalogue(even), volumes: VolumeHistory(even),
        unitCosts: .benchmark
      ).dominant == nil)
  }
}
