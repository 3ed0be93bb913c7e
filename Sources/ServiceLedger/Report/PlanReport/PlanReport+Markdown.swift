extension PlanReport {
  /// The report as Markdown: at a glance, the items, what changed, participation, findings.
  public func renderMarkdown(into out: inout some TextOutputStream) {
    let registration = plan.registration
    let md = TableData.markdownEscaped
    out.write("# Plan report: \(md(registration.title)), \(period.label)\n\n")
    out.write("## At a glance\n\n")
    for line in glance { out.write("- " + md(line) + "\n") }
    out.write("\n## Items\n\n")
    let items = PlanView.output(plan, registry)
    if items.table.rows.isEmpty {
      out.write("_No items recorded._\n")
    } else {
      items.table.renderMarkdown(into: &out)
    }
    out.write("\n## What changed since \(period.previousLabel)\n\n")
    if changes.isEmpty { out.write("- Nothing recorded.\n") }
    for change in changes { out.write("- " + md(Self.sentence(change)) + "\n") }
    if !plan.participation.isEmpty {
      out.write("\n## Participation\n\n")
      for held in plan.participation { out.write("- " + md(Self.sentence(held)) + "\n") }
    }
    out.write("\n## Findings\n\n")
    if findings.isEmpty { out.write("- None.\n") }
    for finding in findings {
      let place = finding.file.map { "\($0):\(finding.line ?? 0): " } ?? ""
      out.write(
        "- " + md("\(place)\(finding.severity.rawValue): \(finding.rule): \(finding.message)")
          + "\n")
    }
  }

  /// The headline sentences.
  var glance: [String] {
    let registration = plan.registration
    let owner = registry.organisation(registration.organisation)
    var lines = [
      "\(registration.plan): \(registration.form.rawValue)"
        + (registration.framework.map { " (\($0))" } ?? "") + " of "
        + (owner?.name ?? registration.organisation.rawValue) + "; period "
        + (PlansView.period(registration) ?? "not recorded") + ".",
      "Status as of \(period.asOf): \(Self.status(plan.status)); at \(period.previousEnd): "
        + (previous.map { Self.status($0.status) } ?? "not registered") + ".",
      "\(plan.workItems.count) of \(plan.items.count) items to deliver: \(plan.done) done, "
        + "\(plan.overdue) overdue, \(plan.unrecorded) with no progress recorded"
        + (plan.pastDueUnrecorded > 0 ? " (\(plan.pastDueUnrecorded) of them past due)" : "")
        + ".",
    ]
    for declared in plan.declared {
      lines.append(
        "The source declares \(declared.declaration.count) \(declared.declaration.of) items; "
          + "\(declared.recorded) are recorded.")
    }
    return lines
  }

  static func sentence(_ change: Change) -> String {
    switch change.kind {
    case "status":
      return "Status: \(change.before ?? "none recorded") → \(change.after ?? "none recorded")"
    case "item": return "New item \(change.subject): \(change.after ?? "")"
    default:
      return
        "\(change.subject): \(change.before ?? "no progress") → \(change.after ?? "no progress")"
    }
  }

  static func sentence(_ held: ParticipationHeld) -> String {
    var parts = ["\(held.when ?? held.on.description): \(held.kind.rawValue)"]
    if let item = held.item { parts.append("on \(item)") }
    if let participants = held.participants { parts.append("\(participants) participants") }
    if let organisations = held.organisations { parts.append("\(organisations) organisations") }
    if let places = held.places { parts.append("\(places) places") }
    return parts.joined(separator: ", ") + (held.note.map { ": \($0)" } ?? "")
  }
}
