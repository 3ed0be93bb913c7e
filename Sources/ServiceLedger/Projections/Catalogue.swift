/// The service catalogue at a date: a pure fold over a `Timeline`.
///
/// A service counts when it was registered on or before the date (no `on`: always) and not
/// retired on or before it. Managers are those appointed with role `service-manager` and not
/// departed since; same-day events apply in replay order.
public struct Catalogue: Sendable, Equatable {
  /// Every service ever registered (retired ones included), by id.
  public private(set) var records: [ServiceID: ServiceRecord] = [:]

  /// An empty catalogue.
  public init() {}

  /// The catalogue after folding every event of `timeline`.
  public init(_ timeline: Timeline) {
    for event in timeline.events { apply(event) }
  }

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
    case .phaseEntered(let p):
      update(p.service) { record in
        record.phase = p.phase
        record.phaseSince = p.on
        if p.phase == .retired { record.retiredOn = p.on }
      }
    case .assessmentRecorded(let p):
      update(p.service) { $0.assessments.append(p) }
    case .managerAppointed(let p):
      update(p.service) { record in
        switch p.effectiveRole {
        case .serviceManager: record.managers = Catalogue.adding(p.person, to: record.managers)
        case .associate: record.associates = Catalogue.adding(p.person, to: record.associates)
        }
      }
    case .managerDeparted(let p):
      update(p.service) { record in
        record.managers.removeAll { $0 == p.person }
        record.associates.removeAll { $0 == p.person }
      }
    case .govukTransitioned(let p):
      update(p.service) { $0.govukOn = p.on }
    case .assistedDigitalProvided(let p):
      update(p.service) { $0.assistedDigital = p }
    case .assistedDigitalWithdrawn(let p):
      update(p.service) { $0.assistedDigital = nil }
    case .componentAdopted(let p):
      update(p.service) { record in
        if !record.components.contains(p.component) {
          record.components.append(p.component)
          record.components.sort()
        }
      }
    case .strategyPublished, .actionDefined, .milestoneDefined, .milestoneMet, .actionProgressed,
      .volumeReported, .kpiReported, .costsSet, .barrierIdentified, .barrierRemoved,
      .eventRetracted:
      break
    }
  }

  private mutating func update(_ id: ServiceID, _ change: (inout ServiceRecord) -> Void) {
    guard var record = records[id] else { return }
    change(&record)
    records[id] = record
  }

  private static func adding(_ person: PersonID, to people: [PersonID]) -> [PersonID] {
    people.contains(person) ? people : (people + [person]).sorted()
  }
}
