/// `ledger exemplars`: each exemplar with the services it covers: phase, due date, days to
/// go, take-up trend and status.
///
/// JSON (rates rounded to 4 decimals):
/// ```json
/// {"asOf":"2015-03-31","counts":{"exemplars":4,"services":5,"live":0,"onTrack":0,"late":0,
///  "unknown":4},"exemplars":[{"exemplar":"civil-claims","title":"Civil claims (…)",
///  "strategy":"moj-2012","phase":null,"due":"2015-03-31","daysToDue":0,"status":"unknown",
///  "services":[{"service":"moj-money-claims","name":"Money claims","phase":null,
///   "phaseSince":null,"due":"2015-03-31","daysToDue":0,"span":"quarterly","takeUp":0.1292,
///   "takeUpTo":"2014-09-30","changeFromPrevious":-0.0015,"status":"unknown","note":null}]}]}
/// ```
/// `status` is one of `live`, `on-track`, `late`, `unknown` (no phase recorded); an
/// exemplar's combines its services' as `ExemplarProgress` says. `daysToDue` is negative when
/// past; `phase`, `phaseSince`, `span`, `takeUp` (the latest report's, quarterly when there
/// are any), `takeUpTo`, `changeFromPrevious` (since the previous report) and `note` (why a
/// service stands for the exemplar, when that is a judgement) are null when unknown.
public enum ExemplarsView {
  /// The view of `progress`.
  public static func output(_ progress: ExemplarProgress) -> ViewOutput {
    var rows: [[TableData.Cell]] = []
    for exemplar in progress.exemplars {
      for row in exemplar.services {
        rows.append([
          .text(exemplar.id.rawValue), .text(row.service.id.rawValue),
          .optional(row.service.phase?.rawValue), .date(row.service.phaseSince),
          .date(row.designation.due), .count(row.daysToDue),
          .percent(row.series.latest?.takeUp), .optional(row.series.span?.rawValue),
          .date(row.series.latest?.to),
          .points(row.series.changeFromPrevious), .text(exemplar.status.rawValue),
          .text(row.status.rawValue),
        ])
      }
    }
    let table = TableData(
      fields: [
        "EXEMPLAR": "exemplar", "SERVICE": "service", "PHASE": "phase",
        "PHASE SINCE": "phase_since", "DUE": "due", "DAYS TO DUE": "days_to_due",
        "LATEST REPORT TAKE-UP": "latest_report_take_up_percent",
        "REPORT SPAN": "latest_report_span", "REPORT TO": "latest_report_to",
        "VS PREV": "change_from_previous_pp", "STATUS": "exemplar_status",
        "SERVICE STATUS": "service_status",
      ], rows: rows,
      leftOutFirst: [
        "PHASE SINCE", "REPORT TO", "REPORT SPAN", "VS PREV", "SERVICE STATUS", "DAYS TO DUE",
        "PHASE", "LATEST REPORT TAKE-UP", "DUE", "EXEMPLAR",
      ])
    return ViewOutput(
      table: table, json: json(progress),
      emptyNote: "no exemplar designated as of \(progress.asOf)", notes: notes(progress))
  }

  static func json(_ progress: ExemplarProgress) -> JSONValue {
    .members([
      "asOf": .date(progress.asOf),
      "counts": .members([
        "exemplars": .integer(progress.exemplars.count),
        "services": .integer(progress.rows.count),
        "live": .integer(progress.count(.live)),
        "onTrack": .integer(progress.count(.onTrack)),
        "late": .integer(progress.count(.late)),
        "unknown": .integer(progress.count(.unknown)),
      ]),
      "exemplars": .array(
        progress.exemplars.map { json($0, services: json) }),
    ])
  }

  /// An exemplar's own figures, with each of its services as `services` gives it: the view's
  /// and the board report's JSON differ only in what they say of a service.
  static func json(
    _ exemplar: ExemplarProgress.Exemplar, services: (ExemplarProgress.Row) -> JSONValue
  ) -> JSONValue {
    .members([
      "exemplar": .string(exemplar.id.rawValue),
      "title": .string(exemplar.title),
      "strategy": .string(exemplar.strategy.rawValue),
      "phase": .string(exemplar.phase?.rawValue),
      "due": .date(exemplar.due),
      "daysToDue": .integer(exemplar.daysToDue),
      "status": .string(exemplar.status.rawValue),
      "services": .array(exemplar.services.map(services)),
    ])
  }

  static func json(_ row: ExemplarProgress.Row) -> JSONValue {
    .members([
      "service": .string(row.service.id.rawValue),
      "name": .string(row.service.name),
      "phase": .string(row.service.phase?.rawValue),
      "phaseSince": .date(row.service.phaseSince),
      "due": .date(row.designation.due),
      "daysToDue": .integer(row.daysToDue),
      "span": .string(row.series.span?.rawValue),
      "takeUp": .rate(row.series.latest?.takeUp),
      "takeUpTo": .date(row.series.latest?.to),
      "changeFromPrevious": .rate(row.series.changeFromPrevious),
      "status": .string(row.status.rawValue),
      "note": .string(row.designation.note),
    ])
  }

  static func notes(_ progress: ExemplarProgress) -> [String] {
    var notes = [
      "\(summary(progress)) STATUS is the exemplar's: live when all its services are live, "
        + "late when one is past its due date and not live, unknown when one has no phase "
        + "recorded; SERVICE STATUS is the service's own. DAYS TO DUE is negative when past due; "
        + "LATEST REPORT TAKE-UP is the take-up of the service's latest report, quarterly when "
        + "it has any (the latest-quarter take-up of `ledger channel-shift`), else 12-month "
        + "(REPORT SPAN says which); `ledger priorities` gives the 12-month take-up."
    ]
    for exemplar in progress.exemplars {
      let names: [String] = exemplar.services.map(\.service.name)
      var line = "\(exemplar.id): \(exemplar.title) (\(exemplar.strategy))"
      if names != [exemplar.title] { line += "; " + names.joined(separator: ", ") }
      notes.append(line + ".")
    }
    for exemplar in progress.exemplars {
      for row in exemplar.services {
        guard let note = row.designation.note else { continue }
        notes.append("Note on \(exemplar.id) / \(row.service.id): \(note)")
      }
    }
    return notes
  }

  /// `4 exemplars covering 5 services as of 2015-03-31: 0 live, 0 on track, 0 late, 4 unknown
  /// (no phase recorded).`
  public static func summary(_ progress: ExemplarProgress) -> String {
    let counts = ExemplarProgress.Status.allCases.map { status in
      "\(progress.count(status)) \(status.words)"
    }
    let exemplars = progress.exemplars.count == 1 ? "exemplar" : "exemplars"
    let services = progress.rows.count == 1 ? "service" : "services"
    return
      "\(progress.exemplars.count) \(exemplars) covering \(progress.rows.count) \(services) as "
      + "of \(progress.asOf): " + counts.joined(separator: ", ") + "."
  }
}
