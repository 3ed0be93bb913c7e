/// `ledger exemplars`: each exemplar's phase, due date, days to go, take-up trend and status.
///
/// JSON (rates rounded to 4 decimals):
/// ```json
/// {"asOf":"2015-03-31","exemplars":[{"service":"moj-prison-visit-booking",
///  "name":"Bookings for prison visits","strategy":"moj-2012","phase":null,"phaseSince":null,
///  "due":"2015-03-31","daysToDue":0,"span":"quarterly","takeUp":0.3631,
///  "takeUpTo":"2015-03-31","changeFromPrevious":0.0367,"status":"on-track"}]}
/// ```
/// `daysToDue` is negative when overdue; `status` is `live` in phase live, else `late` after
/// the due date, else `on-track`; `phase`, `phaseSince`, `span`, `takeUp` (the latest report's,
/// quarterly when there are any), `takeUpTo` and `changeFromPrevious` (since the previous
/// report) are null when unknown.
public enum ExemplarsView {
  /// The view of `progress`.
  public static func output(_ progress: ExemplarProgress) -> ViewOutput {
    let table = TableData(
      fields: [
        "SERVICE": "service", "PHASE": "phase", "PHASE SINCE": "phase_since", "DUE": "due",
        "DAYS LEFT": "days_to_due", "TAKE-UP": "latest_take_up_percent",
        "TAKE-UP TO": "latest_take_up_to", "VS PREV": "change_from_previous_pp",
        "STATUS": "status",
      ],
      rows: progress.rows.map { row in
        [
          .text(row.service.id.rawValue), .optional(row.service.phase?.rawValue),
          .date(row.service.phaseSince), .date(row.designation.due),
          .count(row.daysToDue), .percent(row.series.latest?.takeUp),
          .date(row.series.latest?.to), .points(row.series.changeFromPrevious),
          .text(row.status.rawValue),
        ]
      },
      leftOutFirst: [
        "PHASE SINCE", "TAKE-UP TO", "VS PREV", "DAYS LEFT", "PHASE", "TAKE-UP", "DUE",
      ])
    return ViewOutput(
      table: table, json: json(progress),
      emptyNote: "no exemplar designated as of \(progress.asOf)", notes: notes(progress))
  }

  static func json(_ progress: ExemplarProgress) -> JSONValue {
    .members([
      "asOf": .date(progress.asOf),
      "exemplars": .array(
        progress.rows.map { row in
          .members([
            "service": .string(row.service.id.rawValue),
            "name": .string(row.service.name),
            "strategy": .string(row.designation.strategy.rawValue),
            "phase": .string(row.service.phase?.rawValue),
            "phaseSince": .date(row.service.phaseSince),
            "due": .date(row.designation.due),
            "daysToDue": .integer(row.daysToDue),
            "span": .string(row.series.span?.rawValue),
            "takeUp": .rate(row.series.latest?.takeUp),
            "takeUpTo": .date(row.series.latest?.to),
            "changeFromPrevious": .rate(row.series.changeFromPrevious),
            "status": .string(row.status.rawValue),
          ])
        }),
    ])
  }

  static func notes(_ progress: ExemplarProgress) -> [String] {
    let counts = [ExemplarProgress.Status.live, .onTrack, .late].map { status in
      "\(progress.rows.filter { $0.status == status }.count) \(status.rawValue)"
    }
    return [
      "\(progress.rows.count) exemplars as of \(progress.asOf): "
        + counts.joined(separator: ", ") + ". DAYS LEFT is negative when overdue; TAKE-UP "
        + "is from the latest quarterly report (12-month when there are none)."
    ]
  }
}
