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

  @Test("on-track before the due date, late after it unless live, live once live")
  func status() {
    var ledger = FixtureLedger()
    ledger.register("slow")
    ledger.register("fast")
    ledger.register("plain")
    ledger.designate("slow", due: "2015-03-31")
    ledger.designate("fast", due: "2015-03-31")
    ledger.phase("fast", .beta, on: "2014-01-01")
    ledger.phase("fast", .live, on: "2015-06-01")
    let due = Self.progress(ledger, "2015-03-31")
    #expect(due.rows.map(\.status) == [.onTrack, .onTrack])
    #expect(due.rows.map(\.daysToDue) == [0, 0])
    let late = Self.progress(ledger, "2015-04-01")
    #expect(late.rows.map(\.status) == [.late, .late])
    #expect(late.rows.first?.daysToDue == -1)
    let live = Self.progress(ledger, "2015-06-01")
    #expect(
      live.rows.map { "\($0.service.id):\($0.status.rawValue)" } == ["fast:live", "slow:late"])
    #expect(Self.progress(ledger, "2014-03-31").rows.first?.daysToDue == 365)
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

  @Test("real: at 2015-03-31 the five MoJ exemplars are due today, prison visits at 36.3%")
  func shipped() throws {
    let timeline = try shippedTimeline("2015-03-31")
    let progress = ExemplarProgress(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
    #expect(progress.rows.count == 5)
    #expect(progress.rows.allSatisfy { $0.daysToDue == 0 && $0.status == .onTrack })
    let visits = progress.rows.first { $0.service.id == service("moj-prison-visit-booking") }
    #expect(visits?.series.latest?.to == date("2015-03-31"))
    #expect(Format.percent(visits?.series.latest?.takeUp ?? 0) == "36.3%")
    let late = try shippedTimeline("2015-04-01")
    #expect(
      ExemplarProgress(
        asOf: late.asOf, catalogue: Catalogue(late), volumes: VolumeHistory(late)
      ).rows.allSatisfy { $0.status == .late })
  }
}
