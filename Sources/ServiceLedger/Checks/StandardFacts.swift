/// What the standard rules look at: the ledger folded once at a date, shared by every rule.
public struct StandardFacts: Sendable {
  /// Valid time of the check.
  public let asOf: CivilDate
  /// The service standard in force on `asOf`, whose points the messages cite.
  public let standard: ServiceStandard
  /// Annual volume over which a service is high-volume.
  public let threshold: Int
  public let catalogue: Catalogue
  /// The reports the annual-volume rule uses (`VolumeHistory.Retention.annualVolume`).
  public let volumes: VolumeHistory
  public let evidence: ServiceEvidence
  public let progress: StrategyProgress
  /// Every plan at `asOf`, for the plan rules.
  public let plans: PlanRegistry
  /// Data subjects' requests and the rules for answering them, for `subject-request-sla`.
  public let requests: SubjectRequests
  /// Per service, the latest end of a current volume report with a digital count.
  let digitalReportEnds: DigitalReportEnds

  /// The projections the facts are read from, folded one event in force at a time: from a
  /// timeline, or from a streamed replay that never holds the log.
  struct Fold: ServiceLedger.Fold {
    var catalogue = Catalogue()
    /// Only the reports the annual-volume rule uses: memory bounded by the services, not
    /// the log. The rules read the latest report (never dropped) and, through
    /// `digitalReportEnds`, the latest with a digital count.
    var volumes = VolumeHistory(retention: .annualVolume)
    var digitalReportEnds = DigitalReportEnds()
    var evidence = ServiceEvidence()
    var progress: StrategyProgress
    var plans: PlanRegistry
    var requests: SubjectRequests

    /// The fold as of `asOf`; `retention` says which volume reports it keeps beyond those the
    /// rules use (the board report keeps its series in the same history).
    init(
      asOf: CivilDate, retention: VolumeHistory.Retention = .annualVolume,
      alsoAsOf: CivilDate? = nil
    ) {
      volumes = VolumeHistory(retention: retention, alsoAsOf: alsoAsOf)
      progress = StrategyProgress(asOf: asOf)
      plans = PlanRegistry(asOf: asOf)
      requests = SubjectRequests(asOf: asOf)
    }

    var reads: EventReads {
      [volumes.reads, digitalReportEnds.reads, evidence.reads, progress.reads, plans.reads]
        .reduce(catalogue.reads) { $0.union($1) }.union(requests.reads)
    }

    /// Folds one event in force in.
    mutating func apply(_ event: RecordedEvent) {
      switch event.type {
      case .volumeReported:
        volumes.apply(event)
        digitalReportEnds.apply(event)
      case .kpiReported:
        volumes.apply(event)
      default:
        // None of these reads volume or KPI reports (`EventReads.allButReports`).
        catalogue.apply(event)
        evidence.apply(event)
        progress.apply(event)
        plans.apply(event)
        requests.apply(event)
      }
    }

    /// The volume history and digital report ends of `later`, a fold as of a later date kept
    /// for this one's (`alsoAsOf`), as of this fold's date: for a fold given no volume or KPI
    /// reports of its own.
    mutating func takeVolumes(from later: Fold, upTo date: CivilDate) {
      volumes = later.volumes.restricted(upTo: date)
      digitalReportEnds = later.digitalReportEnds.restricted(upTo: date)
    }
  }

  /// The facts of a finished fold as of `asOf`.
  init(_ fold: Fold, asOf: CivilDate, threshold: Int) {
    self.asOf = asOf
    self.standard = .inForce(on: asOf)
    self.threshold = threshold
    self.catalogue = fold.catalogue
    self.volumes = fold.volumes
    self.digitalReportEnds = fold.digitalReportEnds
    self.evidence = fold.evidence
    self.progress = fold.progress
    self.plans = fold.plans
    self.requests = fold.requests
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
