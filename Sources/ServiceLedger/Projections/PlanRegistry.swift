/// Every plan at a date (`ledger plans`, `ledger plan ID`, the plan rules of `ledger check`):
/// a pure fold over the events in force.
///
/// Strategies recorded in the v1 shape are read as plans through `Upcaster.planEvents`. An
/// item's progress is its latest `item.progressed` (by `on`; same day: the later recorded); an
/// assessment is the latest from each perspective; a plan's recorded status is its latest
/// `plan.status-changed`, and its status at the date is that or, when later, the end of its
/// governing body's mandate (see `PlanRegistry.Plan.status`).
public struct PlanRegistry: Sendable, Equatable {
  /// The as-of date.
  public let asOf: CivilDate
  var organisations: [OrganisationID: OrganisationRegistered] = [:]
  var bodies: [BodyID: BodyFormed] = [:]
  var members: [BodyID: [BodyMemberJoined]] = [:]
  var mandateEnds: [BodyID: [BodyMandateEnded]] = [:]
  var plans: [PlanID: PlanRegistered] = [:]
  var statuses: [PlanID: [PlanStatusChanged]] = [:]
  var items: [PlanID: [ItemDefined]] = [:]
  var responsibilities: [PlanItemKey: [ResponsibilityAssigned]] = [:]
  var progress: [PlanItemKey: ItemProgressed] = [:]
  var firstDone: [PlanItemKey: ItemProgressed] = [:]
  var assessments: [PlanItemKey: [Perspective: ItemAssessed]] = [:]
  var tracked: [PlanItemKey: ItemTracked] = [:]
  var declared: [PlanID: [CountDeclared]] = [:]
  var declaredByOrganisation: [OrganisationID: [CountDeclared]] = [:]
  var targets: [PlanItemKey: TargetSet] = [:]
  var measures: [PlanItemKey: TargetMeasured] = [:]
  var participation: [PlanID: [ParticipationHeld]] = [:]
  var locations: [String: EventLocation] = [:]

  /// Nothing known at `asOf`.
  public init(asOf: CivilDate) { self.asOf = asOf }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    guard Upcaster.readsAsPlan(recorded.type) else { return }
    for event in Upcaster.planEvents(recorded.event) { apply(event, at: recorded.location) }
  }

  private mutating func apply(_ event: Event, at location: EventLocation?) {
    switch event {
    case .organisationRegistered(let p):
      organisations[p.organisation] = p
    case .bodyFormed(let p):
      bodies[p.body] = p
      locations["body \(p.body)"] = location
    case .bodyMemberJoined(let p):
      members[p.body, default: []].append(p)
    case .bodyMandateEnded(let p):
      mandateEnds[p.body, default: []].append(p)
      locations["end \(p.body) \(p.on)"] = location
    case .planRegistered(let p):
      plans[p.plan] = p
      locations["plan \(p.plan)"] = location
    case .planStatusChanged(let p):
      statuses[p.plan, default: []].append(p)
    case .itemDefined(let p):
      items[p.plan, default: []].append(p)
      locations["item \(p.plan) \(p.item)"] = location
    case .responsibilityAssigned(let p):
      responsibilities[PlanItemKey(p.plan, p.item), default: []].append(p)
    case .itemProgressed(let p):
      let key = PlanItemKey(p.plan, p.item)
      if p.status == .done, firstDone[key].map({ p.on < $0.on }) ?? true { firstDone[key] = p }
      if let known = progress[key], p.on < known.on { break }
      progress[key] = p
    case .itemAssessed(let p):
      let key = PlanItemKey(p.plan, p.item)
      if let known = assessments[key]?[p.perspective], p.on < known.on { break }
      assessments[key, default: [:]][p.perspective] = p
      locations["assessed \(p.plan) \(p.item) \(p.perspective.rawValue)"] = location
    case .itemTracked(let p):
      tracked[PlanItemKey(p.plan, p.item)] = p
      locations["tracked \(p.plan) \(p.item)"] = location
    case .countDeclared(let p):
      if let plan = p.plan { declared[plan, default: []].append(p) }
      if let organisation = p.organisation {
        declaredByOrganisation[organisation, default: []].append(p)
      }
      locations["declared \(p.plan?.rawValue ?? "") \(p.organisation?.rawValue ?? "") \(p.of)"] =
        location
    case .targetSet(let p):
      targets[PlanItemKey(p.plan, p.item)] = p
    case .targetMeasured(let p):
      let key = PlanItemKey(p.plan, p.item)
      if let known = measures[key], p.on < known.on { break }
      measures[key] = p
    case .participationHeld(let p):
      participation[p.plan, default: []].append(p)
    case .strategyPublished, .actionDefined, .milestoneDefined, .milestoneMet,
      .actionProgressed, .serviceRegistered, .serviceUpdated, .serviceRetired,
      .exemplarDesignated, .phaseEntered, .assessmentRecorded, .managerAppointed,
      .managerDeparted, .govukTransitioned, .assistedDigitalProvided, .assistedDigitalWithdrawn,
      .componentAdopted, .volumeReported, .kpiReported, .costsSet, .barrierIdentified,
      .barrierRemoved, .eventRetracted, .serviceChannelOffered, .serviceMaturitySet,
      .requestRuleDefined, .requestReceived, .requestAccessGranted, .requestCorrectionMade,
      .requestSubjectNotified:
      break  // read through Upcaster.planEvents, or not about plans
    }
  }
}

extension PlanRegistry: Fold {
  /// Everything but volume and KPI reports.
  public var reads: EventReads { .allButReports }
}
