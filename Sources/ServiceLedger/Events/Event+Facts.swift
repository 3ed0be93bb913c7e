extension Event {
  /// The service the event is about, if any.
  public var service: ServiceID? {
    switch self {
    case .serviceRegistered(let p): return p.service
    case .serviceUpdated(let p): return p.service
    case .serviceRetired(let p): return p.service
    case .exemplarDesignated(let p): return p.service
    case .phaseEntered(let p): return p.service
    case .assessmentRecorded(let p): return p.service
    case .managerAppointed(let p): return p.service
    case .managerDeparted(let p): return p.service
    case .govukTransitioned(let p): return p.service
    case .assistedDigitalProvided(let p): return p.service
    case .assistedDigitalWithdrawn(let p): return p.service
    case .componentAdopted(let p): return p.service
    case .volumeReported(let p): return p.service
    case .kpiReported(let p): return p.service
    case .serviceChannelOffered(let p): return p.service
    case .serviceMaturitySet(let p): return p.service
    case .strategyPublished, .actionDefined, .milestoneDefined, .milestoneMet, .actionProgressed,
      .costsSet, .barrierIdentified, .barrierRemoved, .eventRetracted:
      return nil
    case .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered,
      .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed, .itemAssessed,
      .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld,
      .requestRuleDefined, .requestReceived, .requestAccessGranted, .requestCorrectionMade,
      .requestSubjectNotified:
      return nil
    }
  }

  /// The strategy the event is about, if any.
  public var strategy: StrategyID? {
    switch self {
    case .strategyPublished(let p): return p.strategy
    case .actionDefined(let p): return p.strategy
    case .milestoneDefined(let p): return p.strategy
    case .milestoneMet(let p): return p.strategy
    case .actionProgressed(let p): return p.strategy
    case .exemplarDesignated(let p): return p.strategy
    case .serviceRegistered, .serviceUpdated, .serviceRetired, .phaseEntered,
      .assessmentRecorded, .managerAppointed, .managerDeparted, .govukTransitioned,
      .assistedDigitalProvided, .assistedDigitalWithdrawn, .componentAdopted, .volumeReported,
      .kpiReported, .costsSet, .barrierIdentified, .barrierRemoved, .eventRetracted:
      return nil
    case .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered,
      .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed, .itemAssessed,
      .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld,
      .serviceChannelOffered, .serviceMaturitySet, .requestRuleDefined, .requestReceived,
      .requestAccessGranted, .requestCorrectionMade, .requestSubjectNotified:
      return nil
    }
  }

  /// Valid time: the date from which the event's fact holds (`on`, `published`, or a report's
  /// `to`); nil for events that hold always (definitions without a date).
  public var effectiveDate: CivilDate? {
    switch self {
    case .strategyPublished(let p): return p.published
    case .milestoneMet(let p): return p.on
    case .actionProgressed(let p): return p.on
    case .serviceRegistered(let p): return p.on
    case .serviceUpdated(let p): return p.on
    case .serviceRetired(let p): return p.on
    case .exemplarDesignated(let p): return p.on
    case .phaseEntered(let p): return p.on
    case .assessmentRecorded(let p): return p.on
    case .managerAppointed(let p): return p.on
    case .managerDeparted(let p): return p.on
    case .govukTransitioned(let p): return p.on
    case .assistedDigitalProvided(let p): return p.on
    case .assistedDigitalWithdrawn(let p): return p.on
    case .componentAdopted(let p): return p.on
    case .volumeReported(let p): return p.to
    case .kpiReported(let p): return p.to
    case .costsSet(let p): return p.on
    case .barrierIdentified(let p): return p.on
    case .barrierRemoved(let p): return p.on
    case .organisationRegistered(let p): return p.on
    case .bodyFormed(let p): return p.on
    case .bodyMemberJoined(let p): return p.on
    case .bodyMandateEnded(let p): return p.on
    case .planRegistered(let p): return p.issued
    case .planStatusChanged(let p): return p.on
    case .responsibilityAssigned(let p): return p.on
    case .itemProgressed(let p): return p.on
    case .itemAssessed(let p): return p.on
    case .itemTracked(let p): return p.on
    case .countDeclared(let p): return p.on
    case .targetMeasured(let p): return p.on
    case .participationHeld(let p): return p.on
    case .serviceChannelOffered(let p): return p.on
    case .serviceMaturitySet(let p): return p.on
    case .requestReceived(let p): return p.on
    case .requestAccessGranted(let p): return p.on
    case .requestCorrectionMade(let p): return p.on
    case .requestSubjectNotified(let p): return p.on
    case .actionDefined, .milestoneDefined, .eventRetracted, .itemDefined, .targetSet,
      .requestRuleDefined:
      return nil
    }
  }
}
