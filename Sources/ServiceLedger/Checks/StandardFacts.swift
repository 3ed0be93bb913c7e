/// What the standard rules look at: the ledger folded once at a date, shared by every rule.
public struct StandardFacts: Sendable {
  /// Valid time of the check.
  public let asOf: CivilDate
  /// The service standard in force on `asOf`, whose points the messages cite.
  public let standard: ServiceStandard
  /// Annual volume over which a service is high-volume.
  public let threshold: Int
  public let catalogue: Catalogue
  public let volumes: VolumeHistory
  public let evidence: ServiceEvidence
  public let progress: StrategyProgress
  /// Every plan at `asOf`, for the plan rules.
  public let plans: PlanRegistry
  /// Data subjects' requests and the rules for answering them, for `subject-request-sla`.
  public let requests: SubjectRequests

  /// Folds `ledger` as of `asOf`, as known at `knownAt`.
  public init(
    _ ledger: Ledger, asOf: CivilDate, knownAt: Timestamp? = nil,
    threshold: Int = Priority.defaultThreshold
  ) {
    let timeline = Timeline(ledger, asOf: asOf, knownAt: knownAt)
    self.asOf = asOf
    self.standard = .inForce(on: asOf)
    self.threshold = threshold
    self.catalogue = Catalogue(timeline)
    self.volumes = VolumeHistory(timeline)
    self.evidence = ServiceEvidence(timeline)
    self.progress = StrategyProgress(timeline)
    self.plans = PlanRegistry(timeline)
    self.requests = SubjectRequests(timeline)
  }

  /// The services that count at `asOf` and are in one of `phases`, sorted by id.
  public func services(in phases: Set<Phase>) -> [ServiceRecord] {
    catalogue.services.filter { record in record.phase.map(phases.contains) ?? false }
  }

  /// The priority of a service at `asOf` (docs/ledger-format.md, "Priority classes").
  public func priority(of record: ServiceRecord) -> Priority {
    Priority(record, volume: volumes.annualVolume(of: record.id), threshold: threshold)
  }

  /// Why a service is a priority, for messages: `an exemplar of moj-2012`, `part of the
  /// exemplar civil-claims of moj-2012` or `high-volume: 1,882,828 transactions a year`.
  func priorityReason(of record: ServiceRecord) -> String {
    if let exemplar = record.exemplar {
      return exemplar.exemplar.rawValue == record.id.rawValue
        ? "an exemplar of \(exemplar.strategy)"
        : "part of the exemplar \(exemplar.exemplar) of \(exemplar.strategy)"
    }
    let volume = volumes.annualVolume(of: record.id).volume ?? 0
    return "high-volume: \(Format.integer(volume)) transactions a year"
  }
}
