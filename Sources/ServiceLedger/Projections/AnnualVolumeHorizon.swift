/// Which of a service's volume reports the annual-volume rule can still use: the one owner of
/// that rule, for `VolumeHistory` and the replay cache alike.
///
/// Reports ending before the 12 months that end at the latest report are of no use to it,
/// except the 12-month reports ending on the two latest dates any 12-month report ends on
/// (rule 3 may need the latest before the end). What it drops stays dropped however late the
/// rest arrives, since the latest end only moves later.
struct AnnualVolumeHorizon: Sendable {
  /// How many reports a service may reach before it is pruned (to its horizon) again, when
  /// the last pruning kept `kept`: twice as many, so that pruning costs a constant per report
  /// however many the horizon holds (daily reports), and at least 32. Reached, not passed: an
  /// array holding 32 has room for 32, and a 33rd would double it, to stay half empty. At 64,
  /// the 500 services of a long log held twice the reports (5.6 MB against 2.8 MB of them,
  /// past the core's cache), and a cold `priorities` on 1M events took 0.51 s against 0.46.
  static func pruneAt(afterKeeping kept: Int) -> Int { max(32, kept * 2) }

  /// The first day of the 12 months ending at the latest report's end (a day number).
  let start: Int
  /// The two latest days a 12-month report ends on.
  let latestYearEnd: Int?
  let yearEndBefore: Int?

  /// The horizon of `count` periods (`to`, `from` as day numbers), sorted by `to`, read
  /// through `period`; nil when there are none.
  init?(count: Int, period: (Int) -> (to: Int, from: Int)) {
    guard count > 0 else { return nil }
    start = CivilDate(dayNumber: period(count - 1).to).startOfTwelveMonthsEnding.dayNumber
    var latest: Int?
    var before: Int?
    for index in stride(from: count - 1, through: 0, by: -1) {
      let candidate = period(index)
      guard Self.isYear(candidate) else { continue }
      if latest == nil {
        latest = candidate.to
      } else if candidate.to != latest {
        before = candidate.to
        break
      }
    }
    latestYearEnd = latest
    yearEndBefore = before
  }

  /// Whether the rule can still use a report for `period`.
  func keeps(_ period: (to: Int, from: Int)) -> Bool {
    period.to >= start
      || (Self.isYear(period) && (period.to == latestYearEnd || period.to == yearEndBefore))
  }

  /// Whether `period` is 365 or 366 days long.
  static func isYear(_ period: (to: Int, from: Int)) -> Bool {
    let days = period.to - period.from + 1
    return days == 365 || days == 366
  }
}
