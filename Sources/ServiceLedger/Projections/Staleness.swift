/// When a figure is too old to rest a headline on: its period ended six months or more before
/// the report's date (on or before the same day six months earlier). At 2015-03-31 a figure to
/// 2014-09-30 is stale; one to 2014-10-31 is not.
///
/// This is the board report's rule for its headlines; the `stale-volume` check, which asks for
/// a priority service's figures to be brought up to date, allows 15 months.
public enum Staleness {
  /// How many months old a figure may be before it is stale.
  public static let months = 6

  /// The latest period end that is stale at `asOf`.
  public static func limit(asOf: CivilDate) -> CivilDate { asOf.adding(months: -months) }

  /// Whether a figure for a period ending `to` is stale at `asOf`.
  public static func isStale(_ to: CivilDate, asOf: CivilDate) -> Bool {
    to <= limit(asOf: asOf)
  }
}
