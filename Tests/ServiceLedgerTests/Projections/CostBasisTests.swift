import Foundation
import Testing

@testable import ServiceLedger

@Suite("Cost basis: a service's recorded cost per transaction before the benchmark")
struct CostBasisTests {
  /// A ledger with service `s`: 1,000 transactions in the year to 2015-03-31, 200 digital (the
  /// other 800 split 640 phone, 160 face to face).
  static func ledger() -> FixtureLedger {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.year("s", ending: 2015, total: 1000, digital: 200)
    return ledger
  }

  static func kpi(
    _ from: String, _ to: String, all: Double? = nil, digital: Double? = nil,
    satisfaction: Double? = nil
  ) -> Event {
    .kpiReported(
      KPIReported(
        service: service("s"), from: date(from), to: date(to), costPerTransaction: all,
        digitalCostPerTransaction: digital, userSatisfaction: satisfaction, source: "KPI"))
  }

  static func row(_ ledger: FixtureLedger, _ asOf: String = "2015-03-31") throws
    -> ChannelShift.Row
  {
    let timeline = ledger.timeline(asOf)
    let shift = ChannelShift(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline),
      unitCosts: UnitCosts(timeline))
    return try #require(shift.rows.first { $0.service.id == service("s") })
  }

  @Test("no recorded cost: the benchmark, named as such")
  func benchmark() throws {
    let estimate = try #require(try Self.row(Self.ledger()).estimate)
    #expect(estimate.basis.kind == .benchmark)
    #expect(estimate.units == UnitCosts.benchmark.channels)
    #expect(estimate.basis.label(asOf: date("2015-03-31")) == "benchmark")
    #expect(abs(estimate.cost - 3220.4) < 1e-9)
  }

  @Test("an all-channel cost sets the cost; the channels keep the benchmark's differences")
  func allChannels() throws {
    var ledger = Self.ledger()
    ledger.add(Self.kpi("2014-04-01", "2015-03-31", all: 110))
    let estimate = try #require(try Self.row(ledger).estimate)
    #expect(estimate.basis.kind == .recorded)
    #expect(abs(estimate.cost - 110_000) < 1e-6)
    // Every channel costs the benchmark plus the same amount: (110,000 − 3,220.4) ÷ 1,000.
    let offset = (110_000 - 3220.4) / 1000
    #expect(abs(estimate.units[0] - (0.15 + offset)) < 1e-9)
    #expect(abs(estimate.units[2] - (2.83 + offset)) < 1e-9)
    // So moving a transaction to digital saves what the benchmark says it saves.
    #expect(abs(estimate.saving - 620 * (3190.4 / 800 - 0.15)) < 1e-6)
    #expect(
      estimate.basis.label(asOf: date("2015-03-31"))
        == "recorded £110.00 a transaction (12 months to 2015-03-31)")
  }

  @Test("a digital cost is the digital unit cost; with an all-channel one the rest is derived")
  func digitalAndAll() throws {
    var ledger = Self.ledger()
    ledger.add(Self.kpi("2014-04-01", "2015-03-31", digital: 1))
    let digitalOnly = try #require(try Self.row(ledger).estimate)
    #expect(digitalOnly.units == [1, 3.39, 2.83, 12.10, 8.62, 2.83])
    ledger.add(Self.kpi("2014-04-01", "2015-03-31", all: 4, digital: 1))
    let both = try #require(try Self.row(ledger).estimate)
    #expect(abs(both.cost - 4000) < 1e-9)
    #expect(both.units[0] == 1)
    // 3,800 over 800 non-digital transactions: £4.75 each, £3.75 saved by each moved.
    #expect(abs(both.saving - 620 * 3.75) < 1e-9)
    #expect(
      both.basis.label(asOf: date("2015-03-31"))
        == "recorded £4.00 a transaction, £1.00 digital (12 months to 2015-03-31)")
  }

  @Test("the latest KPI report with a cost is used; one without a cost does not replace it")
  func latestWithCost() throws {
    var ledger = Self.ledger()
    ledger.add(Self.kpi("2013-04-01", "2014-03-31", all: 50))
    ledger.add(Self.kpi("2013-10-01", "2014-09-30", all: 60))
    ledger.add(Self.kpi("2014-04-01", "2015-03-31", satisfaction: 0.8))
    let estimate = try #require(try Self.row(ledger).estimate)
    #expect(estimate.basis.recorded?.to == date("2014-09-30"))
    #expect(abs(estimate.cost - 60_000) < 1e-6)
    // A report after the date does not count yet.
    ledger.add(Self.kpi("2014-07-01", "2015-06-30", all: 70))
    #expect(try Self.row(ledger).estimate?.basis.recorded?.to == date("2014-09-30"))
  }

  @Test("a cost below the benchmark scales the channels rather than make one negative")
  func cheaper() throws {
    var ledger = Self.ledger()
    ledger.add(Self.kpi("2014-04-01", "2015-03-31", all: 0.5))
    let estimate = try #require(try Self.row(ledger).estimate)
    #expect(abs(estimate.cost - 500) < 1e-9)
    #expect(estimate.units.allSatisfy { $0 >= 0 })
    #expect(abs(estimate.units[2] / estimate.units[4] - 2.83 / 8.62) < 1e-9)
  }

  @Test("without a recorded cost, the costs.set in force is the basis, by its date")
  func costsSet() throws {
    var ledger = Self.ledger()
    ledger.add(.costsSet(CostsSet(on: date("2014-01-01"), source: "Finance", digital: 0.5)))
    let estimate = try #require(try Self.row(ledger).estimate)
    #expect(estimate.basis.kind == .costsSet)
    #expect(estimate.units[0] == 0.5)
    #expect(estimate.basis.label(asOf: date("2015-03-31")) == "costs.set 2014-01-01")
    // A recorded cost of the service's own comes before it; it is the fallback for the rest.
    ledger.add(Self.kpi("2014-04-01", "2015-03-31", digital: 0.2))
    let recorded = try #require(try Self.row(ledger).estimate)
    #expect(recorded.basis.kind == .recorded)
    #expect(recorded.units[0] == 0.2 && recorded.units[2] == 2.83)
  }

  @Test("a figure six months or more old at the date is stale: volume or recorded cost")
  func stale() throws {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.report("s", "2013-10-01", "2014-09-30", total: 1000, digital: 100)
    #expect(Staleness.isStale(date("2014-09-30"), asOf: date("2015-03-31")))
    #expect(!Staleness.isStale(date("2014-10-01"), asOf: date("2015-03-31")))
    #expect(!Staleness.isStale(date("2014-09-30"), asOf: date("2015-03-29")))
    let old = try Self.row(ledger)
    #expect(old.isVolumeStale && old.isCostStale)
    #expect(try !Self.row(ledger, "2015-03-29").isVolumeStale)
    // A current volume with a stale recorded cost: the cost rests on a stale figure.
    ledger.year("s", ending: 2015, total: 1000, digital: 200)
    ledger.add(Self.kpi("2013-10-01", "2014-09-30", all: 4))
    let row = try Self.row(ledger)
    #expect(!row.isVolumeStale)
    #expect(row.isCostStale)
    #expect(row.estimate?.basis.label(asOf: date("2015-03-31")).hasSuffix(", stale)") == true)
  }
}
