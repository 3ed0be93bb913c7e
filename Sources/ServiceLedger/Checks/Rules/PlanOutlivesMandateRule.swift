/// `plan-outlives-mandate` (warning): an adopted plan whose period ends after an election or
/// dissolution of its governing body, or has no end recorded, and that no later adoption
/// (endorsed, approved, reaffirmed after the mandate ended) carried over.
public enum PlanOutlivesMandateRule: PlanRule {
  public static let rule = CheckRule.planOutlivesMandate

  public static func findings(for plan: PlanRegistry.Plan, in registry: PlanRegistry)
    -> [Finding]
  {
    guard let body = plan.governingBody else { return [] }
    return plan.mandateEnds.compactMap { end -> Finding? in
      guard let standing = plan.history.last(where: { $0.on <= end.on }),
        standing.status.isAdopted, !standing.status.isEnded
      else { return nil }
      if let to = plan.registration.to, to <= end.on { return nil }
      let readopted = plan.history.contains {
        $0.on > end.on && [.endorsed, .approved, .reaffirmed].contains($0.status)
      }
      guard !readopted else { return nil }
      let id = plan.registration.plan
      let period =
        plan.registration.to.map { "its period ends \($0)" } ?? "it has no end recorded"
      // Only a status can settle it: a plan is registered once, so its end cannot be added.
      let command = FindingText.record(
        .planStatusChanged,
        ["plan=\(id)", "status=expired", "on=\(FindingText.date)"],
        file: plan.location?.file)
      let message =
        "plan \(id) \(FindingText.quoted(plan.registration.title)) was "
        + "\(standing.status.rawValue) on \(standing.on)"
        + (standing.when.map { " (as printed: \(Format.userText($0)))" } ?? "") + " when "
        + "the mandate of its governing body \(body.body) (\(Format.userText(body.name))) ended by "
        + "\(end.cause.rawValue) on \(end.on)"
        + (end.when.map { " (as printed: \(Format.userText($0)))" } ?? "")
        + ", and \(period): " + PlanCitation.mandate + "; if it ended by \(end.on), record "
        + "that with \(command); if it was adopted again after, record that with "
        + "status=reaffirmed (or approved, endorsed) and its date"
      return Finding(rule, message: message, at: plan.location)
    }
  }
}
