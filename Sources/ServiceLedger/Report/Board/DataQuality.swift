/// How far the report's figures can be trusted: what is missing, late, estimated or restated.
public struct DataQuality: Sendable, Equatable {
  /// A service whose latest volume report ends before the report's date.
  public struct Behind: Sendable, Equatable {
    public var service: ServiceRecord
    public var priority: Priority
    /// The end of its latest report.
    public var to: CivilDate
    /// Whether that is more than `StaleVolumeRule.months` months before the report's date.
    public var isStale: Bool
  }

  /// A current report that replaced earlier ones.
  public struct Restated: Sendable, Equatable {
    public var service: ServiceRecord
    public var from: CivilDate
    public var to: CivilDate
    /// How many times the period was restated.
    public var times: Int
    /// The figure the latest restatement replaced.
    public var previousTotal: Int?
    public var total: Int
  }

  /// Lines of the log left out as invalid; nil with a knowledge time, whose report must not
  /// change when lines are added later.
  public var invalidLines: Int?
  /// By the end of the latest report, oldest first, then service id.
  public var behind: [Behind]
  /// Services with no volume report.
  public var noVolume: [ServiceRecord]
  /// Services with a volume whose annual basis has no digital figure, so take-up, cost and
  /// saving leave them out.
  public var noTakeUp: [ServiceRecord]
  /// Services whose annual volume is annualised from part of a year.
  public var annualised: [ServiceRecord]
  /// Services in the cost estimate whose non-digital channels are not all reported, so part
  /// of their volume is split 80% phone, 20% face to face.
  public var channelsEstimated: [ServiceRecord]
  /// Services with no phase recorded.
  public var noPhase: [ServiceRecord]
  /// Services with no KPI report.
  public var noKPIs: [ServiceRecord]
  /// Current reports that replaced earlier ones, by service id, then period.
  public var restated: [Restated]

  /// The data quality of `snapshot`; `invalidLines` as counted by the caller.
  public init(_ snapshot: BoardSnapshot, invalidLines: Int?) {
    self.invalidLines = invalidLines
    let limit = snapshot.asOf.adding(months: -StaleVolumeRule.months)
    let rows = snapshot.priorities.rows
    behind = rows.compactMap { row -> Behind? in
      guard let latest = snapshot.volumes.reports[row.service.id]?.last?.report.to,
        latest < snapshot.asOf
      else { return nil }
      return Behind(
        service: row.service, priority: row.priority, to: latest, isStale: latest < limit)
    }.sorted { ($0.to, $0.service.id) < ($1.to, $1.service.id) }
    let services = snapshot.catalogue.services
    let annual = Dictionary(
      rows.map { ($0.service.id, $0.annual) }, uniquingKeysWith: { first, _ in first })
    noVolume = services.filter { annual[$0.id]?.volume == nil }
    noTakeUp = services.filter { record in
      guard let year = annual[record.id], year.volume != nil else { return false }
      return year.digitalTakeUp == nil
    }
    annualised = services.filter { annual[$0.id]?.basis == .annualised }
    channelsEstimated = snapshot.shift.estimated.filter { row in
      row.annual.reports.contains { report in
        report.channels.compactMap { $0 }.reduce(0, +) < report.total
      }
    }.map(\.service).sorted { $0.id < $1.id }
    noPhase = services.filter { $0.phase == nil }
    noKPIs = services.filter { (snapshot.volumes.kpis[$0.id] ?? []).isEmpty }
    restated = services.flatMap { record in
      (snapshot.volumes.reports[record.id] ?? []).filter { $0.restatements > 0 }.map { entry in
        Restated(
          service: record, from: entry.report.from, to: entry.report.to,
          times: entry.restatements, previousTotal: entry.previousTotal,
          total: entry.report.total)
      }
    }
  }
}
