/// Per service, which of its current volume reports count digital transactions, by period:
/// what the `kpis` rule asks of the volume history (the latest end of a report with a digital
/// count), kept without the reports themselves, so the standard rules' volume history can keep
/// only what the annual-volume rule uses.
struct DigitalReportEnds: Fold, Sendable {
  /// Every volume report.
  var reads: EventReads { EventReads([.volumeReported]) }

  private struct Period: Hashable {
    let from: CivilDate
    let to: CivilDate
  }

  /// Per service, per period, whether its current report (the latest for the period) has a
  /// digital count.
  private var periods: [ServiceID: [Period: Bool]] = [:]

  /// Folds one event in force in.
  mutating func apply(_ recorded: RecordedEvent) {
    guard recorded.type == .volumeReported, case .volumeReported(let report) = recorded.event
    else { return }
    periods[report.service, default: [:]][Period(from: report.from, to: report.to)] =
      report.digital != nil
  }

  /// The ends as of an earlier `date`: the periods ending by then (every report of one is in
  /// force at both dates).
  func restricted(upTo date: CivilDate) -> DigitalReportEnds {
    var earlier = DigitalReportEnds()
    for (service, periods) in periods {
      let kept = periods.filter { $0.key.to <= date }
      if !kept.isEmpty { earlier.periods[service] = kept }
    }
    return earlier
  }

  /// The latest end of a current report of `service` with a digital count, or nil.
  func latest(of service: ServiceID) -> CivilDate? {
    var latest: CivilDate?
    for (period, counted) in periods[service] ?? [:] where counted {
      if latest.map({ period.to > $0 }) ?? true { latest = period.to }
    }
    return latest
  }
}
