extension BoardReport {
  /// The report "at a glance": one plain sentence per topic, the same in every format.
  public var summary: [String] {
    let now = headlines
    var lines: [String] = []
    if now.exemplars > 0 {
      let rows = current.exemplars.rows
      var parts = ["\(now.exemplarsLive) of \(now.exemplars) services live"]
      let late = rows.filter { $0.status == .late }
      if !late.isEmpty { parts.append("\(late.count) late") }
      let dueNow = rows.filter { $0.status == .onTrack && $0.daysToDue == 0 }
      if !dueNow.isEmpty {
        parts.append(
          "\(dueNow.count) due on \(period.asOf), the date of this report, and not recorded "
            + "as live")
      }
      let ahead = rows.filter { $0.status == .onTrack && $0.daysToDue > 0 }
      if let next = ahead.map(\.designation.due).min() {
        parts.append("\(ahead.count) not yet due (the next on \(next))")
      }
      lines.append("Exemplars: " + parts.joined(separator: "; ") + ".")
    }
    if now.takeUp != nil {
      lines += takeUpSummary + costSummary
    } else if now.servicesWithVolume > 0 {
      lines.append("No service reports digital transactions for its latest 12 months.")
    }
    lines.append(
      "\(now.priorityServices - now.priorityServicesManaged) of \(now.priorityServices) "
        + "priority services (exemplar, or over "
        + "\(Format.integer(Priority.defaultThreshold)) transactions a year) have no service "
        + "manager recorded; \(now.assistedDigitalInScope - now.assistedDigitalCovered) of "
        + "\(now.assistedDigitalInScope) services in assisted-digital scope "
        + "(\(Self.assistedDigitalScope)) have no assisted-digital support recorded.")
    if now.actions > 0 {
      let silent = current.progress.allActions.filter { $0.progress == nil }.count
      lines.append(
        "Strategy: \(now.actionsDone) of \(now.actions) actions done, \(now.actionsOverdue) "
          + "overdue, \(silent) with no progress recorded; \(now.milestonesMet) of "
          + "\(now.milestones) milestones met, \(now.milestonesOverdue) overdue.")
    }
    lines.append(
      "Standard checks: \(Self.count(now.errors, "error")), "
        + "\(Self.count(now.warnings, "warning")) (\(changes.newFindings.count) new, "
        + "\(changes.resolvedFindings.count) resolved since \(period.previousLabel)).")
    return lines
  }

  /// `1 error`, `3 errors`.
  static func count(_ value: Int, _ noun: String) -> String {
    "\(Format.integer(value)) \(noun)" + (value == 1 ? "" : "s")
  }
}
