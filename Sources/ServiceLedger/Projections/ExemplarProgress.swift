/// The exemplar services at a date (`ledger exemplars`): phase, due date, days to go, take-up
/// trend and status.
public struct ExemplarProgress: Sendable, Equatable {
  /// Where an exemplar stands.
  public enum Status: String, Sendable {
    /// Not live, and its due date has not passed.
    case onTrack = "on-track"
    /// Not live, and its due date has passed.
    case late
    /// In phase `live`.
    case live
  }

  /// One exemplar.
  public struct Row: Sendable, Equatable {
    public var service: ServiceRecord
    public var designation: ExemplarDesignated
    public var series: TakeUpSeries
    public var status: Status
    /// Days from the as-of date to the due date: 0 on the day, negative when overdue.
    public var daysToDue: Int
  }

  /// The as-of date.
  public var asOf: CivilDate
  /// The exemplars that count at the date, by due date, then service id.
  public var rows: [Row]

  /// Builds the view from the projections of one timeline.
  public init(asOf: CivilDate, catalogue: Catalogue, volumes: VolumeHistory) {
    self.asOf = asOf
    rows = catalogue.services.compactMap { record in
      guard let designation = record.exemplar else { return nil }
      let status: Status =
        record.phase == .live ? .live : designation.due < asOf ? .late : .onTrack
      return Row(
        service: record, designation: designation,
        series: TakeUpSeries(volumes.reports[record.id] ?? []), status: status,
        daysToDue: asOf.days(to: designation.due))
    }
    rows.sort { ($0.designation.due, $0.service.id) < ($1.designation.due, $1.service.id) }
  }
}
