/// One fact of the catalogue: the typed payload of an event, tagged by its type.
public enum Event: Sendable, Equatable {
  case strategyPublished(StrategyPublished)
  case actionDefined(ActionDefined)
  case milestoneDefined(MilestoneDefined)
  case milestoneMet(MilestoneMet)
  case actionProgressed(ActionProgressed)
  case serviceRegistered(ServiceRegistered)
  case serviceUpdated(ServiceUpdated)
  case serviceRetired(ServiceRetired)
  case exemplarDesignated(ExemplarDesignated)
  case phaseEntered(PhaseEntered)
  case assessmentRecorded(AssessmentRecorded)
  case managerAppointed(ManagerAppointed)
  case managerDeparted(ManagerDeparted)
  case govukTransitioned(GovukTransitioned)
  case assistedDigitalProvided(AssistedDigitalProvided)
  case assistedDigitalWithdrawn(AssistedDigitalWithdrawn)
  case componentAdopted(ComponentAdopted)
  case volumeReported(VolumeReported)
  case kpiReported(KPIReported)
  case costsSet(CostsSet)
  case barrierIdentified(BarrierIdentified)
  case barrierRemoved(BarrierRemoved)
  case eventRetracted(EventRetracted)
  case organisationRegistered(OrganisationRegistered)
  case bodyFormed(BodyFormed)
  case bodyMemberJoined(BodyMemberJoined)
  case bodyMandateEnded(BodyMandateEnded)
  case planRegistered(PlanRegistered)
  case planStatusChanged(PlanStatusChanged)
  case itemDefined(ItemDefined)
  case responsibilityAssigned(ResponsibilityAssigned)
  case itemProgressed(ItemProgressed)
  case itemAssessed(ItemAssessed)
  case itemTracked(ItemTracked)
  case countDeclared(CountDeclared)
  case targetSet(TargetSet)
  case targetMeasured(TargetMeasured)
  case participationHeld(ParticipationHeld)
  case serviceChannelOffered(ServiceChannelOffered)
  case serviceMaturitySet(ServiceMaturitySet)
  case requestRuleDefined(RequestRuleDefined)
  case requestReceived(RequestReceived)
  case requestAccessGranted(RequestAccessGranted)
  case requestCorrectionMade(RequestCorrectionMade)
  case requestSubjectNotified(RequestSubjectNotified)

  /// The payload, type-erased.
  public var payload: any EventPayload {
    switch self {
    case .strategyPublished(let p): return p
    case .actionDefined(let p): return p
    case .milestoneDefined(let p): return p
    case .milestoneMet(let p): return p
    case .actionProgressed(let p): return p
    case .serviceRegistered(let p): return p
    case .serviceUpdated(let p): return p
    case .serviceRetired(let p): return p
    case .exemplarDesignated(let p): return p
    case .phaseEntered(let p): return p
    case .assessmentRecorded(let p): return p
    case .managerAppointed(let p): return p
    case .managerDeparted(let p): return p
    case .govukTransitioned(let p): return p
    case .assistedDigitalProvided(let p): return p
    case .assistedDigitalWithdrawn(let p): return p
    case .componentAdopted(let p): return p
    case .volumeReported(let p): return p
    case .kpiReported(let p): return p
    case .costsSet(let p): return p
    case .barrierIdentified(let p): return p
    case .barrierRemoved(let p): return p
    case .eventRetracted(let p): return p
    case .organisationRegistered(let p): return p
    case .bodyFormed(let p): return p
    case .bodyMemberJoined(let p): return p
    case .bodyMandateEnded(let p): return p
    case .planRegistered(let p): return p
    case .planStatusChanged(let p): return p
    case .itemDefined(let p): return p
    case .responsibilityAssigned(let p): return p
    case .itemProgressed(let p): return p
    case .itemAssessed(let p): return p
    case .itemTracked(let p): return p
    case .countDeclared(let p): return p
    case .targetSet(let p): return p
    case .targetMeasured(let p): return p
    case .participationHeld(let p): return p
    case .serviceChannelOffered(let p): return p
    case .serviceMaturitySet(let p): return p
    case .requestRuleDefined(let p): return p
    case .requestReceived(let p): return p
    case .requestAccessGranted(let p): return p
    case .requestCorrectionMade(let p): return p
    case .requestSubjectNotified(let p): return p
    }
  }

  /// The event's type.
  public var type: EventType { Swift.type(of: payload).type }

  /// Decodes `data` as the payload of `type`.
  /// - Throws: `EventError` naming the field that is wrong.
  public static func decode(type: EventType, data: [JSONMember], normalising: Bool)
    throws(EventError) -> Event
  {
    let decoder = try PayloadDecoder(
      members: data, fields: type.fields, type: type.rawValue, normalising: normalising)
    return try type.payloadType.init(from: decoder).asEvent
  }

  /// The payload as a JSON object in catalogue field order.
  public var data: JSONValue {
    var encoder = PayloadEncoder()
    payload.encode(to: &encoder)
    return .object(encoder.members)
  }

  /// `data` with its numbers as `null`: the same strings at the same paths, for a reader of
  /// the payload's text (`personal-data`), without formatting every count of a long log.
  var textData: JSONValue {
    var encoder = PayloadEncoder.textOnly()
    payload.encode(to: &encoder)
    return .object(encoder.members)
  }
}
