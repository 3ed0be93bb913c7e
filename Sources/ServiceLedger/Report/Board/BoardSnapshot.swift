/// Every projection the board report reads, folded once at one date: the state of the
/// portfolio as of `asOf`, as known at `knownAt`.
public struct BoardSnapshot: Sendable {
  /// Valid time.
  public let asOf: CivilDate
  /// The events in force.
  public let timeline: Timeline
  public let catalogue: Catalogue
  public let volumes: VolumeHistory
  public let priorities: Priorities
  public let shift: ChannelShift
  public let coverage: AssistedDigitalCoverage
  public let roster: ManagerRoster
  public let exemplars: ExemplarProgress
  public let progress: StrategyProgress
  /// The standard rules' findings (`ledger check` without the data rules), ordered as
  /// `CheckReport` orders them.
  public let findings: [Finding]

  /// Folds `ledger` as of `asOf`, leaving out events recorded after `knownAt`.
  public init(_ ledger: Ledger, asOf: CivilDate, knownAt: Timestamp?) {
    let timeline = Timeline(ledger, asOf: asOf, knownAt: knownAt)
    let catalogue = Catalogue(timeline)
    let volumes = VolumeHistory(timeline)
    self.asOf = asOf
    self.timeline = timeline
    self.catalogue = catalogue
    self.volumes = volumes
    priorities = Priorities(asOf: asOf, catalogue: catalogue, volumes: volumes)
    shift = ChannelShift(
      asOf: asOf, catalogue: catalogue, volumes: volumes, unitCosts: UnitCosts(timeline))
    coverage = AssistedDigitalCoverage(asOf: asOf, catalogue: catalogue, volumes: volumes)
    roster = ManagerRoster(asOf: asOf, catalogue: catalogue, volumes: volumes)
    exemplars = ExemplarProgress(asOf: asOf, catalogue: catalogue, volumes: volumes)
    progress = StrategyProgress(timeline)
    let standard = CheckRule.allCases.filter { !$0.isDataRule }
    // The timeline already folded, not the log filtered once more.
    let facts = StandardFacts(timeline)
    findings =
      CheckReport(
        asOf: asOf, findings: StandardRules.findings(facts, rules: standard), rules: standard
      ).findings
  }

  /// The take-up series of `service` (quarterly when it has any quarterly report).
  public func series(of service: ServiceID) -> TakeUpSeries {
    TakeUpSeries(volumes.reports[service] ?? [])
  }

  /// The 12-month and latest-quarter take-up of `service`.
  public func takeUp(of service: ServiceID) -> TakeUpFigures {
    shift.rows.first { $0.service.id == service }?.takeUp
      ?? TakeUpFigures(
        annual: volumes.annualVolume(of: service), reports: volumes.reports[service] ?? [])
  }

  /// Exemplar and high-volume services, in priority order.
  public var priorityRows: [Priorities.Row] { priorities.rows.filter(\.priority.isPriority) }
}
