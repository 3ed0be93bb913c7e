extension BoardReport {
  /// The report "at a glance": one plain sentence per topic, the same in every format.
  public var summary: [String] {
    let now = headlines
    var lines: [String] = []
    if now.exemplars > 0 { lines.append(exemplarSummary) }
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
    if now.actions > 0 { lines.append(strategySummary) }
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
