/// Per service, the periods whose current volume report (the latest for the period) counts
/// digital transactions: what the `kpis` rule asks of the volume history (the latest end of a
/// report with a digital count), kept without the reports themselves, so the standard rules'
/// volume history can keep only what the annual-volume rule uses.
///
/// A period is kept only while its current report has a digital count (a later report
/// without one removes it), as a bit when it is whole calendar months (`PeriodSet`).
struct DigitalReportEnds: Fold, Sendable {
  /// Every volume report.
  var reads: EventReads { EventReads([.volumeReported]) }

  /// Per service, the periods whose current report has a digital count.
  private var periods: [ServiceID: PeriodSet] = [:]

  /// Only periods ending on or before this date count (`restricted(upTo:)`).
  private var limit: CivilDate?

  /// Folds one event in force in.
  mutating func apply(_ recorded: RecordedEvent) {
    guard recorded.type == .volumeReported, case .volumeReported(let report) = recorded.event
    else { return }
    if report.digital != nil {
      periods.update(report.service, default: PeriodSet()) {
        $0.insert(from: report.from, to: report.to)
      }
    } else if periods[report.service] != nil {
      periods.update(report.service, default: PeriodSet()) {
        $0.remove(from: report.from, to: report.to)
      }
    }
  }

  /// The ends as of an earlier `date`: the periods ending by then (every report of one is in
  /// force at both dates). It shares this one's storage; only what it answers is limited.
  func restricted(upTo date: CivilDate) -> DigitalReportEnds {
    var earlier = self
    earlier.limit = min(limit ?? date, date)
    return earlier
  }

  /// The latest end of a current report of `service` with a digital count, or nil.
  func latest(of service: ServiceID) -> CivilDate? {
    periods[service]?.latestEnd(upTo: limit)
  }
}
