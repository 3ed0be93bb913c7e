/// Each service's channels and online-service maturity at a date: a pure fold over the
/// events in force (`ledger service-levels`).
public struct ServiceLevels: Sendable, Equatable {
  /// One service with what is known of its channels and maturity.
  public struct Service: Sendable, Equatable {
    public var registration: ServiceRegistered
    /// Every channel in the order recorded; a later record of the same channel and purpose
    /// replaces the earlier.
    public var channels: [ServiceChannelOffered] = []
    /// The latest target level (by `on`, then as recorded).
    public var target: ServiceMaturitySet?
    /// The latest level reached.
    public var reached: ServiceMaturitySet?
  }

  /// The as-of date.
  public let asOf: CivilDate
  private var services: [ServiceID: Service] = [:]

  /// Nothing known at `asOf`.
  public init(asOf: CivilDate) { self.asOf = asOf }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    switch recorded.event {
    case .serviceRegistered(let p):
      services[p.service] = Service(registration: p)
    case .serviceChannelOffered(let p):
      guard var service = services[p.service] else { return }
      if let index = service.channels.firstIndex(where: {
        $0.channel == p.channel && $0.effectivePurpose == p.effectivePurpose
      }) {
        service.channels[index] = p
      } else {
        service.channels.append(p)
      }
      services[p.service] = service
    case .serviceMaturitySet(let p):
      guard var service = services[p.service] else { return }
      switch p.kind {
      case .target: service.target = Self.later(service.target, p)
      case .reached: service.reached = Self.later(service.reached, p)
      }
      services[p.service] = service
    default:
      return
    }
  }

  /// `new` unless `known` is dated later.
  private static func later(_ known: ServiceMaturitySet?, _ new: ServiceMaturitySet)
    -> ServiceMaturitySet
  {
    guard let known, let knownOn = known.on, let newOn = new.on, newOn < knownOn else {
      return new
    }
    return known
  }

  /// The services with a channel or a maturity recorded, by id.
  public var all: [Service] {
    services.keys.sorted().compactMap { services[$0] }.filter {
      !$0.channels.isEmpty || $0.target != nil || $0.reached != nil
    }
  }
}

extension ServiceLevels: Fold {
  /// Everything but volume and KPI reports.
  public var reads: EventReads { .allButReports }
}
