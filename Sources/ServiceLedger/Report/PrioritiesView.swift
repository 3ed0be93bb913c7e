/// `ledger priorities`: each service's priority and annual volume (docs/ledger-format.md).
///
/// JSON, exactly as the contract gives it (other tools and CI parse it):
/// ```json
/// {"asOf":"2014-03-31","threshold":100000,"services":[
///  {"service":"moj-prison-visit-booking","name":"Bookings for prison visits",
///   "organisation":"NOMS","priority":"exemplar","annualVolume":1320121,"basis":"12-month",
///   "from":"2013-04-01","to":"2014-03-31","digitalTakeUp":0.0021,"phase":null,"managers":[]}]}
/// ```
/// `annualVolume` is an integer (rounded half up when annualised) or null; `basis` is
/// `12-month`, `summed`, `annualised` or null; `from`, `to`, `digitalTakeUp` (rounded to 4
/// decimals) and `phase` are null when unknown; `managers` is `[]` when there are none.
public enum PrioritiesView {
  /// The view of `priorities`.
  public static func output(_ priorities: Priorities) -> ViewOutput {
    let table = TableData(
      fields: [
        "SERVICE": "service", "NAME": "name", "ORGANISATION": "organisation",
        "PRIORITY": "priority", "VOLUME": "annual_volume", "BASIS": "basis",
        "YEAR FROM": "year_from", "YEAR TO": "year_to",
        "12-MONTH TAKE-UP": "digital_take_up_percent",
        "PHASE": "phase", "MANAGERS": "managers",
      ],
      rows: priorities.rows.map { row in
        [
          .text(row.service.id.rawValue), .text(row.service.name),
          .text(row.service.organisation), .text(row.priority.rawValue),
          .count(row.annual.volume), .optional(row.annual.basis?.rawValue),
          .date(row.annual.from), .date(row.annual.to), .percent(row.annual.digitalTakeUp),
          .optional(row.service.phase?.rawValue),
          .optional(
            row.service.managers.isEmpty
              ? nil : row.service.managers.map(\.rawValue).joined(separator: " ")),
        ]
      },
      leftOutFirst: [
        "ORGANISATION", "YEAR FROM", "MANAGERS", "NAME", "PHASE", "BASIS", "YEAR TO",
        "12-MONTH TAKE-UP",
        "VOLUME", "PRIORITY",
      ])
    return ViewOutput(
      table: table, json: json(priorities),
      emptyNote: "no services registered as of \(priorities.asOf)", notes: notes(priorities))
  }

  /// The contract's JSON.
  static func json(_ priorities: Priorities) -> JSONValue {
    .members([
      "asOf": .date(priorities.asOf),
      "threshold": .integer(priorities.threshold),
      "services": .array(
        priorities.rows.map { row in
          .members([
            "service": .string(row.service.id.rawValue),
            "name": .string(row.service.name),
            "organisation": .string(row.service.organisation),
            "priority": .string(row.priority.rawValue),
            "annualVolume": .integer(row.annual.volume),
            "basis": .string(row.annual.basis?.rawValue),
            "from": .date(row.annual.from),
            "to": .date(row.annual.to),
            "digitalTakeUp": .rate(row.annual.digitalTakeUp),
            "phase": .string(row.service.phase?.rawValue),
            "managers": .ids(row.service.managers),
          ])
        }),
    ])
  }

  /// How many services have each priority, and what the basis words mean.
  static func notes(_ priorities: Priorities) -> [String] {
    let counts = Priority.allCases.map { priority in
      (priority, priorities.rows.filter { $0.priority == priority }.count)
    }
    let summary = counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
    return [
      "\(priorities.rows.count) services as of \(priorities.asOf): \(summary) "
        + "(high-volume: over \(Format.integer(priorities.threshold)) transactions a year).",
      "VOLUME is transactions a year from the reports of the YEAR FROM to YEAR TO period: a "
        + "12-month report, quarters summed, or annualised from part of a year (an estimate); "
        + "12-MONTH TAKE-UP is digital ÷ all transactions over the same period, as "
        + "`ledger channel-shift` and the board report give it.",
    ]
  }
}
