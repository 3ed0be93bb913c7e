/// `ledger assisted-digital`: which services in scope have assisted-digital support, and the
/// expected need against what is reported.
///
/// JSON (rates rounded to 4 decimals), as for the shipped ledger:
/// ```json
/// {"asOf":"2015-03-31","inScope":10,"covered":0,"coverageByCount":0.0,
///  "coverageByVolume":0.0,"uncovered":["moj-court-fine-payments",…],
///  "services":[{"service":"moj-prison-visit-booking","name":"Bookings for prison visits",
///   "phase":null,"annualVolume":1183878,"basis":"12-month","digitalTakeUp":0.212,
///   "digitalTo":"2015-03-31","covered":false,"routes":[],"provider":null,"since":null,
///   "expectedNeed":213098,"reportedAssisted":null}]}
/// ```
/// `digitalTo` is the end of the latest report with digital transactions that puts the service
/// in scope (null when its phase does).
/// `coverageByCount` and `coverageByVolume` are null when nothing is in scope (or has a
/// volume); `routes` is `[]` and `provider` / `since` null for a service not covered;
/// `expectedNeed` (18% of the annual volume) and `reportedAssisted` are null when unknown.
public enum AssistedDigitalView {
  /// The view of `coverage`.
  public static func output(_ coverage: AssistedDigitalCoverage) -> ViewOutput {
    let table = TableData(
      fields: [
        "SERVICE": "service", "PHASE": "phase", "VOLUME": "annual_volume",
        "12-MONTH TAKE-UP": "digital_take_up_percent", "COVERED": "covered", "ROUTES": "routes",
        "PROVIDER": "provider", "NEED (18%)": "annual_expected_need",
        "ASSISTED": "annual_reported_assisted",
      ],
      rows: coverage.rows.map { row in
        [
          .text(row.service.id.rawValue), .optional(row.service.phase?.rawValue),
          .count(row.annual.volume), .percent(row.annual.digitalTakeUp),
          .text(row.isCovered ? "yes" : "no"), .optional(routes(row)),
          .optional(row.service.assistedDigital?.provider), .count(row.expectedNeed),
          .count(row.reportedAssisted),
        ]
      },
      leftOutFirst: [
        "PROVIDER", "ROUTES", "PHASE", "12-MONTH TAKE-UP", "ASSISTED", "NEED (18%)", "VOLUME",
        "COVERED",
      ])
    return ViewOutput(
      table: table, json: json(coverage),
      emptyNote: "no service in scope for assisted digital as of \(coverage.asOf) "
        + "(none reported digital transactions in its latest 12 months of figures or is in "
        + "beta or live)",
      notes: notes(coverage))
  }

  static func routes(_ row: AssistedDigitalCoverage.Row) -> String? {
    row.service.assistedDigital.map { $0.routes.map(\.rawValue).joined(separator: ", ") }
  }

  static func json(_ coverage: AssistedDigitalCoverage) -> JSONValue {
    .members([
      "asOf": .date(coverage.asOf),
      "inScope": .integer(coverage.rows.count),
      "covered": .integer(coverage.rows.count - coverage.uncovered.count),
      "coverageByCount": .rate(coverage.coverageByCount),
      "coverageByVolume": .rate(coverage.coverageByVolume),
      "uncovered": .array(coverage.uncovered.map { .string($0.service.id.rawValue) }),
      "services": .array(
        coverage.rows.map { row in
          let provision = row.service.assistedDigital
          return .members([
            "service": .string(row.service.id.rawValue),
            "name": .string(row.service.name),
            "phase": .string(row.service.phase?.rawValue),
            "annualVolume": .integer(row.annual.volume),
            "basis": .string(row.annual.basis?.rawValue),
            "digitalTakeUp": .rate(row.annual.digitalTakeUp),
            "digitalTo": .date(row.digitalTo),
            "covered": .bool(row.isCovered),
            "routes": .array((provision?.routes ?? []).map { .string($0.rawValue) }),
            "provider": .string(provision?.provider),
            "since": .date(provision?.on),
            "expectedNeed": .integer(row.expectedNeed),
            "reportedAssisted": .integer(row.reportedAssisted),
          ])
        }),
    ])
  }

  static func notes(_ coverage: AssistedDigitalCoverage) -> [String] {
    let covered = coverage.rows.count - coverage.uncovered.count
    var summary =
      "\(coverage.rows.count) services in scope as of \(coverage.asOf) (digital transactions "
      + "reported in their latest 12 months of figures, or in beta or live); \(covered) covered"
    if let byCount = coverage.coverageByCount {
      summary += ": \(Format.percent(byCount)) by count"
      if let byVolume = coverage.coverageByVolume {
        summary += ", \(Format.percent(byVolume)) by volume"
      }
    }
    let need = coverage.rows.compactMap(\.expectedNeed).reduce(0, +)
    let reported = coverage.rows.compactMap(\.reportedAssisted)
    var notes = [
      summary + ".",
      "NEED is 18% of the annual volume, the share of adults rarely or never online (Digital "
        + "Landscape Research 2012): \(Format.integer(need)) transactions a year in all; "
        + (reported.isEmpty
          ? "no service reports assisted-digital transactions."
          : "\(reported.count) services report \(Format.integer(reported.reduce(0, +))) "
            + "assisted."),
    ]
    if !coverage.uncovered.isEmpty {
      notes.append(
        "Uncovered: " + coverage.uncovered.map(\.service.id.rawValue).joined(separator: ", ")
          + ".")
    }
    return notes
  }
}
