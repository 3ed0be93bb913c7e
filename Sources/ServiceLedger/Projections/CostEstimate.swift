/// A service's estimated cost a year by channel, and the saving if its take-up rose to a target.
///
/// Volumes come from the reports behind its annual volume (scaled to a year when annualised).
/// Transactions whose channel is not reported (the total less the channels given) are split
/// 80% phone, 20% face to face, as the Digital Efficiency Report modelled non-digital volume.
/// Each channel is costed at the service's unit costs (`CostBasis`: its own recorded cost per
/// transaction where the ledger has one, else the unit costs in force). The saving moves
/// non-digital volume to digital, taking it from the non-digital channels in proportion to
/// their volumes, until take-up reaches the target; it is 0 at or above it.
public struct CostEstimate: Sendable, Equatable {
  /// Transactions a year by channel, in `VolumeReported.channelNames` order.
  public var volumes: [Double]
  /// Pounds a year by channel, in the same order.
  public var costs: [Double]
  /// Pounds a transaction by channel, in the same order.
  public var units: [Double]
  /// Where the unit costs come from.
  public var basis: CostBasis
  /// Digital take-up of the annual basis.
  public var takeUp: Double
  /// The take-up the saving is worked out for.
  public var target: Double
  /// Pounds a year that reaching `target` would save (negative if digital costs more).
  public var saving: Double

  /// Pounds a year, all channels.
  public var cost: Double { costs.reduce(0, +) }

  /// The estimate for `annual` at `unitCosts` alone (no recorded cost of the service's own).
  public init?(_ annual: AnnualVolume, unitCosts: UnitCosts, target: Double) {
    self.init(annual, basis: CostBasis(kpis: [], fallback: unitCosts), target: target)
  }

  /// The estimate for `annual` on `basis`, or nil when it has no volume or no digital figure.
  public init?(_ annual: AnnualVolume, basis: CostBasis, target: Double) {
    guard let volume = annual.volume, let takeUp = annual.digitalTakeUp else { return nil }
    let total = annual.reports.map(\.total).reduce(0, +)
    guard total > 0 else { return nil }
    var counts = [Double](repeating: 0, count: 6)
    for report in annual.reports {
      let given = report.channels
      for (index, count) in given.enumerated() { counts[index] += Double(count ?? 0) }
      let unreported = Double(max(report.total - given.compactMap { $0 }.reduce(0, +), 0))
      counts[2] += 0.8 * unreported
      counts[4] += 0.2 * unreported
    }
    let scale = Double(volume) / Double(total)
    volumes = counts.map { $0 * scale }
    units = basis.units(for: volumes)
    costs = zip(volumes, units).map { $0 * $1 }
    self.basis = basis
    self.takeUp = takeUp
    self.target = target
    let nonDigitalVolume = Double(volume) - volumes[0]
    guard takeUp < target, nonDigitalVolume > 0 else {
      saving = 0
      return
    }
    let nonDigitalUnit = (costs.reduce(0, +) - costs[0]) / nonDigitalVolume
    saving = (target - takeUp) * Double(volume) * (nonDigitalUnit - units[0])
  }
}
