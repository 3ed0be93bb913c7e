extension PlanView {
  static func json(_ plan: PlanRegistry.Plan, _ registry: PlanRegistry) -> JSONValue {
    .members([
      "asOf": .date(registry.asOf),
      "plan": PlansView.json(plan, registry),
      "history": .array(
        plan.history.map { step in
          .members([
            "status": .string(step.status.rawValue), "on": .date(step.on),
            "when": .string(step.when), "by": .string(step.by?.rawValue),
            "source": .string(step.source),
          ])
        }),
      "governingBody": plan.governingBody.map { body in
        .members([
          "body": .string(body.body.rawValue), "name": .string(body.name),
          "kind": .string(body.kind.rawValue), "composition": .string(body.composition?.rawValue),
          "members": .integer(body.members),
          "mandateEnds": .array(
            plan.mandateEnds.map { end in
              .members([
                "cause": .string(end.cause.rawValue), "on": .date(end.on),
                "when": .string(end.when),
              ])
            }),
        ])
      } ?? .null,
      "bodies": .array(
        bodies(plan, registry).map { body in
          .members([
            "body": .string(body.formation.body.rawValue), "name": .string(body.formation.name),
            "kind": .string(body.formation.kind.rawValue),
            "composition": .string(body.formation.composition?.rawValue),
            "members": .integer(body.formation.members),
            "recorded": .array(
              body.members.map { member in
                .members([
                  "member": .string(member.member), "sector": .string(member.sector.rawValue),
                  "represents": .array((member.represents ?? []).map { .string($0.rawValue) }),
                ])
              }),
          ])
        }),
      "items": .array(plan.items.map { json($0, registry) }),
      "participation": .array(
        plan.participation.map { held in
          .members([
            "kind": .string(held.kind.rawValue), "item": .string(held.item?.rawValue),
            "from": .date(held.from), "on": .date(held.on), "when": .string(held.when),
            "participants": .integer(held.participants),
            "organisations": .integer(held.organisations), "places": .integer(held.places),
            "note": .string(held.note),
          ])
        }),
    ])
  }

  static func json(_ item: PlanRegistry.Item, _ registry: PlanRegistry) -> JSONValue {
    let definition = item.definition
    return .members([
      "item": .string(definition.item.rawValue),
      "kind": .string(definition.kind.rawValue),
      "title": .string(definition.title),
      "parent": .string(definition.parent?.rawValue),
      "depth": .integer(item.depth),
      "due": .date(definition.due),
      "dueFrom": .date(definition.dueFrom),
      "dueKind": .string(definition.deadlineKind?.rawValue),
      "dueText": .string(definition.dueText),
      "responsible": .array(
        item.responsibilities.map { assignment in
          .members([
            "party": .string(assignment.party.rawValue),
            "name": .string(registry.organisation(assignment.party)?.name),
            "role": .string(assignment.role.rawValue), "post": .string(assignment.post),
            "by": .string(assignment.by?.rawValue), "on": .date(assignment.on),
            "when": .string(assignment.when),
          ])
        }),
      "status": .string(item.progress?.status.rawValue),
      "statusOn": .date(item.progress?.on),
      "statusWhen": .string(item.progress?.when),
      "note": .string(item.progress?.note),
      "overdue": .bool(item.isOverdue),
      "pastDueUnrecorded": .bool(item.isPastDueUnrecorded),
      "tracked": .bool(item.tracked != nil),
      "target": item.target == nil && item.measured == nil
        ? .null
        : .members([
          "unit": .string(item.target?.unit), "value": .decimal(item.target?.value),
          "baseline": .decimal(item.target?.baseline), "deadline": .date(item.target?.deadline),
          "horizon": .date(item.target?.horizon), "measured": .decimal(item.measured?.value),
          "measuredOn": .date(item.measured?.on), "attainment": .decimal(item.attainment),
        ]),
      "assessments": .array(
        item.assessments.map { assessed in
          .members([
            "perspective": .string(assessed.perspective.rawValue),
            "verdict": .string(assessed.verdict.rawValue), "on": .date(assessed.on),
            "by": .string(assessed.by?.rawValue),
          ])
        }),
      "source": .string(definition.source),
    ])
  }
}
