/// The date a board report is for and the quarter end it is compared with.
///
/// A quarter's report is as of its last day (`2015-Q1`: 2015-03-31) and compares with the
/// previous quarter's last day (2014-12-31). A report as of any other date compares with the
/// last day of the quarter before the one containing it.
public struct ReportPeriod: Sendable, Equatable {
  /// Valid time of the report.
  public var asOf: CivilDate
  /// The quarter whose last day `asOf` is; nil for a date inside a quarter.
  public var quarter: Quarter?
  /// The quarter compared with: the one before the quarter containing `asOf`.
  public var previousQuarter: Quarter

  /// The report for `quarter`, as of its last day.
  public init(quarter: Quarter) {
    asOf = quarter.lastDay
    self.quarter = quarter
    previousQuarter = quarter.previous
  }

  /// The report as of `asOf`; a quarter's last day counts as that quarter.
  public init(asOf: CivilDate) {
    let containing = Quarter(containing: asOf)
    self.asOf = asOf
    quarter = containing.lastDay == asOf ? containing : nil
    previousQuarter = containing.previous
  }

  /// The report a board member expects when no date is given: the last complete quarter
  /// before `today` (on 2015-04-20, 2015-Q1; on 2015-03-31, 2014-Q4, as the quarter is still
  /// running).
  public static func lastCompleteQuarter(before today: CivilDate) -> ReportPeriod {
    ReportPeriod(quarter: Quarter(containing: today).previous)
  }

  /// The end of the previous quarter: the date compared with.
  public var previousEnd: CivilDate { previousQuarter.lastDay }

  /// `2015-Q1`, or the date for a report inside a quarter.
  public var label: String { quarter?.description ?? asOf.description }

  /// `2014-Q4`.
  public var previousLabel: String { previousQuarter.description }
}
