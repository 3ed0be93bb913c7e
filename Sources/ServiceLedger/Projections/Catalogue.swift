/// The service catalogue at a date: a pure fold over the events in force.
///
/// A service counts when it was registered on or before the date (no `on`: always) and not
/// retired on or before it. Managers are those appointed with role `service-manager` and not
/// departed since. Phase, managers and assisted-digital provision follow valid time: the event
/// with the latest `on` wins whatever order it was recorded in, and same-day events apply in
/// replay order.
public struct Catalogue: Sendable, Equatable {
  /// Every service ever registered (retired ones included), by id.
  public private(set) var records: [ServiceID: ServiceRecord] = [:]
  /// Per service and person, the latest appointment or departure: its date, and the role
  /// held after it (nil: departed).
  private var tenures: [ServiceID: [PersonID: Tenure]] = [:]
  /// Exemplar titles: for each exemplar, the latest `title` its designations gave.
  public private(set) var exemplarTitles: [ExemplarKey: String] = [:]
  /// Per service, the date of the assisted-digital event in force.
  private var assistedDigitalSince: [ServiceID: CivilDate] = [:]

  private struct Tenure: Sendable, Equatable {
    var on: CivilDate
    var role: ManagerRole?
  }

  /// An empty catalogue.
  public init() {}

  /// The services that count (registered, not retired), sorted by id.
  public var services: [ServiceRecord] {
    records.values.filter { $0.retiredOn == nil }.sorted { $0.id < $1.id }
  }

  /// The service with `id`, if it counts.
  public func service(withID id: ServiceID) -> ServiceRecord? {
    records[id].flatMap { $0.retiredOn == nil ? $0 : nil }
  }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    // Most of a long log, and nothing for the catalogue: skipped without reading the payload.
    if recorded.type == .volumeReported || recorded.type == .kpiReported { return }
    switch recorded.event {
    case .serviceRegistered(let p):
      records[p.service] = ServiceRecord(p)
    case .serviceUpdated(let p):
      update(p.service) { record in
        record.name = p.name ?? record.name
        record.organisation = p.organisation ?? record.organisation
        record.category = p.category ?? record.category
        record.customers = p.customers ?? record.customers
        record.url = p.url ?? record.url
        record.description = p.description ?? record.description
      }
    case .serviceRetired(let p):
      update(p.service) { $0.retiredOn = p.on }
    case .exemplarDesignated(let p):
      update(p.service) { $0.exemplar = p }
      if let title = p.title, records[p.service] != nil {
        exemplarTitles[ExemplarKey(strategy: p.strategy, exemplar: p.exemplar)] = title
      }
    case .phaseEntered(let p):
      update(p.service) { record in
        if let since = record.phaseSince, p.on < since { return }
        record.phase = p.phase
        record.phaseSince = p.on
        if p.phase == .retired { record.retiredOn = p.on }
      }
    case .assessmentRecorded(let p):
      update(p.service) { $0.assessments.append(p) }
    case .managerAppointed(let p):
      change(p.service, p.person, to: Tenure(on: p.on, role: p.effectiveRole))
    case .managerDeparted(let p):
      change(p.service, p.person, to: Tenure(on: p.on, role: nil))
    case .govukTransitioned(let p):
      update(p.service) { $0.govukOn = p.on }
    case .assistedDigitalProvided(let p):
      if isLatestAssistedDigital(p.service, p.on) { update(p.service) { $0.assistedDigital = p } }
    case .assistedDigitalWithdrawn(let p):
      if isLatestAssistedDigital(p.service, p.on) {
        update(p.service) { $0.assistedDigital = nil }
      }
    case .componentAdopted(let p):
      update(p.service) { record in record.adopted.insert(p.component) }
    case .strategyPublished, .actionDefined, .milestoneDefined, .milestoneMet, .actionProgressed,
      .volumeReported, .kpiReported, .costsSet, .barrierIdentified, .barrierRemoved,
      .eventRetracted:
      break
    case .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered, .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed,
      .itemAssessed, .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld,
      .serviceChannelOffered, .serviceMaturitySet, .requestRuleDefined, .requestReceived,
      .requestAccessGranted, .requestCorrectionMade, .requestSubjectNotified:
      break  // plans of any form: PlanRegistry
    }
  }

  private mutating func update(_ id: ServiceID, _ change: (inout ServiceRecord) -> Void) {
    // Changed where it lies: a copy taken out would share its components with the one left
    // in, and adding one would copy them all (quadratic in a service's components).
    guard let index = records.index(forKey: id) else { return }
    change(&records.values[index])
  }

  /// Records a change of `person`'s role on `service` unless a later-dated one is known, and
  /// recomputes the service's managers and associates.
  private mutating func change(_ service: ServiceID, _ person: PersonID, to tenure: Tenure) {
    guard records[service] != nil else { return }
    if let known = tenures[service]?[person], tenure.on < known.on { return }
    // Changed where it lies, as `update` does: not copied out and back per change.
    tenures[service, default: [:]][person] = tenure
    let people = tenures[service, default: [:]]
    update(service) { record in
      record.managers = people.filter { $0.value.role == .serviceManager }.keys.sorted()
      record.associates = people.filter { $0.value.role == .associate }.keys.sorted()
    }
  }

  /// Whether an assisted-digital event dated `on` is the latest for `service`; if so it is
  /// remembered as such.
  private mutating func isLatestAssistedDigital(_ service: ServiceID, _ on: CivilDate) -> Bool {
    if let since = assistedDigitalSince[service], on < since { return false }
    assistedDigitalSince[service] = on
    return true
  }
}

extension Catalogue: Fold {
  /// Everything but volume and KPI reports.
  public var reads: EventReads { .allButReports }
}
