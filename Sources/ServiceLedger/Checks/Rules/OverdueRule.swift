/// `overdue` (warning): a strategy action past its due date is `done` or `dropped`, and a
/// milestone past its due date is met.
///
/// What is not recorded is not called late: an item past its due date with no progress
/// recorded is reported as "no progress recorded (due DATE, …)", one the ledger records as
/// unfinished as late (`StrategyProgress.Standing`).
public enum OverdueRule: StandardRule {
  public static let rule = CheckRule.overdue

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    let progress = facts.progress
    let actions = progress.allActions.compactMap { action -> Finding? in
      guard action.isPastDue, let due = action.definition.due else { return nil }
      let definition = action.definition
      let subject =
        "action \(definition.action) of \(definition.strategy) "
        + FindingText.quoted(definition.title)
      let command = FindingText.record(
        .actionProgressed,
        [
          "strategy=\(definition.strategy)", "action=\(definition.action)", "status=done",
          "on=\(FindingText.date)",
        ], file: action.location?.file)
      let what =
        action.progress.map { latest in
          "was due \(due) and its latest status is \(latest.status.rawValue) (on \(latest.on)), "
            + FindingText.days(due.days(to: facts.asOf)) + " late"
        } ?? "has " + unrecorded(due: due, asOf: facts.asOf)
      let message =
        "\(subject) \(what): record its progress with \(command) (or status=dropped, or a new "
        + "due date in a note)"
      return Finding(rule, message: message, at: action.location)
    }
    let milestones = progress.allActions.flatMap { action in
      action.milestones.compactMap { milestone -> Finding? in
        guard milestone.isPastDue else { return nil }
        let definition = milestone.definition
        let command = FindingText.record(
          .milestoneMet,
          [
            "strategy=\(definition.strategy)", "milestone=\(definition.milestone)",
            "on=\(FindingText.date)", "evidence=URL",
          ], file: milestone.location?.file)
        let subject =
          "milestone \(definition.milestone) of \(definition.strategy) action "
          + "\(definition.action) \(FindingText.quoted(definition.title))"
        let what: String
        if milestone.standing == .late, let latest = action.progress {
          what =
            "was due \(definition.due) and is not met; action \(definition.action) was still "
            + "\(latest.status.rawValue) on \(latest.on), "
            + FindingText.days(definition.due.days(to: facts.asOf)) + " after it fell due"
        } else {
          what = "has " + unrecorded(due: definition.due, asOf: facts.asOf)
        }
        let message = "\(subject) \(what): when it is met, record it with \(command)"
        return Finding(rule, message: message, at: milestone.location)
      }
    }
    return actions + milestones
  }

  /// `no progress recorded (due 2013-04-30, 700 days before 2015-03-31)`.
  static func unrecorded(due: CivilDate, asOf: CivilDate) -> String {
    "no progress recorded (due \(due), \(FindingText.days(due.days(to: asOf))) before \(asOf))"
  }
}
