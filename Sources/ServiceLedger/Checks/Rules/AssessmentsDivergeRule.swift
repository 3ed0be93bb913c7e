/// `assessments-diverge` (warning): the latest assessments of an item from different
/// perspectives (government, civil society, external) disagree.
public enum AssessmentsDivergeRule: PlanRule {
  public static let rule = CheckRule.assessmentsDiverge

  public static func findings(for plan: PlanRegistry.Plan, in registry: PlanRegistry)
    -> [Finding]
  {
    plan.items.compactMap { item -> Finding? in
      let views = item.assessments
      guard Set(views.map(\.verdict)).count > 1 else { return nil }
      let definition = item.definition
      let said = views.map {
        "\($0.perspective.rawValue) says \($0.verdict.rawValue) (\($0.on))"
      }
      let message =
        "item \(definition.item) of plan \(definition.plan) "
        + "\(FindingText.quoted(definition.title)): " + said.joined(separator: ", ") + ": "
        + PlanCitation.diverge + "; hear each side separately and record the agreed view "
        + "with `ledger record item.assessed` from each perspective"
      return Finding(rule, message: message, at: item.location)
    }
  }
}
