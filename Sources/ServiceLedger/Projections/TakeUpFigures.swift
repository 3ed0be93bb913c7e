/// A service's two take-up figures, each with one name and one window wherever it is shown:
///
/// - **12-month take-up**: digital ÷ all transactions over the annual-volume window, the
///   figure `ledger priorities` gives as `digitalTakeUp` and the cost model uses;
/// - **latest-quarter take-up**: digital ÷ all transactions in the latest quarterly report
///   that gives a digital figure, and its change from the quarterly figure before it.
///
/// Assisted-digital transactions are not digital.
public struct TakeUpFigures: Sendable, Equatable {
  /// The name of the figure over the annual-volume window.
  public static let twelveMonthName = "12-month take-up"
  /// The name of the figure of the latest quarter with a digital figure.
  public static let latestQuarterName = "latest-quarter take-up"

  /// Digital ÷ all over `annualFrom`…`annualTo`; nil without a digital figure for them all.
  public var twelveMonth: Double?
  /// The annual-volume window (12 months, or part of a year when annualised).
  public var annualFrom: CivilDate?
  public var annualTo: CivilDate?
  /// The latest quarterly report with a digital figure, and the one before it.
  public var latestQuarter: TakeUpSeries.Point?
  public var previousQuarter: TakeUpSeries.Point?

  /// The figures of a service's annual volume and its current reports (sorted by `to`).
  public init(annual: AnnualVolume, reports: [VolumeHistory.Entry]) {
    twelveMonth = annual.digitalTakeUp
    annualFrom = annual.from
    annualTo = annual.to
    let quarters = reports.filter { entry in
      TakeUpSeries.isQuarter(entry.report) && entry.report.digital != nil
        && entry.report.total > 0
    }
    latestQuarter = quarters.last.map(Self.point)
    previousQuarter = quarters.count >= 2 ? Self.point(quarters[quarters.count - 2]) : nil
  }

  /// The latest-quarter take-up less the quarterly figure before it (0.01 is 1 percentage
  /// point); nil with fewer than two quarterly figures.
  public var quarterChange: Double? {
    guard let latestQuarter, let previousQuarter else { return nil }
    return latestQuarter.takeUp - previousQuarter.takeUp
  }

  /// A figure's window in words: `quarter to 2015-03-31`, `12 months to 2015-03-31`, or
  /// `2014-06-01 to 2015-03-31` for any other period.
  public static func window(from: CivilDate, to: CivilDate) -> String {
    let days = from.days(to: to) + 1
    if days == 365 || days == 366 { return "12 months to \(to)" }
    if TakeUpSeries.isQuarter(from: from, to: to) { return "quarter to \(to)" }
    return "\(from) to \(to)"
  }

  static func point(_ entry: VolumeHistory.Entry) -> TakeUpSeries.Point {
    let report = entry.report
    let digital = report.digital ?? 0
    return TakeUpSeries.Point(
      from: report.from, to: report.to, total: report.total, digital: digital,
      takeUp: Double(digital) / Double(report.total), restatements: entry.restatements)
  }
}
