/// `overdue` (warning): a strategy action past its due date is `done` or `dropped`, and a
/// milestone past its due date is met.
public enum OverdueRule: StandardRule {
  public static let rule = CheckRule.overdue

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    let progress = facts.progress
    let actions = progress.allActions.compactMap { action -> Finding? in
      guard action.isOverdue, let due = action.definition.due else { return nil }
      let definition = action.definition
      let status =
        action.progress.map { "its latest status is \($0.status.rawValue) (on \($0.on))" }
        ?? "no progress is recorded"
      let command = FindingText.record(
        .actionProgressed,
        [
          "strategy=\(definition.strategy)", "action=\(definition.action)", "status=done",
          "on=\(FindingText.date)",
        ], file: action.location?.file)
      let message =
        "action \(definition.action) of \(definition.strategy) "
        + "\(FindingText.quoted(definition.title)) was due \(due) and \(status), "
        + FindingText.days(due.days(to: facts.asOf)) + " overdue: record its progress with "
        + "\(command) (or status=dropped, or a new due date in a note)"
      return Finding(rule, message: message, at: action.location)
    }
    let milestones = progress.allMilestones.compactMap { milestone -> Finding? in
      guard milestone.isOverdue else { return nil }
      let definition = milestone.definition
      let command = FindingText.record(
        .milestoneMet,
        [
          "strategy=\(definition.strategy)", "milestone=\(definition.milestone)",
          "on=\(FindingText.date)", "evidence=URL",
        ], file: milestone.location?.file)
      let message =
        "milestone \(definition.milestone) of \(definition.strategy) action \(definition.action) "
        + "\(FindingText.quoted(definition.title)) was due \(definition.due) and is not met, "
        + FindingText.days(definition.due.days(to: facts.asOf)) + " overdue: when it is met, "
        + "record it with \(command)"
      return Finding(rule, message: message, at: milestone.location)
    }
    return actions + milestones
  }
}
