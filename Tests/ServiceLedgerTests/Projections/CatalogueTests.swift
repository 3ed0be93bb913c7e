import Foundation
import Testing

@testable import ServiceLedger

@Suite("Catalogue: phase, managers and assisted digital in valid time")
struct CatalogueTests {
  static func managers(_ ledger: FixtureLedger, _ asOf: String) -> [String] {
    ledger.catalogue(asOf).service(withID: service("s"))?.managers.map(\.rawValue) ?? ["?"]
  }

  @Test("components adopted in any order, some twice, in force by date: sorted, each once")
  func components() {
    var ledger = FixtureLedger()
    ledger.register("s")
    // Many, in descending order and repeated: each adoption costs the same however many
    // there are (a set), where a sorted list re-sorted on each took time quadratic in them.
    for index in stride(from: 3_000, through: 1, by: -1) {
      let component = ComponentID(unchecked: "c\(String(format: "%05d", index % 2_000))")
      _ = ledger.add(
        .componentAdopted(
          ComponentAdopted(
            service: service("s"), component: component,
            on: date(index > 2_000 ? "2015-01-01" : "2014-01-01"))))
    }
    let early = ledger.catalogue("2014-06-30").service(withID: service("s"))?.components ?? []
    let late = ledger.catalogue("2015-06-30").service(withID: service("s"))?.components ?? []
    #expect(early.count == 2_000)
    #expect(early == early.sorted())
    #expect(early.first?.rawValue == "c00000")
    #expect(late == early, "the later adoptions repeat components already adopted")
  }

  @Test("a manager who departs and returns is a manager again from the return")
  func departsAndReturns() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.appoint("s", "p-1", on: "2013-01-01")
    ledger.appoint("s", "p-2", on: "2013-02-01")
    ledger.depart("s", "p-1", on: "2013-06-01")
    ledger.appoint("s", "p-1", on: "2014-01-01")
    #expect(Self.managers(ledger, "2012-12-31") == [])
    #expect(Self.managers(ledger, "2013-05-31") == ["p-1", "p-2"])
    #expect(Self.managers(ledger, "2013-06-01") == ["p-2"])
    #expect(Self.managers(ledger, "2014-01-01") == ["p-1", "p-2"])
  }

  @Test("a departure recorded late but dated before a return does not undo the return")
  func backdatedDeparture() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.appoint("s", "p-1", on: "2013-01-01")
    ledger.appoint("s", "p-1", on: "2014-01-01")
    ledger.depart("s", "p-1", on: "2013-06-01")
    #expect(Self.managers(ledger, "2013-07-01") == [])
    #expect(Self.managers(ledger, "2014-02-01") == ["p-1"])
  }

  @Test("same-day appointment and departure apply in replay order")
  func sameDay() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.appoint("s", "p-1", on: "2013-01-01")
    ledger.depart("s", "p-1", on: "2013-01-01")
    ledger.depart("s", "p-2", on: "2013-01-01")
    ledger.appoint("s", "p-2", on: "2013-01-01")
    #expect(Self.managers(ledger, "2013-01-01") == ["p-2"])
  }

  @Test("associates are not service managers")
  func associates() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.appoint("s", "p-1", on: "2013-01-01", role: .associate)
    let record = ledger.catalogue("2013-01-01").service(withID: service("s"))
    #expect(record?.managers == [])
    #expect(record?.associates == [PersonID(unchecked: "p-1")])
  }

  @Test("the phase is the one entered latest by date, whatever the recording order")
  func phaseByDate() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.phase("s", .live, on: "2015-01-01")
    ledger.phase("s", .beta, on: "2014-03-01")
    #expect(ledger.catalogue("2014-12-31").service(withID: service("s"))?.phase == .beta)
    let record = ledger.catalogue("2015-01-01").service(withID: service("s"))
    #expect(record?.phase == .live)
    #expect(record?.phaseSince == date("2015-01-01"))
  }

  @Test("assisted digital is in force from provision until withdrawal, and again if re-provided")
  func assistedDigital() {
    var ledger = FixtureLedger()
    ledger.register("s")
    let s = service("s")
    ledger.add(
      .assistedDigitalProvided(
        AssistedDigitalProvided(service: s, on: date("2014-01-01"), routes: [.phone])))
    ledger.add(
      .assistedDigitalWithdrawn(AssistedDigitalWithdrawn(service: s, on: date("2014-06-01"))))
    ledger.add(
      .assistedDigitalProvided(
        AssistedDigitalProvided(service: s, on: date("2015-01-01"), routes: [.partner])))
    func routes(_ asOf: String) -> [AssistedRoute]? {
      ledger.catalogue(asOf).service(withID: s)?.assistedDigital?.routes
    }
    #expect(routes("2013-12-31") == nil)
    #expect(routes("2014-05-31") == [.phone])
    #expect(routes("2014-06-01") == nil)
    #expect(routes("2015-01-01") == [.partner])
  }
}
