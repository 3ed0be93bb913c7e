/// `ledger duties PLAN`: who must do what in a plan, by responsible party and post: one row
/// per assignment (role, party, post, item, title, deadline kind, deadline as printed), in
/// role then post order; the notes count the items per post and per deadline kind. For
/// Yakutsk's work schedule: each task's executor at the school and overseer at the Education
/// Department, with their deadline kinds.
///
/// JSON: `{"asOf", "plan", "duties": [{"role", "party": {"id", "name", "kind"}, "post",
/// "item", "title", "dueKind", "due", "dueFrom", "dueText"}], "byPost": [{"role", "party",
/// "post", "items"}], "byDeadlineKind": {"date": 9, …}}`.
public enum DutiesView {
  /// Which assignments to show.
  public struct Selection: Sendable {
    public var role: ResponsibilityRole?
    public var party: OrganisationID?
    public init(role: ResponsibilityRole? = nil, party: OrganisationID? = nil) {
      self.role = role
      self.party = party
    }
  }

  struct Duty {
    var assignment: ResponsibilityAssigned
    var item: ItemDefined
  }

  /// The view of `plan` for `selection`.
  public static func output(
    _ plan: PlanRegistry.Plan, _ registry: PlanRegistry, _ selection: Selection
  ) -> ViewOutput {
    let roles = ResponsibilityRole.allCases
    let duties = plan.items.enumerated().flatMap { index, item in
      item.responsibilities.map { (index, Duty(assignment: $0, item: item.definition)) }
    }.filter { _, duty in
      (selection.role.map { duty.assignment.role == $0 } ?? true)
        && (selection.party.map { duty.assignment.party == $0 } ?? true)
    }.sorted { lhs, rhs in
      let left = (roles.firstIndex(of: lhs.1.assignment.role) ?? 0, key(lhs.1))
      let right = (roles.firstIndex(of: rhs.1.assignment.role) ?? 0, key(rhs.1))
      return left != right ? left < right : lhs.0 < rhs.0
    }.map(\.1)
    let table = TableData(
      fields: [
        "ROLE": "role", "PARTY": "party", "POST": "post", "ITEM": "item", "TITLE": "title",
        "DEADLINE": "deadline_kind", "DUE": "due",
      ],
      rows: duties.map { duty in
        [
          .text(duty.assignment.role.rawValue), .text(duty.assignment.party.rawValue),
          .optional(duty.assignment.post), .text(duty.item.item.rawValue),
          .text(duty.item.title), .optional(duty.item.deadlineKind?.rawValue),
          .optional(PlanView.due(duty.item)),
        ]
      }, leftOutFirst: ["TITLE", "PARTY"])
    return ViewOutput(
      table: table, json: json(plan, duties, registry),
      emptyNote: "\(plan.registration.plan) has no responsibility recorded as of \(registry.asOf)",
      notes: notes(duties))
  }

  /// Sorts assignments by party then post.
  static func key(_ duty: Duty) -> String {
    duty.assignment.party.rawValue + "\u{0}" + (duty.assignment.post ?? "")
  }

  /// `executor yakutsk-schools, администратор` for one post's rows.
  static func who(_ duty: Duty) -> String {
    "\(duty.assignment.role.rawValue) \(duty.assignment.party)"
      + (duty.assignment.post.map { ", \($0)" } ?? "")
  }

  static func byPost(_ duties: [Duty]) -> [(Duty, Int)] {
    var order: [String] = []
    var counts: [String: (Duty, Int)] = [:]
    for duty in duties {
      let name = who(duty)
      if let known = counts[name] {
        counts[name] = (known.0, known.1 + 1)
      } else {
        order.append(name)
        counts[name] = (duty, 1)
      }
    }
    return order.compactMap { counts[$0] }
  }

  static func byKind(_ duties: [Duty]) -> [(String, Int)] {
    let kinds = DeadlineKind.allCases.map(\.rawValue) + ["none"]
    return kinds.compactMap { kind in
      let count = duties.filter { ($0.item.deadlineKind?.rawValue ?? "none") == kind }.count
      return count == 0 ? nil : (kind, count)
    }
  }

  static func notes(_ duties: [Duty]) -> [String] {
    guard !duties.isEmpty else { return [] }
    return [
      "By post: " + byPost(duties).map { "\(who($0.0)) \($0.1)" }.joined(separator: "; ") + ".",
      "By deadline kind: " + byKind(duties).map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        + " (\(duties.count) assignment(s)).",
    ]
  }

  static func json(_ plan: PlanRegistry.Plan, _ duties: [Duty], _ registry: PlanRegistry)
    -> JSONValue
  {
    .members([
      "asOf": .date(registry.asOf),
      "plan": .string(plan.registration.plan.rawValue),
      "duties": .array(
        duties.map { duty in
          .members([
            "role": .string(duty.assignment.role.rawValue),
            "party": PlansView.organisation(duty.assignment.party, registry),
            "post": .string(duty.assignment.post),
            "item": .string(duty.item.item.rawValue), "title": .string(duty.item.title),
            "dueKind": .string(duty.item.deadlineKind?.rawValue),
            "due": .date(duty.item.due), "dueFrom": .date(duty.item.dueFrom),
            "dueText": .string(duty.item.dueText),
          ])
        }),
      "byPost": .array(
        byPost(duties).map { duty, count in
          .members([
            "role": .string(duty.assignment.role.rawValue),
            "party": .string(duty.assignment.party.rawValue),
            "post": .string(duty.assignment.post), "items": .integer(count),
          ])
        }),
      "byDeadlineKind": .object(
        byKind(duties).map { JSONMember(key: $0.0, value: .integer($0.1)) }),
    ])
  }
}
