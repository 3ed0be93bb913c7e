import Testing

@testable import ServiceLedger

/// What the `kpis` rule reads of the volume history, kept without the reports: the same as
/// the full history gives, through restatements that add or drop the digital count and
/// through the pruning the standard rules' history now does.
@Suite("Digital report ends agree with the full volume history")
struct DigitalReportEndsTests {
  @Test("random reports and restatements", arguments: [1, 2, 3, 4] as [UInt64])
  func agrees(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var factory = EventFactory()
    var full = VolumeHistory()
    var pruned = VolumeHistory(retention: .annualVolume)
    var ends = DigitalReportEnds()
    let services = ["svc-a", "svc-b", "svc-c"].map(service)
    let start = date("2010-01-01")
    var compared = 0
    for _ in 0..<3000 {
      // Periods over 15 years, many restated: a month, a quarter or a year.
      let from = start.adding(months: random.below(180))
      let to = from.adding(months: random.pick([1, 3, 12])).adding(days: -1)
      let report = VolumeReported(
        service: random.pick(services), from: from, to: to, total: 1000,
        digital: random.below(3) == 0 ? nil : 10)
      let event = factory.make(.volumeReported(report))
      full.apply(event)
      pruned.apply(event)
      ends.apply(event)
      for id in services {
        let expected = (full.reports[id] ?? []).map(\.report).filter { $0.digital != nil }
          .map(\.to).max()
        #expect(ends.latest(of: id) == expected)
        // As of an earlier date (the previous quarter's end): the periods ending by then.
        let earlier = start.adding(months: random.below(200))
        let expectedEarlier = (full.reports[id] ?? []).map(\.report)
          .filter { $0.digital != nil && $0.to <= earlier }.map(\.to).max()
        #expect(ends.restricted(upTo: earlier).latest(of: id) == expectedEarlier)
        // What stale-volume reads: the latest report and where it was recorded.
        #expect(pruned.reports[id]?.last?.report == full.reports[id]?.last?.report)
        #expect(pruned.reports[id]?.last?.location == full.reports[id]?.last?.location)
        if expected != nil { compared += 1 }
      }
    }
    #expect(compared > 1000)
  }
}
