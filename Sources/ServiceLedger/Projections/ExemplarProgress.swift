/// The exemplars at a date (`ledger exemplars`): each named exemplar with the services it
/// covers, their phase, due date, days to go, take-up trend and status.
///
/// An exemplar is the strategy's unit ("four exemplar services"); it may cover several
/// services, each designated with the exemplar's id. Its status combines its services':
/// - a service is `live` in phase live; `unknown` with no phase recorded (whatever the date:
///   an unrecorded phase is neither success nor failure); `late` when its due date has passed
///   and it is not live; else `on-track` (a phase recorded and the due date ahead, or today).
/// - an exemplar is `live` when every service is; else `late` when any service is late; else
///   `unknown` when any service has no phase recorded; else `on-track`.
///
/// Its phase is the least advanced of its services' (nil when any has none), and its due date
/// the latest of theirs: when all of it was due live.
public struct ExemplarProgress: Sendable, Equatable {
  /// Where an exemplar, or one of its services, stands.
  public enum Status: String, Sendable, CaseIterable {
    /// Live (every service, for an exemplar).
    case live
    /// A phase recorded, not live, and the due date not passed.
    case onTrack = "on-track"
    /// Its due date has passed and it is not live.
    case late
    /// No phase recorded, so the ledger cannot say.
    case unknown

    /// How the status reads in a sentence: `on track`, `unknown (no phase recorded)`.
    public var words: String {
      switch self {
      case .live: return "live"
      case .onTrack: return "on track"
      case .late: return "late"
      case .unknown: return "unknown (no phase recorded)"
      }
    }

    /// The status of a service in `phase`, due on `due`, at `asOf`.
    static func of(phase: Phase?, due: CivilDate, asOf: CivilDate) -> Status {
      guard let phase else { return .unknown }
      if phase == .live { return .live }
      return due < asOf ? .late : .onTrack
    }

    /// The status of an exemplar whose services have `statuses`.
    static func combining(_ statuses: [Status]) -> Status {
      if statuses.allSatisfy({ $0 == .live }) { return .live }
      if statuses.contains(.late) { return .late }
      return statuses.contains(.unknown) ? .unknown : .onTrack
    }
  }

  /// One service of an exemplar.
  public struct Row: Sendable, Equatable {
    public var service: ServiceRecord
    public var designation: ExemplarDesignated
    public var series: TakeUpSeries
    public var status: Status
    /// Days from the as-of date to the service's due date: 0 on the day, negative when past.
    public var daysToDue: Int
  }

  /// One exemplar and the services it covers.
  public struct Exemplar: Sendable, Equatable {
    public var strategy: StrategyID
    public var id: ExemplarID
    /// The title given in its designations, else the name of its one service, else its id.
    public var title: String
    /// The latest of its services' due dates.
    public var due: CivilDate
    /// Days from the as-of date to `due`.
    public var daysToDue: Int
    /// The least advanced phase of its services; nil when any has none recorded.
    public var phase: Phase?
    public var status: Status
    /// By service id.
    public var services: [Row]
  }

  /// The as-of date.
  public var asOf: CivilDate
  /// The exemplars with at least one service that counts at the date, by due date, then
  /// strategy, then id.
  public var exemplars: [Exemplar]

  /// Every service of every exemplar, exemplar by exemplar.
  public var rows: [Row] { exemplars.flatMap(\.services) }

  /// The exemplars with `status`.
  public func count(_ status: Status) -> Int { exemplars.filter { $0.status == status }.count }

  /// Builds the view from the projections of one timeline.
  public init(asOf: CivilDate, catalogue: Catalogue, volumes: VolumeHistory) {
    self.asOf = asOf
    var groups: [ExemplarKey: [Row]] = [:]
    for record in catalogue.services {
      guard let designation = record.exemplar else { continue }
      let key = ExemplarKey(strategy: designation.strategy, exemplar: designation.exemplar)
      groups[key, default: []].append(
        Row(
          service: record, designation: designation,
          series: TakeUpSeries(volumes.reports[record.id] ?? []),
          status: .of(phase: record.phase, due: designation.due, asOf: asOf),
          daysToDue: asOf.days(to: designation.due)))
    }
    exemplars = groups.map { key, services in
      let due = services.map(\.designation.due).max() ?? asOf
      let phases = services.map(\.service.phase)
      let title =
        catalogue.exemplarTitles[key]
        ?? (services.count == 1 ? services[0].service.name : key.exemplar.rawValue)
      return Exemplar(
        strategy: key.strategy, id: key.exemplar, title: title, due: due,
        daysToDue: asOf.days(to: due),
        phase: phases.contains(nil) ? nil : phases.compactMap { $0 }.min(),
        status: .combining(services.map(\.status)),
        services: services.sorted { $0.service.id < $1.service.id })
    }
    exemplars.sort { ($0.due, $0.strategy, $0.id) < ($1.due, $1.strategy, $1.id) }
  }
}

/// An exemplar of a strategy: exemplar ids are the strategy's own.
public struct ExemplarKey: Sendable, Hashable {
  public var strategy: StrategyID
  public var exemplar: ExemplarID
}
