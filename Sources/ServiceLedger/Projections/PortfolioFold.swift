/// The catalogue, the volume history with every take-up series, and the unit costs in force:
/// one fold for the channel-shift and exemplar views and the board report's snapshots.
///
/// The history keeps the reports the annual volume and the series use (`.series`), so memory
/// grows with the services and their quarterly and 12-month figures, not with the log.
public struct PortfolioFold: Fold, Sendable {
  public private(set) var catalogue = Catalogue()
  public private(set) var volumes: VolumeHistory
  private var costs = UnitCosts.Fold()

  public init(retention: VolumeHistory.Retention = .series) {
    volumes = VolumeHistory(retention: retention)
  }

  public var reads: EventReads {
    catalogue.reads.union(volumes.reads).union(costs.reads)
  }

  public mutating func apply(_ event: RecordedEvent) {
    switch event.type {
    case .volumeReported, .kpiReported: volumes.apply(event)
    case .costsSet:
      costs.apply(event)
      catalogue.apply(event)
    default: catalogue.apply(event)
    }
  }

  /// The unit costs in force.
  public var unitCosts: UnitCosts { costs.unitCosts }
}
