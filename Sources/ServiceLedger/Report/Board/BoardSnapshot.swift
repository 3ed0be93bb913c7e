/// Every projection the board report reads, folded once at one date: the state of the
/// portfolio as of `asOf`, as known at `knownAt`.
public struct BoardSnapshot: Sendable {
  /// Valid time.
  public let asOf: CivilDate
  public let catalogue: Catalogue
  /// The reports the annual volumes and the take-up series use (`VolumeHistory.Retention
  /// .series`), and every KPI report.
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

  /// What a snapshot folds: the standard rules' facts, whose volume history keeps the series
  /// too, and the unit costs.
  public struct Fold: ServiceLedger.Fold, Sendable {
    var facts: StandardFacts.Fold
    var costs = UnitCosts.Fold()
    let asOf: CivilDate

    /// The empty fold as of `asOf`; with `alsoAsOf`, its volume history also keeps what a
    /// snapshot as of that earlier date needs (`taking(volumesOf:)`).
    public init(asOf: CivilDate, alsoAsOf: CivilDate? = nil) {
      self.asOf = asOf
      facts = StandardFacts.Fold(asOf: asOf, retention: .series, alsoAsOf: alsoAsOf)
    }

    /// This fold, given no volume or KPI reports itself, with the volume history of `later`
    /// (kept for this fold's date) as of this fold's date.
    func taking(volumesOf later: Fold) -> Fold {
      var fold = self
      fold.facts.takeVolumes(from: later.facts, upTo: asOf)
      return fold
    }

    public var reads: EventReads { facts.reads.union(costs.reads) }

    public mutating func apply(_ event: RecordedEvent) {
      facts.apply(event)
      if event.type == .costsSet { costs.apply(event) }
    }

    /// The volume history so far.
    var volumes: VolumeHistory { facts.volumes }
  }

  /// The snapshot of a finished fold.
  public init(_ fold: Fold) {
    let asOf = fold.asOf
    let catalogue = fold.facts.catalogue
    let volumes = fold.facts.volumes.settled()
    self.asOf = asOf
    self.catalogue = catalogue
    self.volumes = volumes
    priorities = Priorities(asOf: asOf, catalogue: catalogue, volumes: volumes)
    shift = ChannelShift(
      asOf: asOf, catalogue: catalogue, volumes: volumes, unitCosts: fold.costs.unitCosts)
    coverage = AssistedDigitalCoverage(asOf: asOf, catalogue: catalogue, volumes: volumes)
    roster = ManagerRoster(asOf: asOf, catalogue: catalogue, volumes: volumes)
    exemplars = ExemplarProgress(asOf: asOf, catalogue: catalogue, volumes: volumes)
    progress = fold.facts.progress
    let standard = CheckRule.allCases.filter { !$0.isDataRule }
    let facts = StandardFacts(fold.facts, asOf: asOf, threshold: Priority.defaultThreshold)
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
