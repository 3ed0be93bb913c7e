/// `declared-vs-listed` (warning): a count a source declares (`count.declared`: "17 co-created
/// commitments", "35 municipalities have a digitalisation strategy") differs from the items or
/// plans recorded; the finding says how many are missing.
public enum DeclaredVsListedRule: PlanRule {
  public static let rule = CheckRule.declaredVsListed

  public static func findings(for plan: PlanRegistry.Plan, in registry: PlanRegistry)
    -> [Finding]
  {
    plan.declared.filter { $0.recorded != $0.declaration.count }.map { declared in
      let id = plan.registration.plan
      let command = FindingText.record(
        .itemDefined,
        ["plan=\(id)", "item=ID", "kind=\(declared.declaration.of)", "title=..."],
        file: plan.location?.file)
      return Finding(
        rule,
        message: "plan \(id) " + difference(declared, what: "\(declared.declaration.of) items")
          + "; record each one the sources name with \(command), and leave the rest "
          + "unrecorded rather than invent them",
        at: declared.location ?? plan.location)
    }
  }

  public static func findings(in registry: PlanRegistry) -> [Finding] {
    registry.organisationDeclarations.filter { $0.recorded != $0.declaration.count }.map {
      declared in
      let organisation = declared.declaration.organisation?.rawValue ?? "?"
      return Finding(
        rule,
        message: "organisation \(organisation) "
          + difference(declared, what: "plans of form \(declared.declaration.of)")
          + " (its own and those of the organisations under it); register each one the "
          + "sources name with `ledger record plan.registered`",
        at: declared.location)
    }
  }

  /// `declares 17 commitment items; 5 recorded, 12 missing (source: “…”)`.
  static func difference(_ declared: PlanRegistry.Declared, what: String) -> String {
    let count = declared.declaration.count
    let gap = count - declared.recorded
    let quote =
      declared.declaration.source.map {
        " (source: \(FindingText.quoted(PlanCitation.quotation($0), limit: 120)))"
      } ?? ""
    return "declares \(count) \(what); \(declared.recorded) recorded, "
      + (gap > 0 ? "\(gap) missing" : "\(-gap) more than declared") + quote
  }
}
