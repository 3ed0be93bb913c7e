/// `tracked-cap` (error): a plan under an OGP framework (`ogp-local`, ...) formally tracks at
/// most five items with OGP.
public enum TrackedCapRule: PlanRule {
  public static let rule = CheckRule.trackedCap
  /// How many commitments OGP tracks formally.
  public static let cap = 5

  public static func findings(for plan: PlanRegistry.Plan, in registry: PlanRegistry)
    -> [Finding]
  {
    guard let framework = plan.registration.framework, framework.hasPrefix("ogp") else {
      return []
    }
    return [plan].compactMap { plan -> Finding? in
      let tracked = plan.items.filter { $0.tracked != nil }.map(\.definition.item.rawValue)
      guard tracked.count > cap else { return nil }
      let message =
        "plan \(plan.registration.plan) (\(Format.userText(framework))) tracks "
        + "\(tracked.count) items formally (\(tracked.joined(separator: ", "))), more than "
        + "the \(cap) OGP tracks: "
        + PlanCitation.trackedCap + "; keep \(cap) and withdraw the others' item.tracked "
        + "with `ledger record event.retracted event=ID`"
      return Finding(rule, message: message, at: plan.location)
    }
  }
}
