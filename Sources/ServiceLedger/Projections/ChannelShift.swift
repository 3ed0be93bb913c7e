/// Channel shift at a date (`ledger channel-shift`): per service, its take-up series and the
/// estimated cost and saving of its annual volume; for the portfolio, take-up weighted by volume.
public struct ChannelShift: Sendable, Equatable {
  /// One service.
  public struct Row: Sendable, Equatable {
    public var service: ServiceRecord
    public var annual: AnnualVolume
    public var series: TakeUpSeries
    /// Nil without an annual volume with a digital figure.
    public var estimate: CostEstimate?
  }

  /// The target take-up of the Digital Efficiency Report's model: 82%, the share of adults
  /// online in 2012.
  public static let defaultTarget = 0.82

  /// The as-of date.
  public var asOf: CivilDate
  public var unitCosts: UnitCosts
  public var target: Double
  /// Every service that counts, by annual volume (largest first, none last), then id.
  public var rows: [Row]

  /// Builds the view from the projections of one timeline.
  public init(
    asOf: CivilDate, catalogue: Catalogue, volumes: VolumeHistory, unitCosts: UnitCosts,
    target: Double = defaultTarget
  ) {
    self.asOf = asOf
    self.unitCosts = unitCosts
    self.target = target
    rows = catalogue.services.map { record in
      let annual = volumes.annualVolume(of: record.id)
      return Row(
        service: record, annual: annual,
        series: TakeUpSeries(volumes.reports[record.id] ?? []),
        estimate: CostEstimate(annual, unitCosts: unitCosts, target: target))
    }
    rows.sort { lhs, rhs in
      (-(lhs.annual.volume ?? -1), lhs.service.id) < (-(rhs.annual.volume ?? -1), rhs.service.id)
    }
  }

  /// The services with an estimate (an annual volume and a digital figure).
  public var estimated: [Row] { rows.filter { $0.estimate != nil } }

  /// Transactions a year of the services with an estimate.
  public var portfolioVolume: Int { estimated.compactMap(\.annual.volume).reduce(0, +) }

  /// Take-up over the services with an estimate, weighted by annual volume; nil when none.
  public var portfolioTakeUp: Double? {
    let volume = portfolioVolume
    guard volume > 0 else { return nil }
    let digital = estimated.compactMap(\.estimate).map { $0.volumes[0] }.reduce(0, +)
    return digital / Double(volume)
  }

  /// Pounds a year by channel over the services with an estimate.
  public var portfolioCosts: [Double] {
    estimated.compactMap(\.estimate).reduce(into: [Double](repeating: 0, count: 6)) { sum, e in
      for index in sum.indices { sum[index] += e.costs[index] }
    }
  }

  /// Pounds a year that reaching the target would save, over the services with an estimate.
  public var portfolioSaving: Double {
    estimated.compactMap(\.estimate).map(\.saving).reduce(0, +)
  }
}
