import ServiceLedger

/// `ledger plan ID`: one plan's items with their responsible parties, deadlines and status.
struct PlanCommand: Command {
  static let name = "plan"
  static let summary = "one plan's items by hierarchy: responsible, due, status, targets"
  static let usage = "ledger plan ID [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = ViewOptions.specs
  static let discussion = """
    The items of plan ID at the date, each under its parent in the order recorded: its kind,
    title, responsible parties with their roles (and the body that assigned them), deadline
    (a date, a range, or as printed: recurring, triggered, as needed, ...), latest status,
    target with its latest measure and attainment, and the latest assessment from each
    perspective. The notes give the plan's organisation, period, status history, governing
    body and any count the source declares beside what is recorded. `ledger plans` lists the
    ids.
    """

  let plan: PlanID
  let view: ViewOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    plan = try arguments.planID(command: Self.name)
    view = try ViewOptions(
      ParsedArguments(options: arguments.options), context: context, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let registry = try view.fold(PlanRegistry(asOf: view.asOf), context)
    guard let found = registry.plan(withID: plan) else {
      let known = registry.allPlans.map(\.registration.plan.rawValue)
      throw PlanNotFound(plan: plan, asOf: view.asOf, known: known)
    }
    return view.write(PlanView.output(found, registry), context)
  }
}

/// `ledger plan ID` for a plan not registered by the date.
struct PlanNotFound: Error, CustomStringConvertible {
  var plan: PlanID
  var asOf: CivilDate
  var known: [String]

  var description: String {
    "no plan \(plan) is registered as of \(asOf); "
      + (known.isEmpty
        ? "the ledger has no plans by then" : "the plans are " + known.joined(separator: ", "))
  }
}
