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
  /// report has a digital count, in ascending order: reports mostly come in order, so a
  /// period is mostly appended, and the latest is found without hashing every period.
  private var periods: [ServiceID: [UInt64]] = [:]

  /// Folds one event in force in.
  mutating func apply(_ recorded: RecordedEvent) {
    guard recorded.type == .volumeReported, case .volumeReported(let report) = recorded.event
    else { return }
    let period = Self.key(from: report.from, to: report.to)
    if report.digital != nil {
      periods.update(report.service, default: []) { kept in
        if let last = kept.last, last >= period {
          let index = Self.index(of: period, in: kept)
          if index == kept.count || kept[index] != period { kept.insert(period, at: index) }
        } else {
          kept.append(period)
        }
      }
    } else if periods[report.service] != nil {
      periods.update(report.service, default: []) { kept in
        let index = Self.index(of: period, in: kept)
        if index < kept.count, kept[index] == period { kept.remove(at: index) }
      }
    }
  }

  /// The first index in `kept` (ascending) whose period is not below `period`.
  private static func index(of period: UInt64, in kept: [UInt64]) -> Int {
    var low = 0
    var high = kept.count
    while low < high {
      let middle = (low + high) / 2
      if kept[middle] < period { low = middle + 1 } else { high = middle }
    }
    return low
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
    guard let kept = periods[service], let last = kept.last else { return nil }
    guard let limit else { return CivilDate(dayNumber: Self.to(of: last)) }
    // The periods sort by `to` first: the last one ending by `limit`.
    let index = Self.index(of: Self.key(toDay: limit + 1), in: kept)
    return index > 0 ? CivilDate(dayNumber: Self.to(of: kept[index - 1])) : nil
  }

  /// The smallest key of a period ending on day number `to`.
  private static func key(toDay to: Int) -> UInt64 {
    UInt64(UInt32(truncatingIfNeeded: to + offset)) << 32
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
