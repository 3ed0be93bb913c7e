import Foundation
import Testing

@testable import ServiceLedger

@Suite("Priorities")
struct PrioritiesTests {
  @Test("exemplar, then high-volume (over the threshold), standard, no-data; volume, then id")
  func order() {
    var ledger = FixtureLedger()
    for id in ["a", "b", "c", "d", "e", "f"] { ledger.register(id) }
    ledger.designate("f")
    ledger.year("a", ending: 2014, total: 100_000)
    ledger.year("b", ending: 2014, total: 100_001)
    ledger.year("c", ending: 2014, total: 250_000)
    ledger.year("d", ending: 2014, total: 100_001)
    ledger.year("f", ending: 2014, total: 10)
    let rows = ledger.priorities("2014-03-31").rows
    #expect(rows.map(\.service.id.rawValue) == ["f", "c", "b", "d", "a", "e"])
    #expect(
      rows.map(\.priority) == [
        .exemplar, .highVolume, .highVolume, .highVolume, .standard, .noData,
      ])
    // A threshold of 0 makes every service with transactions high-volume.
    #expect(ledger.priorities("2014-03-31", threshold: 0).priority(of: service("a")) == .highVolume)
  }

  @Test(
    "a service registered after the as-of date does not count; one retired on or before it neither")
  func registeredAndRetired() {
    var ledger = FixtureLedger()
    ledger.register("early", on: "2012-01-01")
    ledger.register("late", on: "2014-06-01")
    ledger.register("gone", on: "2012-01-01")
    ledger.add(.serviceRetired(ServiceRetired(service: service("gone"), on: date("2014-03-31"))))
    ledger.year("gone", ending: 2013, total: 500_000)
    #expect(ledger.priorities("2014-03-30").rows.map(\.service.id.rawValue) == ["gone", "early"])
    #expect(ledger.priorities("2014-03-31").rows.map(\.service.id.rawValue) == ["early"])
    #expect(ledger.priorities("2014-06-01").rows.map(\.service.id.rawValue) == ["early", "late"])
    #expect(ledger.priorities("2011-12-31").rows.isEmpty)
  }

  @Test("an exemplar designated after the date is not one yet")
  func designationDate() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.designate("s", on: "2012-12-20")
    ledger.year("s", ending: 2012, total: 5)
    #expect(ledger.priorities("2012-12-19").priority(of: service("s")) == .standard)
    #expect(ledger.priorities("2012-12-20").priority(of: service("s")) == .exemplar)
  }

  @Test("restated and retracted reports move a service across the threshold")
  func restatedAndRetracted() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.year("s", ending: 2013, total: 90_000)
    let restated = ledger.year("s", ending: 2013, total: 120_000)
    #expect(ledger.priorities("2013-03-31").priority(of: service("s")) == .highVolume)
    #expect(ledger.volumes("2013-03-31").reports[service("s")]?.first?.restatements == 1)
    ledger.retract(restated)
    #expect(ledger.priorities("2013-03-31").priority(of: service("s")) == .standard)
    // Retracting the only report leaves no data.
    var single = FixtureLedger()
    single.register("s")
    single.retract(single.year("s", ending: 2013, total: 500_000))
    #expect(single.priorities("2013-03-31").priority(of: service("s")) == .noData)
  }

  @Test("a report straddling the as-of date does not count until its period ends")
  func straddling() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.year("s", ending: 2013, total: 50_000)
    ledger.report("s", "2013-01-01", "2013-12-31", total: 200_000)
    let before = ledger.priorities("2013-12-30").rows[0]
    #expect(before.annual.volume == 50_000)
    #expect(before.priority == .standard)
    #expect(ledger.priorities("2013-12-31").rows[0].priority == .highVolume)
  }

  @Test("the JSON has the contract's keys in order, integers, nulls and [] for managers")
  func json() throws {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.register("t")
    ledger.report("s", "2014-01-01", "2014-03-31", total: 1001, digital: 1)
    ledger.appoint("s", "p-0002", on: "2014-01-01")
    ledger.appoint("s", "p-0001", on: "2014-01-01")
    ledger.phase("s", .beta, on: "2014-02-01")
    let text = PrioritiesView.output(ledger.priorities("2014-03-31")).json.serialized()
    #expect(
      text == """
        {"asOf":"2014-03-31","threshold":100000,"services":[\
        {"service":"s","name":"Service s","organisation":"HMCTS","priority":"standard",\
        "annualVolume":4060,"basis":"annualised","from":"2014-01-01","to":"2014-03-31",\
        "digitalTakeUp":0.001,"phase":"beta","managers":["p-0001","p-0002"]},\
        {"service":"t","name":"Service t","organisation":"HMCTS","priority":"no-data",\
        "annualVolume":null,"basis":null,"from":null,"to":null,"digitalTakeUp":null,\
        "phase":null,"managers":[]}]}
        """)
  }

  @Test("real: prison visit bookings at 2014-03-31, 1,320,121 a year, 2,756 digital, 0.2%")
  func prisonVisits() throws {
    let timeline = try shippedTimeline("2014-03-31")
    let priorities = Priorities(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
    let row = try #require(
      priorities.rows.first { $0.service.id == service("moj-prison-visit-booking") })
    #expect(row.priority == .exemplar)
    #expect(row.annual.volume == 1_320_121)
    #expect(row.annual.reports.compactMap(\.digital) == [2756])
    #expect(Format.percent(row.annual.digitalTakeUp ?? -1) == "0.2%")
    // 2756 ÷ 1320121 = 0.0020877…, which the JSON gives to 4 decimals.
    #expect(JSONValue.rate(row.annual.digitalTakeUp).serialized() == "0.0021")
    // The largest exemplar by volume comes first.
    #expect(priorities.rows.first?.service.id == service("moj-prison-visit-booking"))
  }

  @Test("real: employment tribunal claims fall under the threshold after fees (192,000 → 43,951)")
  func employmentTribunals() throws {
    // The shipped ledger designates it an exemplar (fee payment started with tribunal fees) at
    // 09:02; as known at 09:01:30 it is ranked on volume alone.
    let knownAt = "2026-11-21T09:01:30Z"
    let id = service("moj-employment-tribunal-claims")
    func row(_ asOf: String, knownAt: String? = nil) throws -> Priorities.Row {
      let timeline = try shippedTimeline(asOf, knownAt: knownAt)
      let priorities = Priorities(
        asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
      return try #require(priorities.rows.first { $0.service.id == id })
    }
    let before = try row("2013-03-31", knownAt: knownAt)
    #expect(before.annual.volume == 192_000)
    #expect(before.annual.from == date("2012-04-01"))
    #expect(before.priority == .highVolume)
    let after = try row("2014-09-30", knownAt: knownAt)
    #expect(after.annual.volume == 43_951)
    #expect(after.annual.basis == .twelveMonth)
    #expect(after.priority == .standard)
    // Knowing everything, it stays an exemplar whatever its volume.
    #expect(try row("2014-09-30").priority == .exemplar)
  }
}
