/// A volume report that replaced an earlier one for the same service and period.
public struct Restatement: Sendable, Equatable {
  /// The figure replaced.
  public var before: VolumeReported
  /// The figure in force.
  public var after: VolumeReported
  /// When the replacing report was recorded.
  public var recorded: Timestamp
  /// Where the replacing report is in the log: with `recorded`, its place in replay order.
  public var location: EventLocation?

  public init(
    before: VolumeReported, after: VolumeReported, recorded: Timestamp,
    location: EventLocation? = nil
  ) {
    self.before = before
    self.after = after
    self.recorded = recorded
    self.location = location
  }

  public var service: ServiceID { after.service }

  /// The same restatement: the figures and when; where it stands is for ordering only.
  public static func == (lhs: Restatement, rhs: Restatement) -> Bool {
    lhs.before == rhs.before && lhs.after == rhs.after && lhs.recorded == rhs.recorded
  }

  /// Whether `lhs` comes before `rhs` in replay order (`at`, then file, then line).
  static func inReplayOrder(_ lhs: Restatement, _ rhs: Restatement) -> Bool {
    if lhs.recorded != rhs.recorded { return lhs.recorded < rhs.recorded }
    let none = EventLocation(file: "", line: 0)
    return (lhs.location ?? none) < (rhs.location ?? none)
  }

  /// A report's service and period.
  struct PeriodKey: Hashable, Sendable {
    var service: ServiceID
    var from: CivilDate
    var to: CivilDate

    init(_ report: VolumeReported) {
      service = report.service
      from = report.from
      to = report.to
    }
  }
}

/// The restatements among the events in force whose replacing report was recorded after the
/// day `after` and on or before the day `upTo` (UTC dates of `at`), found while the volume
/// history is folded: the figure replaced is the history's current one for the period.
///
/// The history keeps only the reports its figures use, so a report in the window may restate
/// one it dropped; those periods are `unresolved`, and `RestatementLookback` finds their
/// restatements in a second pass over the log.
struct RestatementWindow: Sendable {
  let after: CivilDate
  let upTo: CivilDate
  /// Found so far, in replay order.
  private(set) var found: [Restatement] = []
  /// Periods reported in the window whose earlier report the history may have dropped.
  private(set) var unresolved: Set<Restatement.PeriodKey> = []

  init(after: CivilDate, upTo: CivilDate) {
    self.after = after
    self.upTo = upTo
  }

  /// Notes `event` (any event in force) before it is folded into `history`.
  mutating func note(_ event: RecordedEvent, before history: VolumeHistory) {
    let day = event.at.date
    guard day > after, day <= upTo, case .volumeReported(let report) = event.event else { return }
    let key = Restatement.PeriodKey(report)
    guard !unresolved.contains(key) else { return }
    if let earlier = history.entry(of: report.service, from: report.from, to: report.to) {
      found.append(
        Restatement(
          before: earlier.report, after: report, recorded: event.at, location: event.location))
    } else if let horizon = history.prunedBefore[report.service], report.to < horizon {
      // The lookback finds every restatement of the period in the window, those this pass
      // found before the history dropped it included.
      unresolved.insert(key)
      found.removeAll { Restatement.PeriodKey($0.after) == key }
    }
  }
}

/// The second pass for `RestatementWindow.unresolved`: every volume report of those periods,
/// in force, in replay order, and the restatements among them recorded in the window.
struct RestatementLookback: Fold, Sendable {
  let window: RestatementWindow
  private var latest: [Restatement.PeriodKey: VolumeReported] = [:]
  private(set) var found: [Restatement] = []

  init(_ window: RestatementWindow) { self.window = window }

  var reads: EventReads { EventReads([.volumeReported]) }

  mutating func apply(_ event: RecordedEvent) {
    guard case .volumeReported(let report) = event.event else { return }
    let key = Restatement.PeriodKey(report)
    guard window.unresolved.contains(key) else { return }
    let day = event.at.date
    if let earlier = latest[key], day > window.after, day <= window.upTo {
      found.append(
        Restatement(before: earlier, after: report, recorded: event.at, location: event.location))
    }
    latest[key] = report
  }
}
