import Foundation
import Testing

@testable import ServiceLedger

@Suite("Channel shift: take-up series, costs by channel, saving")
struct ChannelShiftTests {
  static func annual(_ reports: [VolumeReported]) -> AnnualVolume { AnnualVolume(reports) }

  static func report(
    _ from: String, _ to: String, total: Int, digital: Int?, assisted: Int? = nil,
    phone: Int? = nil, post: Int? = nil, faceToFace: Int? = nil, other: Int? = nil
  ) -> VolumeReported {
    VolumeReported(
      service: service("s"), from: date(from), to: date(to), total: total, digital: digital,
      assisted: assisted, phone: phone, post: post, faceToFace: faceToFace, other: other)
  }

  static func estimate(_ report: VolumeReported, target: Double = 0.82) -> CostEstimate? {
    CostEstimate(AnnualVolume([report]), unitCosts: .benchmark, target: target)
  }

  @Test("only total and digital known: the rest is split 80% phone, 20% face to face")
  func costSplit() throws {
    let estimate = try #require(
      Self.estimate(Self.report("2013-04-01", "2014-03-31", total: 1000, digital: 200)))
    #expect(estimate.volumes == [200, 0, 640, 0, 160, 0])
    // 200 × £0.15 + 640 × £2.83 + 160 × £8.62
    #expect(abs(estimate.cost - 3220.4) < 1e-9)
    // 62% of 1000 moved from £3.988 a transaction (3190.4 ÷ 800) to £0.15
    #expect(abs(estimate.saving - 620 * (3190.4 / 800 - 0.15)) < 1e-9)
  }

  @Test("channels given are costed as given; only what is not reported is split")
  func channelsGiven() throws {
    let all = try #require(
      Self.estimate(
        Self.report(
          "2013-04-01", "2014-03-31", total: 100, digital: 50, assisted: 10, phone: 20, post: 10,
          faceToFace: 5, other: 5)))
    #expect(abs(all.cost - (7.5 + 33.9 + 56.6 + 121 + 43.1 + 14.15)) < 1e-9)
    let some = try #require(
      Self.estimate(Self.report("2013-04-01", "2014-03-31", total: 100, digital: 50, post: 30)))
    #expect(some.volumes == [50, 0, 16, 30, 4, 0])
  }

  @Test("assisted digital is not digital: it lowers take-up and is costed as assisted")
  func assistedIsNotDigital() throws {
    let report = Self.report("2013-04-01", "2014-03-31", total: 100, digital: 30, assisted: 20)
    let estimate = try #require(Self.estimate(report))
    #expect(estimate.takeUp == 0.3)
    #expect(estimate.volumes[1] == 20)
    var entries = [VolumeHistory.Entry]()
    var history = VolumeHistory()
    var factory = EventFactory()
    history.apply(factory.make(.volumeReported(report)))
    entries = history.reports[service("s")] ?? []
    #expect(TakeUpSeries(entries).latest?.takeUp == 0.3)
  }

  @Test("no saving at or above the target, none without a digital figure")
  func savingBounds() throws {
    let high = try #require(
      Self.estimate(Self.report("2013-04-01", "2014-03-31", total: 1000, digital: 900)))
    #expect(high.saving == 0)
    #expect(
      Self.estimate(Self.report("2013-04-01", "2014-03-31", total: 1000, digital: 820))?.saving == 0
    )
    #expect(
      Self.estimate(Self.report("2013-04-01", "2014-03-31", total: 1000, digital: nil)) == nil)
    let full = Self.estimate(
      Self.report("2013-04-01", "2014-03-31", total: 10, digital: 1), target: 1)
    #expect(abs((full?.saving ?? 0) - 9 * (0.8 * 2.83 + 0.2 * 8.62 - 0.15)) < 1e-9)
  }

  @Test("an annualised volume scales the channels to a year")
  func annualised() throws {
    let estimate = try #require(
      Self.estimate(Self.report("2014-01-01", "2014-03-31", total: 90, digital: 45)))
    #expect(estimate.volumes[0] == 182.5)
    #expect(abs(estimate.volumes.reduce(0, +) - 365) < 1e-9)
  }

  @Test("the latest costs.set in force replaces the channels it gives")
  func costsSet() {
    var ledger = FixtureLedger()
    ledger.add(.costsSet(CostsSet(on: date("2014-01-01"), source: "new", digital: 0.2)))
    ledger.add(.costsSet(CostsSet(on: date("2013-01-01"), source: "old", digital: 0.5, phone: 3)))
    #expect(UnitCosts(ledger.timeline("2012-12-31")) == .benchmark)
    let old = UnitCosts(ledger.timeline("2013-06-30"))
    #expect(old.digital == 0.5)
    #expect(old.phone == 3)
    #expect(old.source == "old")
    let new = UnitCosts(ledger.timeline("2014-06-30"))
    #expect(new.digital == 0.2)
    #expect(new.phone == 2.83)
    #expect(new.on == date("2014-01-01"))
  }

  @Test("the series uses quarterly reports when there are any, else 12-month ones")
  func series() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.year("s", ending: 2013, total: 1000, digital: 50)
    ledger.year("s", ending: 2014, total: 1000, digital: 100)
    #expect(
      TakeUpSeries(ledger.volumes("2014-03-31").reports[service("s")] ?? []).span == .twelveMonth)
    // A quarter without a digital figure does not make a series.
    ledger.report("s", "2014-01-01", "2014-03-31", total: 100)
    let yearly = TakeUpSeries(ledger.volumes("2014-03-31").reports[service("s")] ?? [])
    #expect(yearly.span == .twelveMonth)
    #expect(yearly.points.map(\.takeUp) == [0.05, 0.1])
    ledger.report("s", "2014-04-01", "2014-06-30", total: 100, digital: 10)
    ledger.report("s", "2014-07-01", "2014-09-30", total: 100, digital: 15)
    ledger.report("s", "2014-10-01", "2014-12-31", total: 100, digital: 20)
    ledger.report("s", "2014-10-01", "2014-12-31", total: 100, digital: 30)
    let quarterly = TakeUpSeries(ledger.volumes("2015-03-31").reports[service("s")] ?? [])
    #expect(quarterly.span == .quarterly)
    #expect(quarterly.points.map(\.takeUp) == [0.1, 0.15, 0.3])
    #expect(quarterly.points.last?.restatements == 1)
    #expect(abs((quarterly.changeFromPrevious ?? 0) - 0.15) < 1e-12)
    #expect(abs((quarterly.changeSinceFirst ?? 0) - 0.2) < 1e-12)
    // At a date inside the last quarter it is not yet reported.
    let earlier = TakeUpSeries(ledger.volumes("2014-12-30").reports[service("s")] ?? [])
    #expect(earlier.points.count == 2)
  }

  @Test("quarters are three whole calendar months, across a year end too")
  func quarters() {
    #expect(TakeUpSeries.isQuarter(Self.report("2014-11-01", "2015-01-31", total: 1, digital: 1)))
    #expect(TakeUpSeries.isQuarter(Self.report("2015-12-01", "2016-02-29", total: 1, digital: 1)))
    #expect(!TakeUpSeries.isQuarter(Self.report("2014-01-01", "2014-03-30", total: 1, digital: 1)))
    #expect(!TakeUpSeries.isQuarter(Self.report("2014-01-15", "2014-04-14", total: 1, digital: 1)))
  }

  @Test("the portfolio take-up is weighted by volume over services with a digital figure")
  func portfolio() {
    var ledger = FixtureLedger()
    for id in ["a", "b", "c", "d"] { ledger.register(id) }
    ledger.year("a", ending: 2014, total: 1000, digital: 500)
    ledger.year("b", ending: 2014, total: 3000, digital: 0)
    ledger.year("c", ending: 2014, total: 9000)
    let timeline = ledger.timeline("2014-03-31")
    let shift = ChannelShift(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline),
      unitCosts: .benchmark)
    #expect(shift.rows.map(\.service.id.rawValue) == ["c", "b", "a", "d"])
    #expect(shift.estimated.count == 2)
    #expect(shift.portfolioVolume == 4000)
    #expect(shift.portfolioTakeUp == 0.125)
    let output = ChannelShiftView.output(shift)
    #expect(output.table.rows.count == 3)
    #expect(output.notes.contains("1 services have no volume report as of 2014-03-31."))
  }

  @Test("real: prison visit bookings at 2015-03-31, costed at their recorded £3.80 and £3.20")
  func prisonVisits() throws {
    let timeline = try shippedTimeline("2015-03-31")
    let shift = ChannelShift(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline),
      unitCosts: UnitCosts(timeline))
    let row = try #require(
      shift.rows.first { $0.service.id == service("moj-prison-visit-booking") })
    #expect(row.series.span == .quarterly)
    // Jan–Mar 2015: 93,374 of 257,176 digital; Oct–Dec 2014: 84,617 of 259,285.
    #expect(Format.percent(row.series.latest?.takeUp ?? 0) == "36.3%")
    #expect(Format.points(row.series.changeFromPrevious ?? 0) == "+3.7 pp")
    let estimate = try #require(row.estimate)
    // Recorded for the 12 months to 2014-09-30: £3.80 a transaction, £3.20 digital.
    #expect(estimate.basis.kind == .recorded)
    #expect(estimate.basis.recorded?.to == date("2014-09-30"))
    #expect(estimate.units[0] == 3.2)
    // 1,183,878 × £3.80 in all; the 932,890 non-digital cost (4,498,736.4 − 250,988 × £3.20)
    // ÷ 932,890 = £3.9585 each, so each one moved to digital saves £0.7585.
    #expect(Format.pounds(estimate.cost) == "£4,498,736")
    let perMove = (1_183_878 * 3.8 - 250_988 * 3.2) / 932_890 - 3.2
    #expect(abs(estimate.saving - (0.82 - 250_988.0 / 1_183_878) * 1_183_878 * perMove) < 1e-6)
    #expect(Format.pounds(estimate.saving) == "£548,068")
    // Its volume is current; its recorded cost, six months old at the date, is stale.
    #expect(!row.isVolumeStale)
    #expect(row.isCostStale)
  }
}
