/// One fact of the catalogue: the typed payload of an event, tagged by its type.
///
/// The reports that make up most of a long log are held in place; every other payload is held
/// in a box of its own (`indirect`), so that an event is no wider than a volume report: a
/// replay moves millions of events, and an enum as wide as its widest payload would copy
/// hundreds of bytes for each.
public enum Event: Sendable, Equatable {
  indirect case strategyPublished(StrategyPublished)
  indirect case actionDefined(ActionDefined)
  indirect case milestoneDefined(MilestoneDefined)
  indirect case milestoneMet(MilestoneMet)
  indirect case actionProgressed(ActionProgressed)
  indirect case serviceRegistered(ServiceRegistered)
  indirect case serviceUpdated(ServiceUpdated)
  indirect case serviceRetired(ServiceRetired)
  indirect case exemplarDesignated(ExemplarDesignated)
  indirect case phaseEntered(PhaseEntered)
  indirect case assessmentRecorded(AssessmentRecorded)
  indirect case managerAppointed(ManagerAppointed)
  indirect case managerDeparted(ManagerDeparted)
  indirect case govukTransitioned(GovukTransitioned)
  indirect case assistedDigitalProvided(AssistedDigitalProvided)
  indirect case assistedDigitalWithdrawn(AssistedDigitalWithdrawn)
  indirect case componentAdopted(ComponentAdopted)
  case volumeReported(VolumeReported)
  case kpiReported(KPIReported)
  indirect case costsSet(CostsSet)
  indirect case barrierIdentified(BarrierIdentified)
  indirect case barrierRemoved(BarrierRemoved)
  indirect case eventRetracted(EventRetracted)
  indirect case organisationRegistered(OrganisationRegistered)
  indirect case bodyFormed(BodyFormed)
  indirect case bodyMemberJoined(BodyMemberJoined)
  indirect case bodyMandateEnded(BodyMandateEnded)
  indirect case planRegistered(PlanRegistered)
  indirect case planStatusChanged(PlanStatusChanged)
  indirect case itemDefined(ItemDefined)
  indirect case responsibilityAssigned(ResponsibilityAssigned)
  indirect case itemProgressed(ItemProgressed)
  indirect case itemAssessed(ItemAssessed)
  indirect case itemTracked(ItemTracked)
  indirect case countDeclared(CountDeclared)
  indirect case targetSet(TargetSet)
  indirect case targetMeasured(TargetMeasured)
  indirect case participationHeld(ParticipationHeld)
  indirect case serviceChannelOffered(ServiceChannelOffered)
  indirect case serviceMaturitySet(ServiceMaturitySet)
  indirect case requestRuleDefined(RequestRuleDefined)
  indirect case requestReceived(RequestReceived)
  indirect case requestAccessGranted(RequestAccessGranted)
  indirect case requestCorrectionMade(RequestCorrectionMade)
  indirect case requestSubjectNotified(RequestSubjectNotified)

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

  /// The event's type: read from the case alone, without touching the payload.
  public var type: EventType {
    @inline(__always) get {
      switch self {
      case .strategyPublished: .strategyPublished
      case .actionDefined: .actionDefined
      case .milestoneDefined: .milestoneDefined
      case .milestoneMet: .milestoneMet
      case .actionProgressed: .actionProgressed
      case .serviceRegistered: .serviceRegistered
      case .serviceUpdated: .serviceUpdated
      case .serviceRetired: .serviceRetired
      case .exemplarDesignated: .exemplarDesignated
      case .phaseEntered: .phaseEntered
      case .assessmentRecorded: .assessmentRecorded
      case .managerAppointed: .managerAppointed
      case .managerDeparted: .managerDeparted
      case .govukTransitioned: .govukTransitioned
      case .assistedDigitalProvided: .assistedDigitalProvided
      case .assistedDigitalWithdrawn: .assistedDigitalWithdrawn
      case .componentAdopted: .componentAdopted
      case .volumeReported: .volumeReported
      case .kpiReported: .kpiReported
      case .costsSet: .costsSet
      case .barrierIdentified: .barrierIdentified
      case .barrierRemoved: .barrierRemoved
      case .eventRetracted: .eventRetracted
      case .organisationRegistered: .organisationRegistered
      case .bodyFormed: .bodyFormed
      case .bodyMemberJoined: .bodyMemberJoined
      case .bodyMandateEnded: .bodyMandateEnded
      case .planRegistered: .planRegistered
      case .planStatusChanged: .planStatusChanged
      case .itemDefined: .itemDefined
      case .responsibilityAssigned: .responsibilityAssigned
      case .itemProgressed: .itemProgressed
      case .itemAssessed: .itemAssessed
      case .itemTracked: .itemTracked
      case .countDeclared: .countDeclared
      case .targetSet: .targetSet
      case .targetMeasured: .targetMeasured
      case .participationHeld: .participationHeld
      case .serviceChannelOffered: .serviceChannelOffered
      case .serviceMaturitySet: .serviceMaturitySet
      case .requestRuleDefined: .requestRuleDefined
      case .requestReceived: .requestReceived
      case .requestAccessGranted: .requestAccessGranted
      case .requestCorrectionMade: .requestCorrectionMade
      case .requestSubjectNotified: .requestSubjectNotified
      }
    }
  }

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
