/// Every event type of the v1 catalogue, with its stable on-disk name.
public enum EventType: String, CaseIterable, Sendable, Hashable {
  case strategyPublished = "strategy.published"
  case actionDefined = "action.defined"
  case milestoneDefined = "milestone.defined"
  case milestoneMet = "milestone.met"
  case actionProgressed = "action.progressed"
  case serviceRegistered = "service.registered"
  case serviceUpdated = "service.updated"
  case serviceRetired = "service.retired"
  case exemplarDesignated = "exemplar.designated"
  case phaseEntered = "phase.entered"
  case assessmentRecorded = "assessment.recorded"
  case managerAppointed = "manager.appointed"
  case managerDeparted = "manager.departed"
  case govukTransitioned = "govuk.transitioned"
  case assistedDigitalProvided = "assisted-digital.provided"
  case assistedDigitalWithdrawn = "assisted-digital.withdrawn"
  case componentAdopted = "component.adopted"
  case volumeReported = "volume.reported"
  case kpiReported = "kpi.reported"
  case costsSet = "costs.set"
  case barrierIdentified = "barrier.identified"
  case barrierRemoved = "barrier.removed"
  case eventRetracted = "event.retracted"
  // Plans of any form (docs/ledger-format.md).
  case organisationRegistered = "organisation.registered"
  case bodyFormed = "body.formed"
  case bodyMemberJoined = "body.member-joined"
  case bodyMandateEnded = "body.mandate-ended"
  case planRegistered = "plan.registered"
  case planStatusChanged = "plan.status-changed"
  case itemDefined = "item.defined"
  case responsibilityAssigned = "responsibility.assigned"
  case itemProgressed = "item.progressed"
  case itemAssessed = "item.assessed"
  case itemTracked = "item.tracked"
  case countDeclared = "count.declared"
  case targetSet = "target.set"
  case targetMeasured = "target.measured"
  case participationHeld = "participation.held"
  // Services' channels and maturity; data subjects' requests (docs/ledger-format.md).
  case serviceChannelOffered = "service.channel-offered"
  case serviceMaturitySet = "service.maturity-set"
  case requestRuleDefined = "request-rule.defined"
  case requestReceived = "request.received"
  case requestAccessGranted = "request.access-granted"
  case requestCorrectionMade = "request.correction-made"
  case requestSubjectNotified = "request.subject-notified"

  /// The payload type that holds this event's `data`.
  public var payloadType: any EventPayload.Type {
    switch self {
    case .strategyPublished: return StrategyPublished.self
    case .actionDefined: return ActionDefined.self
    case .milestoneDefined: return MilestoneDefined.self
    case .milestoneMet: return MilestoneMet.self
    case .actionProgressed: return ActionProgressed.self
    case .serviceRegistered: return ServiceRegistered.self
    case .serviceUpdated: return ServiceUpdated.self
    case .serviceRetired: return ServiceRetired.self
    case .exemplarDesignated: return ExemplarDesignated.self
    case .phaseEntered: return PhaseEntered.self
    case .assessmentRecorded: return AssessmentRecorded.self
    case .managerAppointed: return ManagerAppointed.self
    case .managerDeparted: return ManagerDeparted.self
    case .govukTransitioned: return GovukTransitioned.self
    case .assistedDigitalProvided: return AssistedDigitalProvided.self
    case .assistedDigitalWithdrawn: return AssistedDigitalWithdrawn.self
    case .componentAdopted: return ComponentAdopted.self
    case .volumeReported: return VolumeReported.self
    case .kpiReported: return KPIReported.self
    case .costsSet: return CostsSet.self
    case .barrierIdentified: return BarrierIdentified.self
    case .barrierRemoved: return BarrierRemoved.self
    case .eventRetracted: return EventRetracted.self
    case .organisationRegistered: return OrganisationRegistered.self
    case .bodyFormed: return BodyFormed.self
    case .bodyMemberJoined: return BodyMemberJoined.self
    case .bodyMandateEnded: return BodyMandateEnded.self
    case .planRegistered: return PlanRegistered.self
    case .planStatusChanged: return PlanStatusChanged.self
    case .itemDefined: return ItemDefined.self
    case .responsibilityAssigned: return ResponsibilityAssigned.self
    case .itemProgressed: return ItemProgressed.self
    case .itemAssessed: return ItemAssessed.self
    case .itemTracked: return ItemTracked.self
    case .countDeclared: return CountDeclared.self
    case .targetSet: return TargetSet.self
    case .targetMeasured: return TargetMeasured.self
    case .participationHeld: return ParticipationHeld.self
    case .serviceChannelOffered: return ServiceChannelOffered.self
    case .serviceMaturitySet: return ServiceMaturitySet.self
    case .requestRuleDefined: return RequestRuleDefined.self
    case .requestReceived: return RequestReceived.self
    case .requestAccessGranted: return RequestAccessGranted.self
    case .requestCorrectionMade: return RequestCorrectionMade.self
    case .requestSubjectNotified: return RequestSubjectNotified.self
    }
  }

  /// The payload's fields, in the order the writer emits them.
  public var fields: [FieldSpec] { payloadType.fields }

  /// The type named `name`, or an error suggesting the types near it, else listing the
  /// catalogue.
  public static func named(_ name: String) throws(EventError) -> EventType {
    guard let type = EventType(rawValue: name) else {
      throw EventError(
        field: "type", "\(Format.quoted(name)) is not an event type; " + advice(for: name))
    }
    return type
  }

  /// What to say of `name`, which is not a type: the types near it (`did you mean
  /// volume.reported?`), else the whole catalogue.
  public static func advice(for name: String) -> String {
    let near = NearNames.suggestions(for: name, among: allCases.map { ($0.rawValue, nil) })
    guard near.isEmpty else { return "did you mean " + near.joined(separator: ", or ") + "?" }
    return "the catalogue has " + allCases.map(\.rawValue).joined(separator: ", ")
  }
}
