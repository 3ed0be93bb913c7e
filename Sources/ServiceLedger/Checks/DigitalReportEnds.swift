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

  /// Only periods ending on or before this day count (`restricted(upTo:)`).
  private var limit: Int?

  /// The ends as of an earlier `date`: the periods ending by then (every report of one is in
  /// force at both dates). It shares this one's storage; only what it answers is limited.
  func restricted(upTo date: CivilDate) -> DigitalReportEnds {
    var earlier = self
    earlier.limit = min(limit ?? date.dayNumber, date.dayNumber)
    return earlier
  }

  /// The latest end of a current report of `service` with a digital count, or nil.
  func latest(of service: ServiceID) -> CivilDate? {
    var latest: Int?
    for period in periods[service] ?? [] {
      let to = Self.to(of: period)
      if let limit, to > limit { continue }
      if latest.map({ to > $0 }) ?? true { latest = to }
    }
    return latest.map(CivilDate.init(dayNumber:))
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
