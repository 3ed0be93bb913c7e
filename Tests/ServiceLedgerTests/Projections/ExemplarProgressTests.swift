import Foundation
import Testing

@testable import ServiceLedger

@Suite("Exemplars")
struct ExemplarProgressTests {
  static func progress(_ ledger: FixtureLedger, _ asOf: String) -> ExemplarProgress {
    let timeline = ledger.timeline(asOf)
    return ExemplarProgress(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
  }

  static func statuses(_ progress: ExemplarProgress) -> [String] {
    progress.exemplars.map { "\($0.id):\($0.status.rawValue)" }
  }

  @Test("on-track with a phase before the due date, late after it unless live, live once live")
  func status() {
    var ledger = FixtureLedger()
    ledger.register("slow")
    ledger.register("fast")
    ledger.designate("slow", due: "2015-03-31")
    ledger.designate("fast", due: "2015-03-31")
    ledger.phase("slow", .alpha, on: "2013-06-01")
    ledger.phase("fast", .beta, on: "2014-01-01")
    ledger.phase("fast", .live, on: "2015-06-01")
    let due = Self.progress(ledger, "2015-03-31")
    #expect(due.rows.map(\.status) == [.onTrack, .onTrack])
    #expect(due.rows.map(\.daysToDue) == [0, 0])
    let late = Self.progress(ledger, "2015-04-01")
    #expect(late.rows.map(\.status) == [.late, .late])
    #expect(late.rows.first?.daysToDue == -1)
    let live = Self.progress(ledger, "2015-06-01")
    #expect(Self.statuses(live) == ["fast:live", "slow:late"])
    #expect(Self.progress(ledger, "2014-03-31").rows.first?.daysToDue == 365)
  }

  @Test("no phase recorded is unknown, never on track, before and after the due date")
  func unknown() {
    var ledger = FixtureLedger()
    ledger.register("quiet")
    ledger.designate("quiet", due: "2015-03-31")
    for asOf in ["2014-03-31", "2015-03-31", "2016-03-31"] {
      let progress = Self.progress(ledger, asOf)
      #expect(progress.exemplars.map(\.status) == [.unknown], "\(asOf)")
      #expect(progress.count(.onTrack) == 0)
    }
    // Once a phase is recorded, the due date decides.
    ledger.phase("quiet", .beta, on: "2014-01-01")
    #expect(Self.progress(ledger, "2014-03-31").exemplars.first?.status == .onTrack)
    #expect(Self.progress(ledger, "2016-03-31").exemplars.first?.status == .late)
  }

  @Test(
    "an exemplar of several services: live when all are, late when one is, its phase the least advanced"
  )
  func several() throws {
    var ledger = FixtureLedger()
    ledger.register("money")
    ledger.register("possession")
    ledger.register("visits")
    let title = "Civil claims (money claims and possession claims)"
    ledger.designate("money", exemplar: "civil-claims", title: title)
    ledger.designate("possession", due: "2015-06-30", exemplar: "civil-claims")
    ledger.designate("visits", exemplar: "prison-visits", title: "Prisoner visits booking")
    var progress = Self.progress(ledger, "2014-03-31")
    #expect(progress.exemplars.map(\.id.rawValue) == ["prison-visits", "civil-claims"])
    let civil = try #require(progress.exemplars.last)
    #expect(civil.title == title)
    #expect(civil.services.map(\.service.id.rawValue) == ["money", "possession"])
    // Its due date is its services' latest.
    #expect(civil.due == date("2015-06-30"))
    #expect(progress.rows.count == 3)
    // One service without a phase makes the whole exemplar unknown.
    ledger.phase("money", .live, on: "2014-01-01")
    progress = Self.progress(ledger, "2014-03-31")
    #expect(progress.exemplars.last?.status == .unknown)
    #expect(progress.exemplars.last?.phase == nil)
    ledger.phase("possession", .beta, on: "2014-02-01")
    progress = Self.progress(ledger, "2014-03-31")
    #expect(progress.exemplars.last?.status == .onTrack)
    #expect(progress.exemplars.last?.phase == .beta)
    // Possession is due 2015-06-30, money is live: on track still at 2015-04-01.
    #expect(Self.progress(ledger, "2015-04-01").exemplars.last?.status == .onTrack)
    #expect(Self.progress(ledger, "2015-07-01").exemplars.last?.status == .late)
    ledger.phase("possession", .live, on: "2015-08-01")
    let done = Self.progress(ledger, "2015-08-01")
    #expect(done.exemplars.last?.status == .live)
    #expect(done.exemplars.last?.phase == .live)
    #expect(done.count(.live) == 1)
  }

  @Test("a later designation moves a service; the latest title given names the exemplar")
  func redesignation() {
    var ledger = FixtureLedger()
    ledger.register("money")
    ledger.register("possession")
    ledger.designate("money")
    ledger.designate("possession")
    #expect(Self.progress(ledger, "2014-03-31").exemplars.count == 2)
    ledger.designate("money", exemplar: "civil-claims", title: "Civil")
    ledger.designate("possession", exemplar: "civil-claims", title: "Civil claims")
    let progress = Self.progress(ledger, "2014-03-31")
    #expect(progress.exemplars.map(\.title) == ["Civil claims"])
    #expect(progress.rows.count == 2)
  }

  @Test("an exemplar of one service without a title is named after the service")
  func untitled() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.designate("s")
    let exemplar = Self.progress(ledger, "2014-03-31").exemplars.first
    #expect(exemplar?.id.rawValue == "s")
    #expect(exemplar?.title == "Service s")
  }

  @Test("not an exemplar before its designation date")
  func designation() {
    var ledger = FixtureLedger()
    ledger.register("s")
    ledger.designate("s", on: "2012-12-20")
    #expect(Self.progress(ledger, "2012-12-19").rows.isEmpty)
    #expect(ExemplarsView.output(Self.progress(ledger, "2012-12-19")).emptyNote != nil)
    #expect(Self.progress(ledger, "2012-12-20").rows.count == 1)
  }

  @Test(
    "real: at 2015-03-31 the strategy's four exemplars cover five services, none with a phase, prison visits at 36.3%"
  )
  func shipped() throws {
    let timeline = try shippedTimeline("2015-03-31")
    let progress = ExemplarProgress(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
    #expect(
      progress.exemplars.map(\.id.rawValue)
        == ["civil-claims", "fee-payment", "prison-visits", "public-guardian"])
    #expect(progress.rows.count == 5)
    #expect(
      progress.exemplars.first?.services.map(\.service.id.rawValue)
        == ["moj-money-claims", "moj-possession-claims"])
    #expect(progress.exemplars.allSatisfy { $0.daysToDue == 0 && $0.status == .unknown })
    let fees = progress.exemplars.first { $0.id.rawValue == "fee-payment" }
    #expect(fees?.services.first?.designation.note?.hasPrefix("A judgement") == true)
    let visits = progress.rows.first { $0.service.id == service("moj-prison-visit-booking") }
    #expect(visits?.series.latest?.to == date("2015-03-31"))
    #expect(Format.percent(visits?.series.latest?.takeUp ?? 0) == "36.3%")
    let later = try shippedTimeline("2015-04-01")
    #expect(
      ExemplarProgress(
        asOf: later.asOf, catalogue: Catalogue(later), volumes: VolumeHistory(later)
      ).exemplars.allSatisfy { $0.status == .unknown })
  }
}
