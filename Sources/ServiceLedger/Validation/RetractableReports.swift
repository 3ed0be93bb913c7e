/// The periods of one service's short volume reports that a retraction may withdraw, held apart
/// from `ShortReports` (whose runs cannot give a period back) so that a retraction frees its
/// report's period for a corrected report.
///
/// A validator holds a report here only when it knew, before the report came, that a retraction
/// names its id (`ReferenceValidator.watch(_:)`): a replay learns those ids from its retraction
/// pre-scan, so this holds at most one period per retraction. Like every short report of a
/// service in force, two periods here are identical (restatements, counted) or apart.
struct RetractableRanges: Sendable, Equatable {
  /// A period in day numbers, and how many reports in force have it.
  struct Range: Sendable, Equatable {
    var from: Int32
    var to: Int32
    var count: Int32
  }

  /// Sorted by `from`, apart.
  private(set) var ranges: [Range] = []

  var isEmpty: Bool { ranges.isEmpty }

  /// The period held that `from...to` overlaps without being identical to it, if any.
  func clash(_ from: CivilDate, _ to: CivilDate) -> (from: CivilDate, to: CivilDate)? {
    let start = Int32(clamping: from.dayNumber)
    let end = Int32(clamping: to.dayNumber)
    let index = firstIndex(start)
    // Periods are apart, so only the one before and the one from `start` on can overlap.
    var candidate: Range?
    if index > 0, ranges[index - 1].to >= start {
      candidate = ranges[index - 1]
    } else if index < ranges.count, ranges[index].from <= end,
      ranges[index].from != start || ranges[index].to != end
    {
      candidate = ranges[index]
    }
    return candidate.map {
      (CivilDate(dayNumber: Int($0.from)), CivilDate(dayNumber: Int($0.to)))
    }
  }

  /// Adds a report of `from...to`, which must not clash with a period held.
  mutating func insert(_ from: Int32, _ to: Int32) {
    let index = firstIndex(from)
    if index < ranges.count, ranges[index].from == from {
      ranges[index].count += 1
    } else {
      ranges.insert(Range(from: from, to: to, count: 1), at: index)
    }
  }

  /// Takes back a report of `from...to`: its period is freed when no other report has it.
  mutating func remove(_ from: Int32, _ to: Int32) {
    let index = firstIndex(from)
    guard index < ranges.count, ranges[index].from == from, ranges[index].to == to else { return }
    ranges[index].count -= 1
    if ranges[index].count == 0 { ranges.remove(at: index) }
  }

  /// The first index whose period starts on or after `from`.
  private func firstIndex(_ from: Int32) -> Int {
    ranges.partitionIndex { $0.from < from }
  }
}

/// The ids that retractions name, which a validator asks about for every volume report: a
/// bitmap (`IDBitmap`) answers "no" for most other ids with one load (a replay's hottest loop
/// runs through here), the set for the rest.
struct RetractableIDs: Sendable {
  private(set) var ids: Set<EventID> = []
  private var bits = IDBitmap()

  /// Whether retractions name `id`.
  @inline(__always)
  func contains(_ id: EventID) -> Bool { bits.mayContain(id) && isNamed(id) }

  /// Whether `id` is in the set: out of the caller's loop, past the bitmap.
  @inline(never)
  private func isNamed(_ id: EventID) -> Bool { ids.contains(id) }

  /// Adds `new`.
  mutating func insert(contentsOf new: some Sequence<EventID>) {
    ids.formUnion(new)
    bits = IDBitmap(ids, count: ids.count)
  }
}

/// A short volume report a validator holds apart: its service and period, so that its
/// retraction can find the period to free.
struct RetractableReport: Sendable, Equatable {
  var service: ServiceID
  var from: Int32
  var to: Int32
}

extension ServiceFacts {
  /// Checks a volume report that a retraction may withdraw against the service's retirement
  /// and its short reports and, if it fits and is short, holds it apart.
  /// - Returns: its period when it was held apart; nil for a report of 12 months or more.
  /// - Throws: `EventError` without changing anything.
  mutating func acceptRetractable(_ report: VolumeReported) throws(EventError)
    -> RetractableReport?
  {
    if let retiredOn, report.to > retiredOn {
      throw ServiceFacts.retired(report.service, on: retiredOn)
    }
    guard report.days < 365 else { return nil }
    if let clash = retractable.clash(report.from, report.to)
      ?? shortReports.overlap(report.from, report.to)
    {
      throw ServiceFacts.overlap(report, clash)
    }
    let held = RetractableReport(
      service: report.service, from: Int32(clamping: report.from.dayNumber),
      to: Int32(clamping: report.to.dayNumber))
    retractable.insert(held.from, held.to)
    return held
  }

  /// Frees the period of `report`, held apart, now retracted.
  mutating func withdraw(_ report: RetractableReport) {
    retractable.remove(report.from, report.to)
  }

  /// The refusal of a short report whose period overlaps `clash`.
  static func overlap(_ report: VolumeReported, _ clash: (from: CivilDate, to: CivilDate))
    -> EventError
  {
    EventError(
      field: "data.from",
      "\(report.from)..\(report.to) overlaps the report for \(clash.from)..\(clash.to); "
        + "reports shorter than 12 months may only overlap when their ranges are identical "
        + "(a restatement)")
  }
}
