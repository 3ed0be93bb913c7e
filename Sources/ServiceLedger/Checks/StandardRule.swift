/// A rule of the service standard or the strategy, checked on the ledger at a date.
///
/// Rules return findings, never throw: a broken rule is data for the report.
public protocol StandardRule: SendableMetatype {
  /// The rule's id and severity.
  static var rule: CheckRule { get }
  /// Every breach of the rule in `facts`.
  static func findings(_ facts: StandardFacts) -> [Finding]
}

/// The standard rules, in catalogue order.
public enum StandardRules {
  /// Every standard rule.
  public static var all: [any StandardRule.Type] {
    [
      ServiceManagerRule.self, AssessmentRule.self, AssistedDigitalRule.self, KPIRule.self,
      GovukRule.self, ExemplarDeadlineRule.self, OverdueRule.self, StaleVolumeRule.self,
    ] + PlanRules.all + [SubjectRequestSLARule.self]
  }

  /// The findings of the rules in `rules` that are standard rules.
  public static func findings(_ facts: StandardFacts, rules: [CheckRule]) -> [Finding] {
    all.filter { rules.contains($0.rule) }.flatMap { $0.findings(facts) }
  }
}
