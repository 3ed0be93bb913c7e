/// Per service, the periods whose current volume report (the latest for the period) counts
/// digital transactions: what the `kpis` rule asks of the volume history (the latest end of a
/// report with a digital count), kept without the reports themselves, so the standard rules'
/// volume history can keep only what the annual-volume rule uses.
///
/// A period is kept as one 64-bit number, and only while its current report has a digital
/// count: a later report without one removes it.
struct DigitalReportEnds: Fold, Sendable {
  /// Every volume report.
  var reads: EventReads { EventReads([.volumeReported]) }

  /// Per service, the periods (`from` and `to` day numbers in one number) whose current
  /// report has a digital count.
  private var periods: [ServiceID: Set<UInt64>] = [:]

  /// Folds one event in force in.
  mutating func apply(_ recorded: RecordedEvent) {
    guard recorded.type == .volumeReported, case .volumeReported(let report) = recorded.event
    else { return }
    let period = Self.key(from: report.from, to: report.to)
    if report.digital != nil {
      periods[report.service, default: []].insert(period)
    } else {
      periods[report.service]?.remove(period)
    }
  }

  /// The ends as of an earlier `date`: the periods ending by then (every report of one is in
  /// force at both dates).
  func restricted(upTo date: CivilDate) -> DigitalReportEnds {
    var earlier = DigitalReportEnds()
    for (service, periods) in periods {
      let kept = periods.filter { Self.to(of: $0) <= date.dayNumber }
      if !kept.isEmpty { earlier.periods[service] = kept }
    }
    return earlier
  }

  /// The latest end of a current report of `service` with a digital count, or nil.
  func latest(of service: ServiceID) -> CivilDate? {
    periods[service]?.map(Self.to(of:)).max().map(CivilDate.init(dayNumber:))
  }

  /// `to` in the high half, `from` in the low half, each as a day number offset to be
  /// non-negative (dates run from year 1 to 9999).
  private static func key(from: CivilDate, to: CivilDate) -> UInt64 {
    UInt64(UInt32(truncatingIfNeeded: to.dayNumber + offset)) << 32
      | UInt64(UInt32(truncatingIfNeeded: from.dayNumber + offset))
  }

  private static func to(of key: UInt64) -> Int { Int(key >> 32) - offset }

  /// Added to day numbers so that every date's is positive.
  private static let offset = 1 << 30
}
