extension BoardReport {
  var changesJSON: JSONValue {
    let changes = self.changes
    return .members([
      "since": .date(period.previousEnd),
      "newServices": Self.refs(changes.newServices),
      "retiredServices": .array(
        changes.retiredServices.map { record in
          .object(Self.ref(record) + [JSONMember(key: "on", value: .date(record.retiredOn))])
        }),
      "phaseChanges": .array(
        changes.phaseChanges.map { change in
          .object(
            Self.ref(change.service) + [
              JSONMember(key: "from", value: .string(change.from?.rawValue)),
              JSONMember(key: "to", value: .string(change.to?.rawValue)),
              JSONMember(key: "on", value: .date(change.service.phaseSince)),
            ])
        }),
      "priorityChanges": .array(
        changes.priorityChanges.map { change in
          .object(
            Self.ref(change.service) + [
              JSONMember(key: "from", value: .string(change.from.rawValue)),
              JSONMember(key: "to", value: .string(change.to.rawValue)),
            ])
        }),
      "takeUpMovements": .array(changes.takeUpMovements.map(Self.movementJSON)),
      "restatements": .array(changes.restatements.map(restatementJSON)),
      "actionChanges": .array(
        changes.actionChanges.map { change in
          .members([
            "strategy": .string(change.action.strategy.rawValue),
            "action": .integer(change.action.action),
            "title": .string(change.action.title),
            "from": .string(change.from?.rawValue),
            "to": .string(change.to.status.rawValue),
            "on": .date(change.to.on),
            "note": .string(change.to.note),
          ])
        }),
      "milestonesMet": .array(changes.milestonesMet.map(Self.milestoneJSON)),
      "assistedDigitalStarted": Self.refs(changes.assistedDigitalStarted),
      "assistedDigitalEnded": Self.refs(changes.assistedDigitalEnded),
      "managerChanges": .array(
        changes.managerChanges.map { change in
          .object(
            Self.ref(change.service) + [
              JSONMember(key: "from", value: .array(change.from.map(personJSON))),
              JSONMember(key: "to", value: .array(change.to.map(personJSON))),
            ])
        }),
      "newFindings": .array(changes.newFindings.map(findingJSON)),
      "resolvedFindings": .array(changes.resolvedFindings.map(findingJSON)),
    ])
  }

  func restatementJSON(_ restatement: Restatement) -> JSONValue {
    .members([
      "service": .string(restatement.service.rawValue),
      "name": .string(name(of: restatement.service)),
      "from": .date(restatement.after.from),
      "to": .date(restatement.after.to),
      "previousTotal": .integer(restatement.before.total),
      "total": .integer(restatement.after.total),
      "previousDigital": .integer(restatement.before.digital),
      "digital": .integer(restatement.after.digital),
      "recorded": .string(restatement.recorded.description),
    ])
  }

  var qualityJSON: JSONValue {
    let quality = self.quality
    return .members([
      "invalidLines": .integer(quality.invalidLines),
      "behind": .array(
        quality.behind.map { item in
          .object(
            Self.ref(item.service) + [
              JSONMember(key: "priority", value: .string(item.priority.rawValue)),
              JSONMember(key: "latestTo", value: .date(item.to)),
              JSONMember(key: "stale", value: .bool(item.isStale)),
            ])
        }),
      "noVolume": Self.refs(quality.noVolume),
      "noTakeUp": Self.refs(quality.noTakeUp),
      "digitalElsewhere": .array(
        quality.digitalElsewhere.map { item in
          .object(
            Self.ref(item.service) + [
              JSONMember(key: "from", value: .date(item.from)),
              JSONMember(key: "to", value: .date(item.to)),
              JSONMember(key: "takeUp", value: .rate(item.takeUp)),
            ])
        }),
      "annualised": Self.refs(quality.annualised),
      "channelsEstimated": Self.refs(quality.channelsEstimated),
      "noPhase": .integer(quality.noPhase.count),
      "noKPIs": .integer(quality.noKPIs.count),
      "restated": .array(
        quality.restated.map { item in
          .object(
            Self.ref(item.service) + [
              JSONMember(key: "from", value: .date(item.from)),
              JSONMember(key: "to", value: .date(item.to)),
              JSONMember(key: "times", value: .integer(item.times)),
              JSONMember(key: "previousTotal", value: .integer(item.previousTotal)),
              JSONMember(key: "total", value: .integer(item.total)),
            ])
        }),
    ])
  }

  var findingsJSON: JSONValue {
    .members([
      "errors": .integer(headlines.errors),
      "warnings": .integer(headlines.warnings),
      "byRule": .array(
        findingGroups.map { group in
          .members([
            "rule": .string(group.rule),
            "severity": .string(group.severity.rawValue),
            "count": .integer(group.findings.count),
          ])
        }),
      "items": .array(current.findings.map(findingJSON)),
    ])
  }

  /// A finding as in `ledger check --format json`, its suggested commands naming the ledger
  /// as `suggestions` says.
  func findingJSON(_ finding: Finding) -> JSONValue {
    .members([
      "rule": .string(finding.rule), "severity": .string(finding.severity.rawValue),
      "service": .string(finding.service?.rawValue),
      "message": .string(suggestions.naming(finding.message)),
      "file": .string(finding.file), "line": .integer(finding.line),
    ])
  }
}
