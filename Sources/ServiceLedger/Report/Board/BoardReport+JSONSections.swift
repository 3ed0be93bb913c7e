extension BoardReport {
  var channelShiftJSON: JSONValue {
    let shift = current.shift
    let costs = shift.portfolioCosts
    let volumes = channelVolumes
    return .members([
      "target": .rate(shift.target),
      "unitCosts": .members([
        "source": .string(shift.unitCosts.source), "on": .date(shift.unitCosts.on),
        "digital": .decimal(shift.unitCosts.digital),
        "assisted": .decimal(shift.unitCosts.assisted), "phone": .decimal(shift.unitCosts.phone),
        "post": .decimal(shift.unitCosts.post),
        "faceToFace": .decimal(shift.unitCosts.faceToFace),
        "other": .decimal(shift.unitCosts.other),
      ]),
      "portfolio": .members([
        "services": .integer(shift.estimated.count),
        "annualVolume": .integer(shift.portfolioVolume),
        "digitalTransactions": .integer(headlines.digitalTransactions),
        "digitalTakeUp": .rate(shift.portfolioTakeUp),
        "previousDigitalTakeUp": .rate(previous.shift.portfolioTakeUp),
        "staleTransactions": .integer(shift.staleVolume),
        "cost": .pounds(costs.reduce(0, +)),
        "staleCost": .pounds(shift.staleCost),
        "saving": .pounds(shift.portfolioSaving),
        "staleSaving": .pounds(shift.staleSaving),
        "channels": .array(
          VolumeReported.channelNames.indices.map { index in
            .members([
              "channel": .string(VolumeReported.channelNames[index]),
              "transactions": .integer(Int(roundingSaturated: volumes[index])),
              "cost": .pounds(costs[index]),
            ])
          }),
      ]),
      "services": .array(
        shift.rows.filter { $0.annual.volume != nil }.map { row in
          .object(
            Self.ref(row.service) + [
              JSONMember(key: "annualVolume", value: .integer(row.annual.volume)),
              JSONMember(key: "stale", value: .bool(row.isVolumeStale)),
            ] + takeUpJSON(of: row.service.id) + [
              JSONMember(
                key: "costBasis", value: row.estimate?.basis.json(asOf: period.asOf) ?? .null),
              JSONMember(
                key: "unitCosts", value: row.estimate.map { CostBasis.unitsJSON($0.units) } ?? .null
              ),
              JSONMember(key: "cost", value: .pounds(row.estimate?.cost)),
              JSONMember(key: "saving", value: .pounds(row.estimate?.saving)),
              JSONMember(key: "costStale", value: .bool(row.isCostStale)),
            ])
        }),
      "largestMovers": .array(largestMovers.map(Self.movementJSON)),
    ])
  }

  static func movementJSON(_ movement: BoardChanges.TakeUpMovement) -> JSONValue {
    .object(
      ref(movement.service) + [
        JSONMember(key: "figure", value: .string(figureName(movement.span))),
        JSONMember(key: "previous", value: pointJSON(movement.previous)),
        JSONMember(key: "current", value: pointJSON(movement.current)),
        JSONMember(key: "change", value: .rate(movement.change)),
      ])
  }

  var assistedDigitalJSON: JSONValue {
    let coverage = current.coverage
    return .members([
      "scope": .string(Self.assistedDigitalScope),
      "inScope": .integer(coverage.rows.count),
      "covered": .integer(coverage.rows.count - coverage.uncovered.count),
      "coverageByCount": .rate(coverage.coverageByCount),
      "coverageByVolume": .rate(coverage.coverageByVolume),
      "expectedNeed": .integer(coverage.rows.compactMap(\.expectedNeed).reduce(0, +)),
      "uncovered": .array(
        coverage.uncovered.map { row in
          .object(
            Self.ref(row.service) + [
              JSONMember(key: "phase", value: .string(row.service.phase?.rawValue)),
              JSONMember(key: "digitalTo", value: .date(row.digitalTo)),
              JSONMember(key: "annualVolume", value: .integer(row.annual.volume)),
              JSONMember(key: "from", value: .date(row.annual.from)),
              JSONMember(key: "to", value: .date(row.annual.to)),
              JSONMember(key: "digitalTakeUp", value: .rate(row.annual.digitalTakeUp)),
              JSONMember(key: "expectedNeed", value: .integer(row.expectedNeed)),
              JSONMember(key: "reportedAssisted", value: .integer(row.reportedAssisted)),
            ])
        }),
    ])
  }

  var managersJSON: JSONValue {
    let roster = current.roster
    return .members([
      "servicesManaged": .integer(roster.rows.filter { !$0.managers.isEmpty }.count),
      "priorityWithoutManager": .array(
        roster.priorityWithoutManager.map { row in
          .object(
            Self.ref(row.service) + [
              JSONMember(key: "priority", value: .string(row.priority.rawValue))
            ])
        }),
      "holdingSeveral": .array(
        roster.holdingSeveral.map { holder in
          .members([
            "person": .string(holder.person.rawValue),
            "name": .string(people.name(of: holder.person)),
            "services": .ids(holder.services),
          ])
        }),
    ])
  }

  var strategiesJSON: JSONValue {
    .array(
      current.progress.strategies.map { strategy in
        .members([
          "strategy": .string(strategy.publication.strategy.rawValue),
          "title": .string(strategy.publication.title),
          "published": .date(strategy.publication.published),
          "themes": .array(
            strategy.themes.map { theme in
              .members([
                "number": .integer(theme.number),
                "title": .string(theme.title),
                "actions": .array(theme.actions.map(Self.actionJSON)),
              ])
            }),
        ])
      })
  }

  static func actionJSON(_ action: StrategyProgress.Action) -> JSONValue {
    .members([
      "action": .integer(action.definition.action),
      "title": .string(action.definition.title),
      "status": .string(action.progress?.status.rawValue),
      "statusOn": .date(action.progress?.on),
      "note": .string(action.progress?.note),
      "due": .date(action.definition.due),
      "standing": .string(action.standing.rawValue),
      "milestones": .array(action.milestones.map(milestoneJSON)),
    ])
  }

  static func milestoneJSON(_ milestone: StrategyProgress.Milestone) -> JSONValue {
    .members([
      "milestone": .string(milestone.definition.milestone.rawValue),
      "action": .integer(milestone.definition.action),
      "title": .string(milestone.definition.title),
      "due": .date(milestone.definition.due),
      "met": .date(milestone.met?.on),
      "standing": .string(milestone.standing.rawValue),
    ])
  }
}
