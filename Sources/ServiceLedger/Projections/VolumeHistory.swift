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
  public enum Retention: Sendable, Equatable {
    /// Every current report: for views that show series and restatements.
    case all
    /// Only the reports the annual-volume rule can still use (those in the 12 months ending at
    /// the latest report, and the two latest-ending 12-month reports): memory stays bounded by
    /// the number of services however long the log grows.
    case annualVolume
  }

  /// Per service, its current reports sorted by `to`, then `from`.
  public private(set) var reports: [ServiceID: [Entry]] = [:]
  /// Per service, its current KPI reports sorted by `to`, then `from`.
  public private(set) var kpis: [ServiceID: [KPIReported]] = [:]
  /// What is kept.
  public let retention: Retention

  public init(retention: Retention = .all) { self.retention = retention }

  /// The history after folding every event of `timeline`.
  public init(_ timeline: Timeline, retention: Retention = .all) {
    self.init(retention: retention)
    for event in timeline.events { apply(event) }
  }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    guard recorded.type == .volumeReported || recorded.type == .kpiReported else { return }
    switch recorded.event {
    case .volumeReported(let report):
      let prunes = retention == .annualVolume
      reports.update(report.service, default: []) { entries in
        if Self.add(report, at: recorded.location, to: &entries) > 64, prunes {
          Self.prune(&entries)
        }
      }
    case .kpiReported(let report):
      var entries = kpis.removeValue(forKey: report.service) ?? []
      let index = Self.index(in: entries, to: report.to, from: report.from) { ($0.to, $0.from) }
      if index < entries.count, entries[index].from == report.from, entries[index].to == report.to {
        entries[index] = report
      } else {
        entries.insert(report, at: index)
      }
      kpis[report.service] = entries
    case .strategyPublished, .actionDefined, .milestoneDefined, .milestoneMet, .actionProgressed,
      .serviceRegistered, .serviceUpdated, .serviceRetired, .exemplarDesignated, .phaseEntered,
      .assessmentRecorded, .managerAppointed, .managerDeparted, .govukTransitioned,
      .assistedDigitalProvided, .assistedDigitalWithdrawn, .componentAdopted, .costsSet,
      .barrierIdentified, .barrierRemoved, .eventRetracted:
      break
    case .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered, .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed,
      .itemAssessed, .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld,
      .serviceChannelOffered, .serviceMaturitySet, .requestRuleDefined, .requestReceived,
      .requestAccessGranted, .requestCorrectionMade, .requestSubjectNotified:
      break  // plans of any form: PlanRegistry
    }
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
  static func index<Element>(
    in entries: [Element], to: CivilDate, from: CivilDate,
    _ period: (Element) -> (to: CivilDate, from: CivilDate)
  ) -> Int {
    func before(_ element: Element) -> Bool { period(element) < (to, from) }
    if let last = entries.indices.last, before(entries[last]) { return entries.count }
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if before(entries[mid]) { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Drops the entries the annual-volume rule can no longer use: those ending before the 12
  /// months that end at the latest report, except the 12-month reports ending on the two
  /// latest dates any 12-month report ends on (rule 3 may need the latest before the end).
  static func prune(_ entries: inout [Entry]) {
    guard let end = entries.last?.report.to else { return }
    let start = end.startOfTwelveMonthsEnding
    func isYear(_ report: VolumeReported) -> Bool { report.days == 365 || report.days == 366 }
    // Entries are sorted by `to`: from the end, the first two dates a 12-month report ends on.
    var latest: CivilDate?
    var before: CivilDate?
    for index in entries.indices.reversed() where isYear(entries[index].report) {
      let to = entries[index].report.to
      if latest == nil {
        latest = to
      } else if to != latest {
        before = to
        break
      }
    }
    entries.removeAll { entry in
      entry.report.to < start
        && !(isYear(entry.report) && (entry.report.to == latest || entry.report.to == before))
    }
  }
}
