/// `deadline-before-approval` (warning): an item of a plan is due before the plan was approved
/// (its first `approved` or `endorsed` status, else the date its document was issued).
public enum DeadlineBeforeApprovalRule: PlanRule {
  public static let rule = CheckRule.deadlineBeforeApproval

  public static func findings(for plan: PlanRegistry.Plan, in registry: PlanRegistry)
    -> [Finding]
  {
    guard let approval = plan.approval else { return [] }
    return plan.items.compactMap { item -> Finding? in
      guard let due = item.definition.dueDate, due < approval else { return nil }
      let definition = item.definition
      let message =
        "item \(definition.item) of plan \(definition.plan) "
        + "\(FindingText.quoted(definition.title)) is due \(due)"
        + (definition.dueText.map { " (as printed: \(Format.userText($0)))" } ?? "") + ", "
        + FindingText.days(due.days(to: approval)) + " before the plan was approved on "
        + "\(approval): a plan cannot set a deadline that has passed when it takes effect; "
        + "check the date against the source, and if it was misread, retract the item "
        + "(`ledger record event.retracted event=ID`) and define it again"
      return Finding(rule, message: message, at: item.location)
    }
  }
}
