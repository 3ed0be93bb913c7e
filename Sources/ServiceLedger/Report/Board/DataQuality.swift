/// How far the report's figures can be trusted: what is missing, late, estimated or restated.
public struct DataQuality: Sendable, Equatable {
  /// A service whose latest volume report ends before the report's date.
  public struct Behind: Sendable, Equatable {
    public var service: ServiceRecord
    public var priority: Priority
    /// The end of its latest report.
    public var to: CivilDate
    /// Whether that is stale at the report's date (`Staleness`).
    public var isStale: Bool
  }

  /// A service with no 12-month digital figure that gives digital figures for another period.
  public struct DigitalElsewhere: Sendable, Equatable {
    public var service: ServiceRecord
    /// The latest report with a digital figure.
    public var from: CivilDate
    public var to: CivilDate
    /// Its take-up: digital ÷ all.
    public var takeUp: Double
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
  /// Those of `noTakeUp` that give digital figures for another period (a quarter, or an
  /// earlier 12 months), in the same order.
  public var digitalElsewhere: [DigitalElsewhere]
  /// Services whose annual volume is annualised from part of a year.
  public var annualised: [ServiceRecord]
  /// Services in the cost estimate whose non-digital channels are not all reported, so part
  /// of their volume is split 80% phone, 20% face to face.
  public var channelsEstimated: [ServiceRecord]
  /// Services with no phase recorded.
  public var noPhase: [ServiceRecord]
  /// Services with no KPI report.
  public var noKPIs: [ServiceRecord]
  /// Current reports that replaced earlier ones, among those the report uses (the history's
  /// `.series` retention), by service id, then period.
  public var restated: [Restated]

  /// The data quality of `snapshot`; `invalidLines` as counted by the caller.
  public init(_ snapshot: BoardSnapshot, invalidLines: Int?) {
    self.invalidLines = invalidLines
    let rows = snapshot.priorities.rows
    behind = rows.compactMap { row -> Behind? in
      guard let latest = snapshot.volumes.reports[row.service.id]?.last?.report.to,
        latest < snapshot.asOf
      else { return nil }
      return Behind(
        service: row.service, priority: row.priority, to: latest,
        isStale: Staleness.isStale(latest, asOf: snapshot.asOf))
    }.sorted { ($0.to, $0.service.id) < ($1.to, $1.service.id) }
    let services = snapshot.catalogue.services
    let annual = Dictionary(
      rows.map { ($0.service.id, $0.annual) }, uniquingKeysWith: { first, _ in first })
    noVolume = services.filter { annual[$0.id]?.volume == nil }
    noTakeUp = services.filter { record in
      guard let year = annual[record.id], year.volume != nil else { return false }
      return year.digitalTakeUp == nil
    }
    digitalElsewhere = noTakeUp.compactMap { record in
      let reports = snapshot.volumes.reports[record.id] ?? []
      guard
        let latest = reports.last(where: { $0.report.digital != nil && $0.report.total > 0 })?
          .report
      else { return nil }
      return DigitalElsewhere(
        service: record, from: latest.from, to: latest.to,
        takeUp: Double(latest.digital ?? 0) / Double(latest.total))
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
