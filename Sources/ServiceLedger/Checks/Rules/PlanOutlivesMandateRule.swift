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
      let command = FindingText.record(
        .planStatusChanged,
        ["plan=\(id)", "status=expired|suspended|reaffirmed", "on=\(FindingText.date)"],
        file: plan.location?.file)
      let message =
        "plan \(id) \(FindingText.quoted(plan.registration.title)) was "
        + "\(standing.status.rawValue) on \(standing.on)"
        + (standing.when.map { " (as printed: \($0))" } ?? "") + " when "
        + "the mandate of its governing body \(body.body) (\(body.name)) ended by "
        + "\(end.cause.rawValue) on \(end.on)" + (end.when.map { " (as printed: \($0))" } ?? "")
        + ", and \(period): " + PlanCitation.mandate + "; record what became of the plan "
        + "with \(command), or its end with a corrected plan.registered"
      return Finding(rule, message: message, at: plan.location)
    }
  }
}
