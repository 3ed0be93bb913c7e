/// A rule about plans of any form, checked plan by plan, so that a plan's report can ask for the
/// findings about that plan alone.
public protocol PlanRule: StandardRule {
  /// The breaches of the rule by `plan`.
  static func findings(for plan: PlanRegistry.Plan, in registry: PlanRegistry) -> [Finding]
  /// The breaches that concern no one plan (bodies, organisations' declared counts).
  static func findings(in registry: PlanRegistry) -> [Finding]
}

extension PlanRule {
  public static func findings(in registry: PlanRegistry) -> [Finding] { [] }

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    facts.plans.allPlans.flatMap { findings(for: $0, in: facts.plans) }
      + findings(in: facts.plans)
  }
}

/// The plan rules, in catalogue order.
public enum PlanRules {
  public static let all: [any PlanRule.Type] = [
    TrackedCapRule.self, DeclaredVsListedRule.self, PlanOutlivesMandateRule.self,
    DeadlineBeforeApprovalRule.self, ParityRule.self, AssessmentsDivergeRule.self,
  ]

  /// Every plan rule's findings about `plan`, and `parity`'s about the bodies of its
  /// organisation.
  public static func findings(for plan: PlanRegistry.Plan, in registry: PlanRegistry)
    -> [Finding]
  {
    all.flatMap { $0.findings(for: plan, in: registry) }
      + registry.allBodies.filter {
        $0.formation.organisation == plan.registration.organisation
          || $0.formation.body == plan.registration.governedBy
      }.compactMap(ParityRule.finding)
  }
}
