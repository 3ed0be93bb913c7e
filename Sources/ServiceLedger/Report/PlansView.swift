/// `ledger plans`: every plan at a date with its organisation, form, period, status, and how
/// many of its items are done, overdue or without progress recorded.
///
/// JSON:
/// ```json
/// {"asOf":"2023-06-30","plans":[{"plan":"el-kef-ogp-action-plan","title":"…",
///  "organisation":{"id":"el-kef-municipality","name":"El Kef municipality","kind":"municipality"},
///  "form":"action-plan","framework":"ogp-local","number":null,"issued":null,
///  "period":{"from":null,"to":null,"asPrinted":null},"governedBy":"el-kef-municipal-council",
///  "status":{"status":"suspended","on":"2023-03-31","when":"March 2023",
///   "body":"el-kef-municipal-council","cause":"dissolution"},
///  "items":5,"itemsByKind":{"commitment":5},"declared":[{"of":"commitment","count":17,
///   "recorded":5}],"done":0,"overdue":0,"unrecorded":5,"pastDueUnrecorded":0,
///  "parties":[{"id":"…","name":"…","kind":"civil-society"}]}]}
/// ```
/// `status` is null when no status is recorded; its `body` and `cause` are null unless the
/// status comes from the end of the governing body's mandate. Done, overdue (past due with an
/// unfinished status recorded), unrecorded and past due unrecorded count the items progress is
/// expected of (not visions, goals, principles, themes, sections).
public enum PlansView {
  /// The view of `registry`.
  public static func output(_ registry: PlanRegistry) -> ViewOutput {
    let plans = registry.allPlans
    let rows: [[TableData.Cell]] = plans.map { plan in
      [
        .text(plan.registration.plan.rawValue), .text(plan.registration.title),
        .text(plan.registration.organisation.rawValue), .text(plan.registration.form.rawValue),
        .optional(period(plan.registration)), .optional(plan.status?.status.rawValue),
        .date(plan.status?.on), .count(plan.items.count), .count(plan.done),
        .count(plan.overdue), .count(plan.unrecorded),
      ]
    }
    let table = TableData(
      fields: [
        "PLAN": "plan", "TITLE": "title", "ORGANISATION": "organisation", "FORM": "form",
        "PERIOD": "period", "STATUS": "status", "SINCE": "status_on", "ITEMS": "items",
        "DONE": "done", "OVERDUE": "overdue", "UNRECORDED": "no_progress_recorded",
      ], rows: rows, leftOutFirst: ["TITLE", "FORM", "SINCE", "PERIOD", "ORGANISATION"])
    return ViewOutput(
      table: table,
      json: .members([
        "asOf": .date(registry.asOf),
        "plans": .array(plans.map { json($0, registry) }),
      ]),
      emptyNote: "no plan registered as of \(registry.asOf)", notes: notes(registry, plans))
  }

  /// The period as printed, else from its dates: `2021-01-01 to 2022-12-31`, `from …`,
  /// `until …`; nil when none is known.
  static func period(_ plan: PlanRegistered) -> String? {
    if let printed = plan.period { return printed }
    switch (plan.from, plan.to) {
    case (let from?, let to?): return "\(from) to \(to)"
    case (let from?, nil): return "from \(from)"
    case (nil, let to?): return "until \(to)"
    case (nil, nil): return nil
    }
  }

  /// `reaffirmed`, or `suspended (dissolution of el-kef-municipal-council)`.
  static func status(_ status: PlanRegistry.Status?) -> String? {
    guard let status else { return nil }
    guard let body = status.body, let cause = status.cause else { return status.status.rawValue }
    return "\(status.status.rawValue) (\(cause.rawValue) of \(body))"
  }

  static func json(_ plan: PlanRegistry.Plan, _ registry: PlanRegistry) -> JSONValue {
    let registration = plan.registration
    var kinds: [String: Int] = [:]
    for item in plan.items { kinds[item.definition.kind.rawValue, default: 0] += 1 }
    return .members([
      "plan": .string(registration.plan.rawValue),
      "title": .string(registration.title),
      "organisation": organisation(registration.organisation, registry),
      "form": .string(registration.form.rawValue),
      "framework": .string(registration.framework),
      "number": .string(registration.number),
      "issued": .date(registration.issued),
      "issuedText": .string(registration.issuedText),
      "link": .string(registration.link),
      "period": .members([
        "from": .date(registration.from), "to": .date(registration.to),
        "asPrinted": .string(registration.period),
      ]),
      "governedBy": .string(registration.governedBy?.rawValue),
      "status": status(json: plan.status),
      "items": .integer(plan.items.count),
      "itemsByKind": .object(
        ItemKind.allCases.compactMap { kind in
          kinds[kind.rawValue].map { JSONMember(key: kind.rawValue, value: .integer($0)) }
        }),
      "declared": .array(
        plan.declared.map { declared in
          .members([
            "of": .string(declared.declaration.of),
            "count": .integer(declared.declaration.count),
            "recorded": .integer(declared.recorded),
          ])
        }),
      "done": .integer(plan.done),
      "overdue": .integer(plan.overdue),
      "unrecorded": .integer(plan.unrecorded),
      "pastDueUnrecorded": .integer(plan.pastDueUnrecorded),
      "parties": .array(plan.parties.map { organisation($0, registry) }),
    ])
  }

  static func status(json status: PlanRegistry.Status?) -> JSONValue {
    guard let status else { return .null }
    return .members([
      "status": .string(status.status.rawValue), "on": .date(status.on),
      "when": .string(status.when), "body": .string(status.body?.rawValue),
      "cause": .string(status.cause?.rawValue),
    ])
  }

  /// `{"id": …, "name": …, "kind": …}`; name and kind are null for an organisation not
  /// registered by the date.
  static func organisation(_ id: OrganisationID, _ registry: PlanRegistry) -> JSONValue {
    let known = registry.organisation(id)
    return .members([
      "id": .string(id.rawValue), "name": .string(known?.name),
      "kind": .string(known?.kind.rawValue),
    ])
  }

  static func notes(_ registry: PlanRegistry, _ plans: [PlanRegistry.Plan]) -> [String] {
    var notes = ["\(plans.count) plan(s) as of \(registry.asOf)."]
    for plan in plans {
      let id = plan.registration.plan
      for declared in plan.declared where declared.recorded != declared.declaration.count {
        notes.append(
          "\(id): \(declared.declaration.count) \(declared.declaration.of) item(s) declared, "
            + "\(declared.recorded) recorded.")
      }
      if let status = plan.status, let body = status.body, let cause = status.cause {
        notes.append(
          "\(id): \(status.status.rawValue) since \(status.on)"
            + (status.when.map { " (\($0))" } ?? "")
            + ", by the \(cause.rawValue) of its governing body \(body); "
            + "its last recorded status is "
            + (plan.history.last.map { "\($0.status.rawValue) (\($0.on))" } ?? "none") + ".")
      }
    }
    return notes
  }
}
