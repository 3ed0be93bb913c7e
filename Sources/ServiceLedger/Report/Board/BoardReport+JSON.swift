extension BoardReport {
  /// Every figure of the report as JSON, keys in a fixed order. Rates are rounded to 4
  /// decimals, money to whole pounds; unknown values are null.
  ///
  /// Top-level keys: `report`, `title`, `period`, `knownAt`, `recordedUpTo`, `summary`,
  /// `headlines` (`current`, `previous`), `exemplars`, `priorityServices`, `takeUpSeries`,
  /// `channelShift`, `assistedDigital`, `serviceManagers`, `strategies`, `pastDue`,
  /// `changes`, `dataQuality`, `findings`.
  public var json: JSONValue {
    .members([
      "report": .string("board"),
      "title": .string(title),
      "subject": .string(subject),
      "period": .members([
        "label": .string(period.label),
        "asOf": .date(period.asOf),
        "quarter": .string(period.quarter?.description),
        "previousQuarter": .string(period.previousLabel),
        "previousEnd": .date(period.previousEnd),
      ]),
      "knownAt": .string(knownAt?.description),
      "recordedUpTo": .string(recordedUpTo?.description),
      "summary": .array(summary.map { .string($0) }),
      "headlines": .members([
        "current": Self.json(headlines), "previous": Self.json(previousHeadlines),
      ]),
      "exemplars": .array(current.exemplars.exemplars.map(exemplarJSON)),
      "priorityServices": .array(current.priorityRows.map(priorityJSON)),
      "takeUpSeries": .array(
        current.exemplars.rows.map { Self.seriesJSON($0.service, $0.series, "exemplar") }
          + topServices.map { Self.seriesJSON($0.service, $0.series, "top") }),
      "channelShift": channelShiftJSON,
      "assistedDigital": assistedDigitalJSON,
      "serviceManagers": managersJSON,
      "strategies": strategiesJSON,
      "pastDue": pastDueJSON,
      "changes": changesJSON,
      "dataQuality": qualityJSON,
      "findings": findingsJSON,
    ])
  }

  static func json(_ figures: BoardHeadlines) -> JSONValue {
    .members([
      "services": .integer(figures.services),
      "priorityServices": .integer(figures.priorityServices),
      "servicesWithVolume": .integer(figures.servicesWithVolume),
      "transactions": .integer(figures.transactions),
      "servicesWithTakeUp": .integer(figures.servicesWithTakeUp),
      "takeUpTransactions": .integer(figures.takeUpTransactions),
      "digitalTransactions": .integer(figures.digitalTransactions),
      "digitalTakeUp": .rate(figures.takeUp),
      "dominantService": .string(figures.dominantService?.rawValue),
      "digitalTakeUpWithoutDominant": .rate(figures.takeUpWithoutDominant),
      "staleTransactions": .integer(figures.staleTransactions),
      "cost": .pounds(figures.cost),
      "staleCost": .pounds(figures.staleCost),
      "staleCostShare": .rate(figures.cost == 0 ? nil : figures.staleCost / figures.cost),
      "servicesWithRecordedCosts": .integer(figures.servicesWithRecordedCosts),
      "saving": .pounds(figures.saving),
      "staleSaving": .pounds(figures.staleSaving),
      "staleSavingShare": .rate(figures.saving == 0 ? nil : figures.staleSaving / figures.saving),
      "target": .rate(figures.target),
      "assistedDigitalInScope": .integer(figures.assistedDigitalInScope),
      "assistedDigitalCovered": .integer(figures.assistedDigitalCovered),
      "assistedDigitalByCount": .rate(figures.assistedDigitalByCount),
      "assistedDigitalByVolume": .rate(figures.assistedDigitalByVolume),
      "priorityServicesManaged": .integer(figures.priorityServicesManaged),
      "exemplars": .integer(figures.exemplars),
      "exemplarServices": .integer(figures.exemplarServices),
      "exemplarsLive": .integer(figures.exemplarsLive),
      "exemplarsLate": .integer(figures.exemplarsLate),
      "exemplarsUnknown": .integer(figures.exemplarsUnknown),
      "actions": .integer(figures.actions),
      "actionsDone": .integer(figures.actionsDone),
      "actionsLate": .integer(figures.actionsLate),
      "actionsPastDueWithNoProgress": .integer(figures.actionsPastDueWithNoProgress),
      "actionsWithNoProgress": .integer(figures.actionsWithNoProgress),
      "milestones": .integer(figures.milestones),
      "milestonesMet": .integer(figures.milestonesMet),
      "milestonesLate": .integer(figures.milestonesLate),
      "milestonesPastDueWithNoProgress": .integer(figures.milestonesPastDueWithNoProgress),
      "errors": .integer(figures.errors),
      "warnings": .integer(figures.warnings),
    ])
  }

  func exemplarJSON(_ exemplar: ExemplarProgress.Exemplar) -> JSONValue {
    ExemplarsView.json(exemplar, services: exemplarServiceJSON)
  }

  func exemplarServiceJSON(_ row: ExemplarProgress.Row) -> JSONValue {
    let annual = current.volumes.annualVolume(of: row.service.id)
    let members: KeyValuePairs<String, JSONValue> = [
      "service": .string(row.service.id.rawValue),
      "name": .string(row.service.name),
      "organisation": .string(row.service.organisation),
      "phase": .string(row.service.phase?.rawValue),
      "phaseSince": .date(row.service.phaseSince),
      "due": .date(row.designation.due),
      "daysToDue": .integer(row.daysToDue),
      "status": .string(row.status.rawValue),
      "annualVolume": .integer(annual.volume),
      "note": .string(row.designation.note),
    ]
    return .object(
      members.map { JSONMember(key: $0.key, value: $0.value) } + takeUpJSON(of: row.service.id))
  }

  func priorityJSON(_ row: Priorities.Row) -> JSONValue {
    .members([
      "service": .string(row.service.id.rawValue),
      "name": .string(row.service.name),
      "organisation": .string(row.service.organisation),
      "priority": .string(row.priority.rawValue),
      "annualVolume": .integer(row.annual.volume),
      "basis": .string(row.annual.basis?.rawValue),
      "from": .date(row.annual.from),
      "to": .date(row.annual.to),
      "stale": .bool(row.annual.to.map { Staleness.isStale($0, asOf: period.asOf) } ?? false),
      "digitalTakeUp": .rate(row.annual.digitalTakeUp),
      "phase": .string(row.service.phase?.rawValue),
      "managers": .array(row.service.managers.map(personJSON)),
      "assistedDigital": .bool(row.service.assistedDigital != nil),
    ])
  }

  func personJSON(_ person: PersonID) -> JSONValue {
    .members(["person": .string(person.rawValue), "name": .string(people.name(of: person))])
  }

  static func seriesJSON(_ service: ServiceRecord, _ series: TakeUpSeries, _ group: String)
    -> JSONValue
  {
    .members([
      "service": .string(service.id.rawValue),
      "name": .string(service.name),
      "group": .string(group),
      "span": .string(series.span?.rawValue),
      "points": .array(series.points.map(pointJSON)),
    ])
  }

  static func pointJSON(_ point: TakeUpSeries.Point?) -> JSONValue {
    guard let point else { return .null }
    return .members([
      "from": .date(point.from), "to": .date(point.to), "total": .integer(point.total),
      "digital": .integer(point.digital), "takeUp": .rate(point.takeUp),
    ])
  }

  /// `{"service": id, "name": name}` members, to begin an object about a service.
  static func ref(_ service: ServiceRecord) -> [JSONMember] {
    [
      JSONMember(key: "service", value: .string(service.id.rawValue)),
      JSONMember(key: "name", value: .string(service.name)),
    ]
  }

  static func refs(_ services: [ServiceRecord]) -> JSONValue {
    .array(services.map { .object(ref($0)) })
  }
}
