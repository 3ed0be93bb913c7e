/// A service's digital take-up over time, from its reports of one span: quarterly when it has
/// any quarterly report with a take-up, else 12-month (rolling) reports.
///
/// Take-up is `digital ÷ total` (assisted-digital transactions are not digital); reports
/// without `digital` or with a total of 0 have none and are left out.
public struct TakeUpSeries: Sendable, Equatable {
  /// The length of the reports in a series.
  public enum Span: String, Sendable {
    /// Three calendar months, from the first of a month.
    case quarterly
    /// 365 or 366 days.
    case twelveMonth = "12-month"
  }

  /// One report's take-up.
  public struct Point: Sendable, Equatable {
    public var from: CivilDate
    public var to: CivilDate
    public var total: Int
    public var digital: Int
    /// `digital ÷ total`.
    public var takeUp: Double
    /// How many times the report's period was restated.
    public var restatements: Int
  }

  /// The span of the reports used; nil when there are none with a take-up.
  public var span: Span?
  /// The points, oldest (by `to`, then `from`) first.
  public var points: [Point]

  /// No take-up known.
  public static let empty = TakeUpSeries(span: nil, points: [])

  init(span: Span?, points: [Point]) {
    self.span = span
    self.points = points
  }

  /// The series from a service's current reports (`VolumeHistory` entries, sorted by `to`).
  public init(_ entries: [VolumeHistory.Entry]) {
    var quarterly: [Point] = []
    var yearly: [Point] = []
    for entry in entries {
      let report = entry.report
      guard let digital = report.digital, report.total > 0 else { continue }
      let point = Point(
        from: report.from, to: report.to, total: report.total, digital: digital,
        takeUp: Double(digital) / Double(report.total), restatements: entry.restatements)
      if TakeUpSeries.isQuarter(report) {
        quarterly.append(point)
      } else if report.days == 365 || report.days == 366 {
        yearly.append(point)
      }
    }
    if !quarterly.isEmpty {
      self.init(span: .quarterly, points: quarterly)
    } else {
      self.init(span: yearly.isEmpty ? nil : .twelveMonth, points: yearly)
    }
  }

  /// The latest point.
  public var latest: Point? { points.last }

  /// The change in take-up (a rate difference: 0.015 is 1.5 percentage points) from the
  /// previous point to the latest; nil with fewer than two points.
  public var changeFromPrevious: Double? {
    guard points.count >= 2, let latest else { return nil }
    return latest.takeUp - points[points.count - 2].takeUp
  }

  /// The change in take-up from the first point to the latest; nil with fewer than two points.
  public var changeSinceFirst: Double? {
    guard points.count >= 2, let latest, let first = points.first else { return nil }
    return latest.takeUp - first.takeUp
  }

  /// Whether `report` covers three whole calendar months starting on the first of a month.
  static func isQuarter(_ report: VolumeReported) -> Bool {
    isQuarter(from: report.from, to: report.to)
  }

  /// Whether `from`…`to` is three whole calendar months starting on the first of a month.
  static func isQuarter(from: CivilDate, to: CivilDate) -> Bool {
    let (year, month, day) = from.components
    guard day == 1 else { return false }
    let after = month + 3 > 12 ? (year + 1, month - 9) : (year, month + 3)
    guard let next = CivilDate(year: after.0, month: after.1, day: 1) else { return false }
    return to == next.adding(days: -1)
  }
}
