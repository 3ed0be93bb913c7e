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

  /// Per service, its current reports sorted by `to`, then `from`.
  public private(set) var reports: [ServiceID: [Entry]] = [:]
  /// Per service, its current KPI reports sorted by `to`, then `from`.
  public private(set) var kpis: [ServiceID: [KPIReported]] = [:]

  public init() {}

  /// The history after folding every event of `timeline`.
  public init(_ timeline: Timeline) {
    for event in timeline.events { apply(event) }
  }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    switch recorded.event {
    case .volumeReported(let report):
      var entries = reports[report.service, default: []]
      if let index = entries.firstIndex(where: { $0.report.from == report.from && $0.report.to == report.to }) {
        entries[index].restatements += 1
        entries[index].previousTotal = entries[index].report.total
        entries[index].report = report
        entries[index].location = recorded.location
      } else {
        let entry = Entry(report: report, restatements: 0, previousTotal: nil, location: recorded.location)
        let index = entries.firstIndex { ($0.report.to, $0.report.from) > (report.to, report.from) }
        entries.insert(entry, at: index ?? entries.endIndex)
      }
      reports[report.service] = entries
    case .kpiReported(let report):
      var entries = kpis[report.service, default: []]
      entries.removeAll { $0.from == report.from && $0.to == report.to }
      let index = entries.firstIndex { ($0.to, $0.from) > (report.to, report.from) }
      entries.insert(report, at: index ?? entries.endIndex)
      kpis[report.service] = entries
    case .strategyPublished, .actionDefined, .milestoneDefined, .milestoneMet, .actionProgressed,
      .serviceRegistered, .serviceUpdated, .serviceRetired, .exemplarDesignated, .phaseEntered,
      .assessmentRecorded, .managerAppointed, .managerDeparted, .govukTransitioned,
      .assistedDigitalProvided, .assistedDigitalWithdrawn, .componentAdopted, .costsSet,
      .barrierIdentified, .barrierRemoved, .eventRetracted:
      break
    }
  }

  /// The annual volume of `service` from its current reports (DESIGN.md section 4).
  public func annualVolume(of service: ServiceID) -> AnnualVolume {
    AnnualVolume(reports[service]?.map(\.report) ?? [])
  }
}
