/// `ledger plan ID`: one plan's items in its hierarchy, each with its responsible parties,
/// deadline, status, target and assessments; notes give the plan's organisation, period,
/// status history, governing body and declared counts.
///
/// JSON: `{"asOf": …, "plan": {…as in ledger plans…}, "history": [{"status", "on", "when",
/// "by", "source"}], "bodies": [{"body", "name", "kind", "composition", "members",
/// "recorded"}], "governingBody": {"body", "name", "kind", "composition", "members",
/// "mandateEnds": [{"cause", "on", "when"}]} or null, "items": [{"item", "kind", "title",
/// "parent", "depth", "due", "dueFrom", "dueKind", "dueText", "responsible": [{"party", "name",
/// "role", "post", "by", "on", "when"}], "status", "statusOn", "statusWhen", "note", "overdue",
/// "pastDueUnrecorded", "tracked", "target": {"unit", "value", "baseline", "deadline",
/// "horizon", "measured", "measuredOn", "attainment"} (unit and value null when only a measure
/// is recorded) or null, "assessments": [{"perspective",
/// "verdict", "on", "by"}], "source"}], "participation": [{"kind", "item", "from", "on", "when",
/// "participants", "organisations", "places", "note"}]}`.
public enum PlanView {
  /// The view of `plan` in `registry`.
  public static func output(_ plan: PlanRegistry.Plan, _ registry: PlanRegistry) -> ViewOutput {
    let rows: [[TableData.Cell]] = plan.items.map { item in
      let definition = item.definition
      return [
        .text(String(repeating: "  ", count: item.depth) + definition.item.rawValue),
        .text(definition.kind.rawValue), .text(definition.title),
        .optional(responsible(item)), .optional(due(definition)), .optional(status(item)),
        .date(item.progress?.on), .optional(target(item)),
        .optional(assessments(item)),
      ]
    }
    let table = TableData(
      fields: [
        "ITEM": "item", "KIND": "kind", "TITLE": "title", "RESPONSIBLE": "responsible",
        "DUE": "due", "STATUS": "status", "SINCE": "status_on", "TARGET": "target",
        "ASSESSMENTS": "assessments",
      ], rows: rows, leftOutFirst: ["ASSESSMENTS", "TARGET", "SINCE", "KIND", "DUE"])
    return ViewOutput(
      table: table, json: json(plan, registry),
      emptyNote: "\(plan.registration.plan) has no items recorded as of \(registry.asOf)",
      notes: notes(plan, registry))
  }

  /// `el-kef-municipality (executor); a-cso (co-owner, by steering-committee 2022-03-31)`.
  static func responsible(_ item: PlanRegistry.Item) -> String? {
    guard !item.responsibilities.isEmpty else { return nil }
    return item.responsibilities.map { assignment in
      var details = [assignment.role.rawValue]
      if let post = assignment.post { details.append(post) }
      if let by = assignment.by {
        details.append("by \(by)" + (assignment.on.map { " \($0)" } ?? ""))
      }
      return "\(assignment.party) (\(details.joined(separator: ", ")))"
    }.joined(separator: "; ")
  }

  /// The date, a range, or the deadline as printed, or its kind.
  static func due(_ item: ItemDefined) -> String? {
    if let from = item.dueFrom, let due = item.due { return "\(from) to \(due)" }
    if let due = item.dueDate { return due.description }
    return item.dueText ?? item.deadlineKind?.rawValue
  }

  /// `in-progress`, with `, overdue` when it is; `no progress recorded (due DATE)` past a
  /// deadline with nothing recorded.
  static func status(_ item: PlanRegistry.Item) -> String? {
    guard let progress = item.progress else {
      guard item.isPastDueUnrecorded, let due = item.definition.dueDate else { return nil }
      return "no progress recorded (due \(due))"
    }
    return progress.status.rawValue + (item.isOverdue ? ", overdue" : "")
  }

  /// `80 of 100 % of pupils (80%)`, or the target alone before any measure, or a measure alone
  /// when no target is set (so it is not lost).
  static func target(_ item: PlanRegistry.Item) -> String? {
    guard let target = item.target else {
      return item.measured.map {
        "\(JSONNumber($0.value).text) measured on \($0.on); no target set"
      }
    }
    let goal = "\(JSONNumber(target.value).text) \(target.unit)"
    guard let measured = item.measured, let attainment = item.attainment else {
      return "target " + goal + (target.deadline.map { " by \($0)" } ?? "")
    }
    return "\(JSONNumber(measured.value).text) of \(goal) (\(percent(attainment))%)"
  }

  /// An attainment as a whole percentage, rounded, but never 100 short of the target (99.996
  /// of 100 is 99%): 100% reads as met.
  static func percent(_ attainment: Double) -> Int {
    let rounded = Int(roundingSaturated: attainment * 100)
    return attainment < 1 ? min(rounded, 99) : rounded
  }

  /// `government on-track; civil-society off-track`.
  static func assessments(_ item: PlanRegistry.Item) -> String? {
    guard !item.assessments.isEmpty else { return nil }
    return item.assessments.map { "\($0.perspective.rawValue) \($0.verdict.rawValue)" }
      .joined(separator: "; ")
  }

  /// The bodies of the plan's organisation, and its governing body, by id.
  static func bodies(_ plan: PlanRegistry.Plan, _ registry: PlanRegistry) -> [PlanRegistry.Body] {
    registry.allBodies.filter {
      $0.formation.organisation == plan.registration.organisation
        || $0.formation.body == plan.registration.governedBy
    }
  }

  /// `Body: El Kef open government steering committee (steering-committee), parity declared,
  /// chosen by an open call; members recorded: 3 civil-society (women; youth).`
  static func sentence(_ body: PlanRegistry.Body) -> String {
    let formation = body.formation
    var parts = ["Body: \(formation.name) (\(formation.kind.rawValue))"]
    if formation.composition == .parity { parts.append("parity declared") }
    if let members = formation.members { parts.append("\(members) members declared") }
    if let selection = formation.selection { parts.append("chosen by \(selection)") }
    let sectors = Sector.allCases.compactMap { sector -> String? in
      let count = body.count(sector)
      return count == 0 ? nil : "\(count) \(sector.rawValue)"
    }
    let groups = body.members.flatMap { $0.represents ?? [] }.map(\.rawValue)
    let recorded =
      sectors.isEmpty
      ? "no members recorded"
      : "members recorded: " + sectors.joined(separator: ", ")
        + (groups.isEmpty ? "" : " (representing " + groups.joined(separator: ", ") + ")")
    return parts.joined(separator: ", ") + "; " + recorded + "."
  }

  static func notes(_ plan: PlanRegistry.Plan, _ registry: PlanRegistry) -> [String] {
    let registration = plan.registration
    let owner = registry.organisation(registration.organisation)
    var notes = [
      "\(registration.plan): \(registration.title); \(registration.form.rawValue)"
        + (registration.framework.map { " (\($0))" } ?? "") + " of "
        + (owner.map { "\($0.name) (\($0.organisation))" } ?? registration.organisation.rawValue)
        + "; period " + (PlansView.period(registration) ?? "not recorded") + "; status "
        + (PlansView.status(plan.status).map { "\($0) since \(plan.status?.on.description ?? "")" }
          ?? "not recorded") + " as of \(registry.asOf)."
    ]
    if !plan.history.isEmpty {
      notes.append(
        "History: "
          + plan.history.map { "\($0.status.rawValue) \($0.when ?? $0.on.description)" }
          .joined(separator: "; ") + ".")
    }
    if let body = plan.governingBody {
      notes.append(
        "Governed by \(body.name) (\(body.body))"
          + (plan.mandateEnds.isEmpty
            ? "."
            : ": "
              + plan.mandateEnds.map { "\($0.cause.rawValue) \($0.when ?? $0.on.description)" }
              .joined(separator: "; ") + "."))
    }
    for body in bodies(plan, registry) where body.formation.body != plan.registration.governedBy {
      notes.append(sentence(body))
    }
    for declared in plan.declared {
      notes.append(
        "Declared: \(declared.declaration.count) \(declared.declaration.of) item(s); "
          + "\(declared.recorded) recorded.")
    }
    let work = plan.workItems
    notes.append(
      "\(work.count) item(s) to deliver: \(plan.done) done, \(plan.overdue) overdue, "
        + "\(plan.unrecorded) with no progress recorded"
        + (plan.pastDueUnrecorded > 0 ? " (\(plan.pastDueUnrecorded) of them past due)" : "")
        + ".")
    return notes
  }
}
