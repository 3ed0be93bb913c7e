/// A service's transactions a year and digital take-up, by the contract's five-step rule.
///
/// Let E be the latest `to` of the current reports, and the 12 months ending at E run from the
/// day after the same date a year earlier (28 February for 29 February) to E:
/// 1. a 12-month report (365 or 366 days) ending at E: that figure, basis `12-month`;
/// 2. else the reports inside those 12 months cover every day of it: their sum, `summed`;
/// 3. else the latest 12-month report ending before E: `12-month`;
/// 4. else the reports inside the 12 months × 365 ÷ the days they cover, rounded half up,
///    `annualised`;
/// 5. no report: no volume, no basis.
public struct AnnualVolume: Sendable, Equatable {
  /// How the figure was found.
  public enum Basis: String, Sendable {
    case twelveMonth = "12-month"
    case summed
    case annualised
  }

  /// Transactions a year, nil when there is no report.
  public var volume: Int?
  public var basis: Basis?
  /// The earliest `from` and the latest `to` of the reports used.
  public var from: CivilDate?
  public var to: CivilDate?
  /// Σ digital ÷ Σ total of the reports used; nil when any lacks `digital` or the total is 0.
  public var digitalTakeUp: Double?
  /// The reports the figure came from, oldest first.
  public var reports: [VolumeReported]

  /// No volume.
  public static let none = AnnualVolume(
    volume: nil, basis: nil, from: nil, to: nil, digitalTakeUp: nil, reports: [])

  init(
    volume: Int?, basis: Basis?, from: CivilDate?, to: CivilDate?, digitalTakeUp: Double?,
    reports: [VolumeReported]
  ) {
    self.volume = volume
    self.basis = basis
    self.from = from
    self.to = to
    self.digitalTakeUp = digitalTakeUp
    self.reports = reports
  }

  /// Applies the rule to a service's current reports (any order; all with `to` on or before
  /// the as-of date).
  public init(_ current: [VolumeReported]) {
    guard let end = current.map(\.to).max() else {
      self = .none
      return
    }
    let start = end.startOfTwelveMonthsEnding
    let isYear: (VolumeReported) -> Bool = { $0.days == 365 || $0.days == 366 }
    // 1. A 12-month report ending at E, preferring one that starts exactly a year before.
    let yearAtEnd = current.filter { $0.to == end && isYear($0) }
    if let year = yearAtEnd.first(where: { $0.from == start }) ?? yearAtEnd.first {
      self = AnnualVolume(using: [year], basis: .twelveMonth, volume: year.total)
      return
    }
    let inside = current.filter { $0.from >= start && $0.to <= end }.sorted { $0.from < $1.from }
    // 2. Reports inside the window covering every day of it.
    if AnnualVolume.covers(inside, from: start, to: end) {
      self = AnnualVolume(using: inside, basis: .summed, volume: inside.map(\.total).saturatingSum)
      return
    }
    // 3. The latest 12-month report ending before E.
    let earlier = current.filter { $0.to < end && isYear($0) }
    if let latest = earlier.max(by: { ($0.to, $0.days) < ($1.to, $1.days) }) {
      self = AnnualVolume(using: [latest], basis: .twelveMonth, volume: latest.total)
      return
    }
    // 4. Annualise what lies inside the window.
    let days = inside.map(\.days).saturatingSum
    guard days > 0 else {
      self = .none
      return
    }
    let sum = inside.map(\.total).saturatingSum
    // Half up on exact integers: (2 × sum × 365 + days) ÷ (2 × days).
    let annual = Int.scaled(sum, by: 365, over: days)
    self = AnnualVolume(using: inside, basis: .annualised, volume: annual)
  }

  private init(using reports: [VolumeReported], basis: Basis, volume: Int) {
    let total = reports.map(\.total).saturatingSum
    let digital = reports.map(\.digital)
    var takeUp: Double?
    if total > 0, !digital.contains(where: { $0 == nil }) {
      takeUp = Double(digital.compactMap { $0 }.saturatingSum) / Double(total)
    }
    self.init(
      volume: volume, basis: basis, from: reports.map(\.from).min(), to: reports.map(\.to).max(),
      digitalTakeUp: takeUp, reports: reports)
  }

  /// Whether `reports` (sorted by `from`) leave no day from `start` to `end` uncovered.
  static func covers(_ reports: [VolumeReported], from start: CivilDate, to end: CivilDate) -> Bool
  {
    var next = start
    for report in reports {
      if report.from > next { return false }
      if report.to >= next { next = report.to.adding(days: 1) }
    }
    return next > end
  }
}
