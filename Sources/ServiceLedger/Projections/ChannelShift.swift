/// Channel shift at a date (`ledger channel-shift`): per service, its take-up figures and
/// series and the estimated cost and saving of its annual volume; for the portfolio, 12-month
/// take-up weighted by volume, and how much of it rests on stale figures (`Staleness`).
public struct ChannelShift: Sendable, Equatable {
  /// One service.
  public struct Row: Sendable, Equatable {
    public var service: ServiceRecord
    public var annual: AnnualVolume
    public var series: TakeUpSeries
    /// Its 12-month and latest-quarter take-up.
    public var takeUp: TakeUpFigures
    /// Nil without an annual volume with a digital figure.
    public var estimate: CostEstimate?
    /// Whether its annual volume's window ended six months or more before the date.
    public var isVolumeStale: Bool
    /// Whether its cost rests on a stale figure: its volume, or its recorded unit cost.
    public var isCostStale: Bool
  }

  /// One service that carries more than half of the portfolio's digital transactions.
  public struct Dominant: Sendable, Equatable {
    public var row: Row
    /// Its digital transactions a year, and their share of the portfolio's.
    public var digital: Double
    public var share: Double
    /// The portfolio's 12-month take-up and transactions a year without it; nil take-up when
    /// nothing is left.
    public var takeUpWithout: Double?
    public var volumeWithout: Int
    public var digitalWithout: Double
  }

  /// The target take-up of the Digital Efficiency Report's model: 82%, the share of adults
  /// online in 2012.
  public static let defaultTarget = 0.82

  /// The as-of date.
  public var asOf: CivilDate
  /// The unit costs in force (the latest `costs.set`, else the benchmark): each service's
  /// fallback for what it does not record itself.
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
      let reports = volumes.reports[record.id] ?? []
      let basis = CostBasis(kpis: volumes.kpis[record.id] ?? [], fallback: unitCosts)
      let estimate = CostEstimate(annual, basis: basis, target: target)
      let volumeStale = annual.to.map { Staleness.isStale($0, asOf: asOf) } ?? false
      return Row(
        service: record, annual: annual, series: TakeUpSeries(reports),
        takeUp: TakeUpFigures(annual: annual, reports: reports), estimate: estimate,
        isVolumeStale: volumeStale,
        isCostStale: estimate != nil && (volumeStale || basis.isStale(asOf: asOf)))
    }
    rows.sort { lhs, rhs in
      (-(lhs.annual.volume ?? -1), lhs.service.id) < (-(rhs.annual.volume ?? -1), rhs.service.id)
    }
  }

  /// The services with an estimate (an annual volume and a digital figure).
  public var estimated: [Row] { rows.filter { $0.estimate != nil } }

  /// Transactions a year of the services with an estimate.
  public var portfolioVolume: Int { estimated.compactMap(\.annual.volume).saturatingSum }

  /// Digital transactions a year of the services with an estimate.
  public var portfolioDigital: Double {
    estimated.compactMap(\.estimate).map { $0.volumes[0] }.reduce(0, +)
  }

  /// 12-month take-up over the services with an estimate, weighted by annual volume; nil when
  /// none.
  public var portfolioTakeUp: Double? {
    let volume = portfolioVolume
    guard volume > 0 else { return nil }
    return portfolioDigital / Double(volume)
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

  /// Transactions a year of the services with an estimate whose volume is stale.
  public var staleVolume: Int {
    estimated.filter(\.isVolumeStale).compactMap(\.annual.volume).reduce(0, +)
  }

  /// Pounds a year of the estimated cost, and of the saving, that rest on a stale figure.
  public var staleCost: Double {
    estimated.filter(\.isCostStale).compactMap(\.estimate?.cost).reduce(0, +)
  }
  public var staleSaving: Double {
    estimated.filter(\.isCostStale).compactMap(\.estimate?.saving).reduce(0, +)
  }

  /// The service with an estimate that carries more than half of the portfolio's digital
  /// transactions, if one does.
  public var dominant: Dominant? {
    let total = portfolioDigital
    guard total > 0,
      let top = estimated.max(by: {
        ($0.estimate?.volumes[0] ?? 0) < ($1.estimate?.volumes[0] ?? 0)
      }),
      let digital = top.estimate?.volumes[0], digital > total / 2
    else { return nil }
    let volume = portfolioVolume - (top.annual.volume ?? 0)
    let rest = total - digital
    return Dominant(
      row: top, digital: digital, share: digital / total,
      takeUpWithout: volume > 0 ? rest / Double(volume) : nil, volumeWithout: volume,
      digitalWithout: rest)
  }
}
