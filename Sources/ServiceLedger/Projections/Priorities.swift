/// Prioritisation at a date (`ledger priorities`, docs/ledger-format.md): each service that counts
/// with its priority and annual volume.
public struct Priorities: Sendable, Equatable {
  /// One service.
  public struct Row: Sendable, Equatable {
    public var service: ServiceRecord
    public var priority: Priority
    public var annual: AnnualVolume
  }

  /// The as-of date.
  public var asOf: CivilDate
  /// Annual volumes over this are high-volume.
  public var threshold: Int
  /// By priority (exemplar, high-volume, standard, no-data), then annual volume descending,
  /// then service id.
  public var rows: [Row]

  /// Builds the view from the projections of one timeline.
  public init(
    asOf: CivilDate, catalogue: Catalogue, volumes: VolumeHistory,
    threshold: Int = Priority.defaultThreshold
  ) {
    self.asOf = asOf
    self.threshold = threshold
    rows = catalogue.services.map { record in
      let annual = volumes.annualVolume(of: record.id)
      return Row(
        service: record, priority: Priority(record, volume: annual, threshold: threshold),
        annual: annual)
    }
    rows.sort(by: Priorities.precedes)
  }

  /// The contract's order.
  static func precedes(_ lhs: Row, _ rhs: Row) -> Bool {
    if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
    let left = lhs.annual.volume ?? -1
    let right = rhs.annual.volume ?? -1
    if left != right { return left > right }
    return lhs.service.id < rhs.service.id
  }

  /// The priority of `service`, if it counts.
  public func priority(of service: ServiceID) -> Priority? {
    rows.first { $0.service.id == service }?.priority
  }
}
