import ServiceLedger

/// `ledger duties PLAN`: who must do what in a plan, by role, party and post.
struct DutiesCommand: Command {
  static let name = "duties"
  static let summary = "one plan's assignments by role and post, with deadline kinds"
  static let usage =
    "ledger duties PLAN [--role ROLE] [--party ORG] [--as-of DATE] [--known-at TIMESTAMP] "
    + "[--format FORMAT]"
  static let options: [OptionSpec] =
    ViewOptions.specs + [
      OptionSpec(
        "role", value: "ROLE",
        help: "only this role: " + ResponsibilityRole.words.joined(separator: ", ")),
      OptionSpec("party", value: "ORG", help: "only assignments of this organisation"),
    ]
  static let discussion = """
    Every responsibility.assigned of plan PLAN at the date, one row per assignment: the role
    (lead, executor, overseer, co-owner, contributor), the party and the post within it, the
    item with its title, its deadline's kind (date, range, recurring, per-period, triggered,
    continuous, as-needed, by-reference) and the deadline as printed. Rows come by role, then
    party and post, then in the plan's order. The notes count the items per post and per
    deadline kind. `ledger plan PLAN` shows the same items in their hierarchy.
    """

  let plan: PlanID
  let view: ViewOptions
  let selection: DutiesView.Selection

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    plan = try arguments.planID(command: Self.name)
    var shared = ParsedArguments(options: arguments.options)
    shared.options["role"] = nil
    shared.options["party"] = nil
    view = try ViewOptions(shared, context: context, command: Self.name)
    var selection = DutiesView.Selection()
    selection.role = try RegistryCommand.choice(
      arguments.value("role"), option: "--role", command: Self.name)
    if let text = arguments.value("party") {
      guard let party = OrganisationID.validated(text) else {
        throw UsageError(
          "--party \(Format.userText(text)) is not \(OrganisationID.syntax)", command: Self.name)
      }
      selection.party = party
    }
    self.selection = selection
  }

  func run(context: CommandContext) throws -> Int32 {
    let registry = try view.fold(PlanRegistry(asOf: view.asOf), context)
    guard let found = registry.plan(withID: plan) else {
      let known = registry.allPlans.map(\.registration.plan.rawValue)
      throw PlanNotFound(plan: plan, asOf: view.asOf, known: known)
    }
    return view.write(DutiesView.output(found, registry, selection), context)
  }
}
