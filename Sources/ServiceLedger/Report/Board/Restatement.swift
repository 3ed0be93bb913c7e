/// A volume report that replaced an earlier one for the same service and period.
public struct Restatement: Sendable, Equatable {
  /// The figure replaced.
  public var before: VolumeReported
  /// The figure in force.
  public var after: VolumeReported
  /// When the replacing report was recorded.
  public var recorded: Timestamp

  public var service: ServiceID { after.service }

  /// The restatements among `timeline`'s events whose replacing report was recorded after the
  /// day `start` and on or before the day `end` (UTC dates of `at`), in replay order.
  public static func recorded(in timeline: Timeline, after start: CivilDate, upTo end: CivilDate)
    -> [Restatement]
  {
    var latest: [PeriodKey: VolumeReported] = [:]
    var found: [Restatement] = []
    for event in timeline.events {
      guard case .volumeReported(let report) = event.event else { continue }
      let key = PeriodKey(service: report.service, from: report.from, to: report.to)
      let day = event.at.date
      if let earlier = latest[key], day > start, day <= end {
        found.append(Restatement(before: earlier, after: report, recorded: event.at))
      }
      latest[key] = report
    }
    return found
  }

  struct PeriodKey: Hashable {
    var service: ServiceID
    var from: CivilDate
    var to: CivilDate
  }
}
