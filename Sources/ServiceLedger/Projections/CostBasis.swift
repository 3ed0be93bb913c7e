/// The unit costs one service's estimate uses, and where they come from.
///
/// The service's own recorded cost per transaction comes first: the latest `kpi.reported`
/// (by `to`, then `from`) that gives `costPerTransaction` or `digitalCostPerTransaction`.
/// Whatever it leaves out comes from the unit costs in force: the latest `costs.set`, else
/// the Digital Efficiency Report's benchmark.
///
/// - A recorded digital cost is the digital unit cost.
/// - A recorded all-channel cost fixes what a transaction costs on average over the year's
///   channel mix. It does not say how the channels differ, so the channels not recorded keep
///   the fallback's differences: each gets the fallback's cost plus the same amount a
///   transaction (or, if that would make one negative, the fallback's costs scaled by one
///   factor), so that they average to the recorded cost. With only an all-channel cost, the
///   saving of moving a transaction to digital is therefore the fallback's.
public struct CostBasis: Sendable, Equatable {
  /// Where the figures come from.
  public enum Kind: String, Sendable {
    /// The service's own cost per transaction, from a `kpi.reported`.
    case recorded
    /// The department's unit costs, from a `costs.set`.
    case costsSet = "costs.set"
    /// The Digital Efficiency Report's benchmark.
    case benchmark
  }

  /// The KPI report whose costs are used; nil when the service records none.
  public var recorded: KPIReported?
  /// The unit costs in force, for whatever `recorded` leaves out.
  public var fallback: UnitCosts

  /// The basis of `kpis` (a service's current KPI reports, any order) over `fallback`.
  public init(kpis: some Collection<KPIReported>, fallback: UnitCosts) {
    self.fallback = fallback
    recorded = kpis.filter { $0.costPerTransaction != nil || $0.digitalCostPerTransaction != nil }
      .max { ($0.to, $0.from) < ($1.to, $1.from) }
  }

  /// Where the service's own figures come from when it records any, else the fallback's.
  public var kind: Kind {
    if recorded != nil { return .recorded }
    return fallback.on == nil ? .benchmark : .costsSet
  }

  /// The recorded cost of a transaction, all channels.
  public var allChannels: Double? { recorded?.costPerTransaction }
  /// The recorded cost of a digital transaction.
  public var digital: Double? { recorded?.digitalCostPerTransaction }

  /// Whether the recorded figures are stale at `asOf` (`Staleness`).
  public func isStale(asOf: CivilDate) -> Bool {
    recorded.map { Staleness.isStale($0.to, asOf: asOf) } ?? false
  }

  /// Pounds per transaction by channel (`VolumeReported.channelNames` order) for a year whose
  /// transactions by channel are `volumes`.
  public func units(for volumes: [Double]) -> [Double] {
    var units = fallback.channels
    var free = Array(units.indices)
    if let digital {
      units[0] = digital
      free.removeFirst()
    }
    guard let allChannels else { return units }
    let volume = volumes.reduce(0, +)
    let freeVolume = free.map { volumes[$0] }.reduce(0, +)
    guard volume > 0, freeVolume > 0 else { return units }
    let fixedCost = units.indices.filter { !free.contains($0) }.map { units[$0] * volumes[$0] }
      .reduce(0, +)
    let wanted = max(allChannels * volume - fixedCost, 0)
    let freeCost = free.map { units[$0] * volumes[$0] }.reduce(0, +)
    let offset = (wanted - freeCost) / freeVolume
    if free.allSatisfy({ units[$0] + offset >= 0 }) {
      for index in free { units[index] += offset }
    } else if freeCost > 0 {
      for index in free { units[index] *= wanted / freeCost }
    }
    return units
  }
}
