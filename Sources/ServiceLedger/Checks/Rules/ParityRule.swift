/// `parity` (warning): a body declared to have as many government as civil-society members
/// (`composition: parity`) does not, judged once its declared number of members is all
/// recorded, or as soon as one side holds more than half the seats.
///
/// Without a declared number of members the rule cannot tell a missing member from an
/// imbalance, and says nothing.
public enum ParityRule: PlanRule {
  public static let rule = CheckRule.parity

  /// Bodies belong to organisations, not plans: see `findings(in:)`.
  public static func findings(for plan: PlanRegistry.Plan, in registry: PlanRegistry)
    -> [Finding]
  { [] }

  public static func findings(in registry: PlanRegistry) -> [Finding] {
    registry.allBodies.compactMap(finding)
  }

  /// The breach by `body`, if any.
  public static func finding(_ body: PlanRegistry.Body) -> Finding? {
    let formation = body.formation
    guard formation.composition == .parity, let seats = formation.members else { return nil }
    let government = body.count(.government)
    let civilSociety = body.count(.civilSociety)
    let complete = body.members.count >= seats
    let broken =
      complete ? government != civilSociety : max(government, civilSociety) * 2 > seats
    guard broken else { return nil }
    let message =
      "body \(formation.body) (\(Format.userText(formation.name))) is declared to have equal "
      + "numbers of government and civil-society members, but of its \(seats) members "
      + "\(government) sit for government and \(civilSociety) for civil society"
      + (complete ? "" : " (\(body.members.count) recorded so far)") + ": "
      + PlanCitation.parity + "; record the members who joined or left (body.member-joined), "
      + "or correct the declared composition"
    return Finding(rule, message: message, at: body.location)
  }
}
