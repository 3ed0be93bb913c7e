/// Service managers at a date (`ledger managers`): the current managers of each service, the
/// priority services (exemplar or high-volume) without one, and people holding several services.
public struct ManagerRoster: Sendable, Equatable {
  /// One service.
  public struct Row: Sendable, Equatable {
    public var service: ServiceRecord
    public var priority: Priority
    /// Current service managers, sorted.
    public var managers: [PersonID] { service.managers }
  }

  /// One person and the services they manage.
  public struct Holder: Sendable, Equatable {
    public var person: PersonID
    /// Sorted.
    public var services: [ServiceID]
  }

  /// The as-of date.
  public var asOf: CivilDate
  /// Every service that counts, in priority order (as `Priorities`).
  public var rows: [Row]

  /// Builds the view from the projections of one timeline.
  public init(
    asOf: CivilDate, catalogue: Catalogue, volumes: VolumeHistory,
    threshold: Int = Priority.defaultThreshold
  ) {
    self.asOf = asOf
    let priorities = Priorities(
      asOf: asOf, catalogue: catalogue, volumes: volumes, threshold: threshold)
    rows = priorities.rows.map { Row(service: $0.service, priority: $0.priority) }
  }

  /// Exemplar and high-volume services with no service manager, in priority order.
  public var priorityWithoutManager: [Row] {
    rows.filter { $0.priority.isPriority && $0.managers.isEmpty }
  }

  /// Every current manager with their services, by person id.
  public var holders: [Holder] {
    var services: [PersonID: [ServiceID]] = [:]
    for row in rows {
      for person in row.managers { services[person, default: []].append(row.service.id) }
    }
    return services.keys.sorted().map {
      Holder(person: $0, services: (services[$0] ?? []).sorted())
    }
  }

  /// The managers of more than one service, by person id.
  public var holdingSeveral: [Holder] { holders.filter { $0.services.count > 1 } }
}
