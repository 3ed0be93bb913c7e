import Testing

@testable import ServiceLedger

/// Restatements of periods the volume history has pruned are found by a second pass
/// (`RestatementLookback`); whichever pass finds one, the report lists each restatement once,
/// as the log read whole says: every report in force, recorded in the quarter, that replaced
/// an earlier one in force for the same service and period.
@Suite("Board report: restatements of periods the history pruned")
struct RestatementLookbackTests {
  /// Service `a` with a monthly report for each of the 60 months 2009-01 to 2013-12,
  /// recorded in 2014 (before the quarter): too few for the history to prune.
  static func fixture() -> BoardFixture {
    var f = BoardFixture()
    f.strategy()
    f.register("a")
    var seconds = Timestamp("2014-06-01T00:00:00Z")?.seconds ?? 0
    for month in 0..<60 { f.month(2009, month, total: 100, at: &seconds) }
    return f
  }

  /// The restatements the log read whole gives for the 2015-Q1 report.
  static func expected(_ ledger: Ledger, knownAt: Timestamp? = nil) -> [Restatement] {
    let timeline = Timeline(ledger, asOf: date("2015-03-31"), knownAt: knownAt)
    var latest: [Restatement.PeriodKey: VolumeReported] = [:]
    var found: [Restatement] = []
    for event in timeline.events {
      guard case .volumeReported(let report) = event.event else { continue }
      let key = Restatement.PeriodKey(report)
      let day = event.at.date
      if let earlier = latest[key], day > date("2014-12-31"), day <= date("2015-03-31"),
        earlier.total != report.total || earlier.channels != report.channels
      {
        found.append(Restatement(before: earlier, after: report, recorded: event.at))
      }
      latest[key] = report
    }
    return found
  }

  @Test("an old month restated in the quarter before the history prunes it and again after")
  func restatedBeforeAndAfterPruning() {
    var f = Self.fixture()
    // In the quarter: 2009-01 restated while the history still holds it, then ten newer
    // months (the history passes 64 reports and drops 2009-01), then 2009-01 again.
    var seconds = Timestamp("2015-01-10T00:00:00Z")?.seconds ?? 0
    f.month(2009, 0, total: 200, at: &seconds)
    for month in 60..<70 { f.month(2009, month, total: 100, at: &seconds) }
    f.month(2009, 0, total: 300, at: &seconds)
    let expected = Self.expected(f.ledger)
    #expect(expected.map(\.after.total) == [200, 300])
    #expect(f.report().changes.restatements == expected)
  }

  @Test("an old month restated in the quarter after pruning, twice, and once known-at between")
  func restatedAfterPruning() {
    var f = Self.fixture()
    var seconds = Timestamp("2014-07-01T00:00:00Z")?.seconds ?? 0
    for month in 60..<70 { f.month(2009, month, total: 100, at: &seconds) }
    seconds = Timestamp("2015-01-10T00:00:00Z")?.seconds ?? 0
    f.month(2009, 0, total: 200, at: &seconds)
    f.month(2009, 0, total: 300, at: &seconds)
    #expect(Self.expected(f.ledger).map(\.after.total) == [200, 300])
    #expect(f.report().changes.restatements == Self.expected(f.ledger))
    let knownAt = "2015-01-10T00:00:30Z"
    #expect(
      f.report(knownAt: knownAt).changes.restatements
        == Self.expected(f.ledger, knownAt: Timestamp(knownAt)))
  }
}

extension BoardFixture {
  /// A monthly volume report of service `a` for the month `month` months after January of
  /// `year`, recorded at `seconds`, which moves on by a second.
  mutating func month(_ year: Int, _ month: Int, total: Int, at seconds: inout Int) {
    let y = year + month / 12
    let m = month % 12 + 1
    let days = [31, y % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    let mm = m < 10 ? "0\(m)" : "\(m)"
    add(
      .volumeReported(
        VolumeReported(
          service: service("a"), from: date("\(y)-\(mm)-01"), to: date("\(y)-\(mm)-\(days)"),
          total: total, digital: total / 2)),
      at: Timestamp(seconds: seconds).description)
    seconds += 1
  }
}
