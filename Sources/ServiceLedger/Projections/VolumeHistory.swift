/// Every service's current volume and KPI reports: a pure fold. A later report for the same
/// service, `from` and `to` supersedes the earlier one (a restatement) and is counted as such.
public struct VolumeHistory: Sendable, Equatable {
  /// One current report and how many times its period was restated.
  public struct Entry: Sendable, Equatable {
    public var report: VolumeReported
    /// 0 for a first report; 1 or more when later reports replaced it.
    public var restatements: Int
    /// The figure it replaced, for the latest restatement.
    public var previousTotal: Int?
    /// Where the current report was recorded.
    public var location: EventLocation?
  }

  /// What the history keeps.
  public enum Retention: Int, Sendable, Equatable, Comparable {
    /// Only the reports the annual-volume rule can still use (`AnnualVolumeHorizon`): memory
    /// stays bounded by the number of services however long the log grows.
    case annualVolume
    /// Those, and every quarterly and 12-month report: the take-up series the board report
    /// and its charts show, without the months and other periods no figure uses any more.
    case series
    /// Every current report: for views that show every report and its restatements.
    case all

    public static func < (lhs: Retention, rhs: Retention) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// Per service, its current reports sorted by `to`, then `from`.
  public private(set) var reports: [ServiceID: [Entry]] = [:]
  /// Per service, its current KPI reports sorted by `to`, then `from`: slices, so that the
  /// history as of an earlier date (`restricted(upTo:)`) shares their storage.
  public private(set) var kpis: [ServiceID: ArraySlice<KPIReported>] = [:]
  /// What is kept.
  public let retention: Retention

  /// How many entries a service may reach before it is pruned again
  /// (`AnnualVolumeHorizon.pruneAt`).
  private var pruneAt: [ServiceID: Int] = [:]
  /// Per service, the first day of the horizon it was last pruned to: a report ending before
  /// it may restate one that was dropped.
  public private(set) var prunedBefore: [ServiceID: CivilDate] = [:]

  /// An earlier date whose annual volumes must stay answerable too (`restricted(upTo:)`):
  /// pruning keeps what the annual-volume rule needs as of either date.
  public let alsoAsOf: CivilDate?

  /// Whether it reads KPI reports (`kpis`); a view of volumes alone does not, and the replay
  /// cache, which keeps none, can then serve it.
  public let readsKPIs: Bool

  public init(retention: Retention = .all, alsoAsOf: CivilDate? = nil, readsKPIs: Bool = true) {
    self.retention = retention
    self.alsoAsOf = alsoAsOf
    self.readsKPIs = readsKPIs
  }

  /// Volume and KPI reports; every volume report unless it keeps only the annual volume's.
  public var reads: EventReads {
    var reads = EventReads([.volumeReported], volumeReports: retention)
    if readsKPIs { reads = reads.union(EventReads([.kpiReported])) }
    return reads
  }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    guard recorded.type == .volumeReported || (readsKPIs && recorded.type == .kpiReported) else {
      return
    }
    switch recorded.event {
    case .volumeReported(let report):
      var count = 0
      reports.update(report.service, default: []) { entries in
        count = Self.add(report, at: recorded.location, to: &entries)
      }
      // Pruning is asked about only from 32 entries: one lookup per report below that.
      let first = AnnualVolumeHorizon.pruneAt(afterKeeping: 0)
      guard retention != .all, count >= first, count >= pruneAt[report.service] ?? first else {
        return
      }
      var pruned: CivilDate?
      reports.update(report.service, default: []) { entries in
        pruned = Self.prune(&entries, keepingSeries: retention == .series, alsoAsOf: alsoAsOf)
        count = entries.count
      }
      pruneAt[report.service] = AnnualVolumeHorizon.pruneAt(afterKeeping: count)
      if let pruned { prunedBefore[report.service] = pruned }
    case .kpiReported(let report):
      var entries = kpis.removeValue(forKey: report.service) ?? []
      let index = Self.index(in: entries, to: report.to, from: report.from) { ($0.to, $0.from) }
      if index < entries.endIndex, entries[index].from == report.from,
        entries[index].to == report.to
      {
        entries[index] = report
      } else {
        entries.insert(report, at: index)
      }
      kpis[report.service] = entries
    default:
      break  // never given: `reads` declares volume and KPI reports only
    }
  }

  /// The history with every service pruned to its retention now: between prunings a service
  /// holds more than its retention keeps, so what is shown depends on the rule, not on when
  /// pruning last ran. Settled, it keeps what its own date needs (not `alsoAsOf`'s).
  public func settled() -> VolumeHistory {
    guard retention != .all else { return self }
    var settled = self
    for service in reports.keys {
      settled.reports.update(service, default: []) { entries in
        _ = Self.prune(&entries, keepingSeries: retention == .series)
      }
    }
    return settled
  }

  /// The current report of `service` for exactly `from`…`to`, if the history holds one.
  public func entry(of service: ServiceID, from: CivilDate, to: CivilDate) -> Entry? {
    guard let entries = reports[service] else { return nil }
    let index = Self.index(in: entries, to: to, from: from) { ($0.report.to, $0.report.from) }
    guard index < entries.count, entries[index].report.from == from, entries[index].report.to == to
    else { return nil }
    return entries[index]
  }

  /// The annual volume of `service` from its current reports (docs/ledger-format.md, "The annual volume").
  public func annualVolume(of service: ServiceID) -> AnnualVolume {
    AnnualVolume(reports[service]?.map(\.report) ?? [])
  }

  /// Adds `report` to a service's entries (sorted by `to`, then `from`), replacing and counting
  /// as restated an entry for the same period.
  /// - Returns: how many entries the service has now.
  @discardableResult
  static func add(_ report: VolumeReported, at location: EventLocation?, to entries: inout [Entry])
    -> Int
  {
    let index = Self.index(in: entries, to: report.to, from: report.from) {
      ($0.report.to, $0.report.from)
    }
    if index < entries.count, entries[index].report.from == report.from,
      entries[index].report.to == report.to
    {
      entries[index].restatements += 1
      entries[index].previousTotal = entries[index].report.total
      entries[index].report = report
      entries[index].location = location
    } else {
      let entry = Entry(report: report, restatements: 0, previousTotal: nil, location: location)
      if index == entries.count { entries.append(entry) } else { entries.insert(entry, at: index) }
    }
    return entries.count
  }

  /// The first index in `entries` (sorted by `to`, then `from`) whose period is not before
  /// `to`, `from`. Reports mostly arrive in order, so the end is tried first.
  static func index<Entries: RandomAccessCollection>(
    in entries: Entries, to: CivilDate, from: CivilDate,
    _ period: (Entries.Element) -> (to: CivilDate, from: CivilDate)
  ) -> Int where Entries.Index == Int {
    func before(_ element: Entries.Element) -> Bool { period(element) < (to, from) }
    if let last = entries.indices.last, before(entries[last]) { return entries.endIndex }
    return entries.partitionIndex(where: before)
  }

  /// Drops the entries the annual-volume rule can no longer use (`AnnualVolumeHorizon`), as
  /// of the latest report and, when `alsoAsOf` is given, as of the latest ending by then;
  /// keeps quarterly and 12-month reports too when `keepingSeries`.
  /// - Returns: the first day of the horizon: entries ending before it may have been dropped.
  static func prune(_ entries: inout [Entry], keepingSeries: Bool, alsoAsOf: CivilDate? = nil)
    -> CivilDate?
  {
    let periods = entries.map { ($0.report.to.dayNumber, $0.report.from.dayNumber) }
    guard let horizon = AnnualVolumeHorizon(count: periods.count, period: { periods[$0] })
    else { return nil }
    var earlier: AnnualVolumeHorizon?
    if let alsoAsOf {
      let count = periods.prefix { $0.0 <= alsoAsOf.dayNumber }.count
      earlier = AnnualVolumeHorizon(count: count, period: { periods[$0] })
    }
    func drops(_ entry: Entry) -> Bool {
      let report = entry.report
      let period = (report.to.dayNumber, report.from.dayNumber)
      if horizon.keeps(period) || earlier?.keeps(period) == true { return false }
      return
        !(keepingSeries
        && (report.days == 365 || report.days == 366 || TakeUpSeries.isQuarter(report)))
    }
    // What is dropped is mostly the oldest entries: removed at once, moving the rest once, where
    // a partition swaps each entry kept past those dropped (8% of a replay's merge). What is
    // left to drop after them (rarely anything) is partitioned out; with nothing to drop, that
    // only looks.
    entries.removeFirst(entries.firstIndex { !drops($0) } ?? entries.endIndex)
    entries.removeAll(where: drops)
    return CivilDate(dayNumber: min(horizon.start, earlier?.start ?? horizon.start))
  }

  /// The history as folded as of `date`, an earlier date than this one's (the `alsoAsOf` it
  /// was kept for): the reports and KPI reports ending by then. Every report of a period
  /// ending by `date` is in force at both dates, so its entry and restatements are the same.
  public func restricted(upTo date: CivilDate) -> VolumeHistory {
    var earlier = VolumeHistory(retention: retention, readsKPIs: readsKPIs)
    for (service, entries) in reports {
      let kept = entries.prefix { $0.report.to <= date }
      if !kept.isEmpty { earlier.reports[service] = Array(kept) }
    }
    for (service, entries) in kpis {
      let kept = entries.prefix { $0.to <= date }
      if !kept.isEmpty { earlier.kpis[service] = kept }
    }
    earlier.prunedBefore = prunedBefore
    return earlier
  }
}

extension VolumeHistory: Fold {}
